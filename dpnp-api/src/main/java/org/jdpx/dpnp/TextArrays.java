package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's text readers (fromstring with a separator, fromregex, genfromtxt): the text is parsed
 * on the host into one flat table of numbers, then copied to the options' device in the asked
 * dtype (float64 becomes float32 on a device without fp64, as everywhere in jdpx).
 */
final class TextArrays {

    private TextArrays() {
    }

    /** NumPy {@code np.fromstring(text, dtype, count, sep)} for a non-empty separator. */
    static UsmNdArray fromstring(String text, DType dtype, long count, String sep, ArrayOptions o) {
        if (sep == null || sep.isEmpty()) {
            throw new UnsupportedOperationException("fromstring: binary mode (sep='') is not supported (NumPy removed it too); "
                    + "pass a separator such as ' ' or ',', or use Dpnp.frombuffer for bytes");
        }
        String body = text.strip();
        String[] items = body.isEmpty() ? new String[0]
                : sep.isBlank() ? body.split("\\s+") : body.split("\\s*" + Pattern.quote(sep.strip()) + "\\s*", -1);
        if (count >= 0 && count > items.length) {
            throw new IllegalArgumentException("fromstring: string is smaller than requested size (" + items.length
                    + " items, count " + count + ")");
        }
        int n = count < 0 ? items.length : (int) count;
        List<String> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) fields.add(items[i]);
        return array("fromstring", fields, new long[] {n}, dtype, null, o);
    }

    /** NumPy {@code np.fromregex(text, regexp, dtype)} with every field of one dtype: a column per group. */
    static UsmNdArray fromregex(String text, String regexp, DType dtype, ArrayOptions o) {
        Pattern p = Pattern.compile(regexp);
        Matcher m = p.matcher(text);
        int groups = m.groupCount();
        if (groups == 0) {
            throw new IllegalArgumentException("fromregex: the regular expression '" + regexp
                    + "' has no groups; put each column in parentheses");
        }
        List<String> fields = new ArrayList<>();
        long rows = 0;
        while (m.find()) {
            for (int g = 1; g <= groups; g++) fields.add(m.group(g) == null ? "" : m.group(g));
            rows++;
        }
        return array("fromregex", fields, groups == 1 ? new long[] {rows} : new long[] {rows, groups}, dtype, null, o);
    }

    /**
     * NumPy {@code np.genfromtxt(lines, dtype, comments='#', delimiter, skip_header, usecols,
     * filling_values)}: empty fields are missing and take the filling value (null: NaN for floats,
     * -1 for integers); the result is squeezed as NumPy squeezes it.
     */
    static UsmNdArray genfromtxt(List<String> lines, DType dtype, String delimiter, int skipHeader, int[] usecols,
            Double filling, ArrayOptions o) {
        if (skipHeader < 0) throw new IllegalArgumentException("genfromtxt: skip_header must be >= 0, got " + skipHeader);
        List<String> fields = new ArrayList<>();
        int cols = -1;
        long rows = 0;
        for (int li = skipHeader; li < lines.size(); li++) {
            String line = lines.get(li);
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            if (line.isBlank()) continue;
            String[] f = delimiter == null ? line.strip().split("\\s+") : line.split(Pattern.quote(delimiter), -1);
            String[] row = usecols == null ? f : select(f, usecols, li + 1);
            if (cols >= 0 && row.length != cols) {
                throw new IllegalArgumentException("genfromtxt: line #" + (li + 1) + " (got " + row.length
                        + " columns instead of " + cols + "); give every row the same number of fields or pick usecols");
            }
            cols = row.length;
            for (String s : row) fields.add(s.strip());
            rows++;
        }
        long[] shape = rows == 0 ? new long[] {0} : java.util.stream.LongStream.of(rows, cols).filter(k -> k != 1).toArray();
        return array("genfromtxt", fields, shape, dtype, filling == null ? Double.NaN : filling, o);
    }

    private static String[] select(String[] f, int[] usecols, int line) {
        String[] r = new String[usecols.length];
        for (int k = 0; k < usecols.length; k++) {
            int c = usecols[k] < 0 ? usecols[k] + f.length : usecols[k];
            if (c < 0 || c >= f.length) {
                throw new IllegalArgumentException("genfromtxt: usecols " + usecols[k] + " is out of range for line #" + line
                        + " with " + f.length + " columns");
            }
            r[k] = f[c];
        }
        return r;
    }

    /** The fields parsed as {@code dtype} into an array of {@code shape}; empty fields take {@code missing} (null: an error). */
    private static UsmNdArray array(String fn, List<String> fields, long[] shape, DType dtype, Double missing, ArrayOptions o) {
        DType t = dtype == null ? DType.FLOAT64 : dtype;
        DType onDevice = DTypes.forDevice(t, o.resolveQueue().device(), false);
        ArrayOptions to = o.dtype(onDevice);
        int n = fields.size();
        if (t.isFloat()) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = fields.get(i).isEmpty() && missing != null ? missing : parseDouble(fn, fields.get(i));
            return Tensor.asarray(v, shape, to);
        }
        if (!t.isInteger()) throw new UnsupportedOperationException(fn + ": dtype " + t + " is not supported; use a float or integer dtype");
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            String s = fields.get(i);
            v[i] = s.isEmpty() && missing != null ? (Double.isNaN(missing) ? -1 : (long) (double) missing) : parseLong(fn, s);
        }
        return Tensor.asarray(v, shape, to);
    }

    /** Python's {@code float()}: also nan, inf, infinity in any case and sign. */
    private static double parseDouble(String fn, String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        String u = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
        double sign = l.startsWith("-") ? -1 : 1;
        if (u.equals("nan")) return Double.NaN;
        if (u.equals("inf") || u.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
        if (u.isEmpty() || u.endsWith("d") || u.endsWith("f") || u.startsWith("0x")) throw notNumber(fn, s);
        try {
            return Double.parseDouble(l);
        } catch (NumberFormatException e) {
            throw notNumber(fn, s);
        }
    }

    private static long parseLong(String fn, String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw notNumber(fn, s);
        }
    }

    private static IllegalArgumentException notNumber(String fn, String s) {
        return new IllegalArgumentException(fn + ": could not convert string '" + s + "' to a number");
    }
}
