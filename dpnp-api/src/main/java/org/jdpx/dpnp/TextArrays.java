package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdpx.interop.text.TextErrors;
import org.jdpx.interop.text.TextNumbers;
import org.jdpx.interop.text.TextTable;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's text readers (fromstring with a separator, fromregex, genfromtxt): the text is cut into
 * fields and read as numbers by interop's {@link TextTable} and {@link TextNumbers} (which
 * loadtxt uses too), then copied to the options' device in the asked dtype (float64 becomes
 * float32 on a device without fp64, as everywhere in jdpx).
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
        List<String[]> row = n == 0 ? List.of() : List.<String[]>of(java.util.Arrays.copyOf(items, n));
        return array("fromstring", TextTable.of(row), new long[] {n}, dtype, null, o);
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
        List<String[]> rows = new ArrayList<>();
        while (m.find()) {
            String[] row = new String[groups];
            for (int g = 1; g <= groups; g++) row[g - 1] = m.group(g) == null ? "" : m.group(g);
            rows.add(row);
        }
        long[] shape = groups == 1 ? new long[] {rows.size()} : new long[] {rows.size(), groups};
        return array("fromregex", TextTable.of(rows), shape, dtype, null, o);
    }

    /**
     * NumPy {@code np.genfromtxt(lines, dtype, comments='#', delimiter, skip_header, usecols,
     * filling_values)}: empty fields are missing and take the filling value (null: NaN for floats,
     * -1 for integers); the result is squeezed as NumPy squeezes it.
     */
    static UsmNdArray genfromtxt(List<String> lines, DType dtype, String delimiter, int skipHeader, int[] usecols,
            Double filling, ArrayOptions o) {
        if (skipHeader < 0) throw new IllegalArgumentException("genfromtxt: skip_header must be >= 0, got " + skipHeader);
        TextErrors errors = errors("genfromtxt");
        TextTable table = TextTable.read(lines, delimiter, "#", skipHeader, usecols, errors);
        table.requireRectangular(errors);
        return array("genfromtxt", table, table.squeezedShape(), dtype, filling == null ? Double.NaN : filling, o);
    }

    /** How function {@code fn} words bad input. */
    private static TextErrors errors(String fn) {
        return new TextErrors() {
            @Override public IllegalArgumentException ragged(int line, int expected, int got) {
                return new IllegalArgumentException(fn + ": line #" + line + " (got " + got + " columns instead of " + expected
                        + "); give every row the same number of fields or pick usecols");
            }

            @Override public IllegalArgumentException badColumn(int line, int index, int columns) {
                return new IllegalArgumentException(fn + ": usecols " + index + " is out of range for line #" + line + " with "
                        + columns + " columns");
            }

            @Override public IllegalArgumentException badValue(String field, int line, int column, NumberFormatException cause) {
                return new IllegalArgumentException(fn + ": could not convert string '" + field + "' to a number");
            }
        };
    }

    /** The table's fields parsed as {@code dtype} into an array of {@code shape}; empty fields take {@code missing} (null: an error). */
    private static UsmNdArray array(String fn, TextTable table, long[] shape, DType dtype, Double missing, ArrayOptions o) {
        DType t = dtype == null ? DType.FLOAT64 : dtype;
        DType onDevice = DTypes.forDevice(t, o.resolveQueue().device(), false);
        ArrayOptions to = o.dtype(onDevice);
        if (t.isFloat()) return Tensor.asarray(TextNumbers.doubles(table, missing, errors(fn)), shape, to);
        if (!t.isInteger()) throw new UnsupportedOperationException(fn + ": dtype " + t + " is not supported; use a float or integer dtype");
        Long fill = missing == null ? null : Double.isNaN(missing) ? -1L : (long) (double) missing;
        return Tensor.asarray(TextNumbers.longs(table, fill, errors(fn)), shape, to);
    }
}
