package org.jdpx.interop.npy;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Delimited text, NumPy's {@code np.loadtxt} and {@code np.savetxt} in their simple forms:
 * delimiter, skipped rows, selected columns, dtype, comment prefix, a header, a printf format.
 * Parsed and printed on the host; the array is then copied to (or from) the options' device.
 */
public final class TextFiles {
    private static final Pattern SPEC = Pattern.compile("%[-+ 0#,(]*\\d*(?:\\.(\\d+))?([eEfFgGaA])");

    private TextFiles() {
    }

    /**
     * The numbers of a text file as an array: 2-D (rows, columns) with axes of extent 1 squeezed,
     * as NumPy's default {@code ndmin=0}.
     *
     * @param dtype     element type; null for float64 (float32 on a device without fp64)
     * @param delimiter column separator; null for any run of whitespace
     * @param skiprows  lines to skip first (comments and blank lines included, as NumPy)
     * @param usecols   columns to keep, negative from the end; null for all
     * @param comments  the prefix that starts a comment to the end of the line; null for none
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming row and column when a value does not parse, a
     *         selected column is missing, or rows have different numbers of columns
     */
    public static UsmNdArray loadtxt(Path path, DType dtype, String delimiter, int skiprows, int[] usecols, String comments,
                                     ArrayOptions options) throws IOException {
        DType t = dtype != null ? dtype : DType.FLOAT64;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            for (int n = 1; (line = in.readLine()) != null; n++) {
                if (n <= skiprows) continue;
                if (comments != null && !comments.isEmpty() && line.contains(comments)) line = line.substring(0, line.indexOf(comments));
                if (line.isBlank()) continue;
                String[] fields = delimiter == null ? line.trim().split("\\s+") : line.split(Pattern.quote(delimiter), -1);
                rows.add(usecols == null ? fields : select(fields, usecols, n));
                lineNumbers.add(n);
            }
        }
        int cols = rows.isEmpty() ? 0 : rows.get(0).length;
        double[] d = t.isFloat() ? new double[rows.size() * cols] : null;
        long[] l = t.isFloat() ? null : new long[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            String[] f = rows.get(r);
            if (f.length != cols) {
                throw new IllegalArgumentException(path + ": the number of columns changed from " + cols + " to " + f.length
                        + " at row " + lineNumbers.get(r) + "; use usecols to select a subset and avoid this error");
            }
            for (int c = 0; c < cols; c++) {
                try {
                    if (d != null) d[r * cols + c] = parseDouble(f[c].trim()); else l[r * cols + c] = parseLong(f[c].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(path + ": could not convert string '" + f[c].trim() + "' to " + t
                            + " at row " + lineNumbers.get(r) + ", column " + (c + 1) + ".", e);
                }
            }
        }
        long[] shape = rows.size() == 1 ? new long[] {cols} : cols == 1 ? new long[] {rows.size()} : new long[] {rows.size(), cols};
        if (rows.size() == 1 && cols == 1) shape = new long[0];
        if (rows.isEmpty()) shape = new long[] {0};
        ArrayOptions o = dtype != null ? options.dtype(dtype) : options;
        return Tensor.asarray(d != null ? d : l, shape, o);
    }

    /**
     * {@code d} as the exact decimal value of the double, rounded half-even to the format's
     * precision as Python's {@code %} does; Java's Formatter would print a double's shortest
     * digits padded with zeros ({@code 0.1} as {@code 1.000...000e-01}, Python {@code 1.000...056e-01}).
     */
    private static Object exact(String fmt, double d) {
        Matcher m = SPEC.matcher(fmt);
        if (d == 0 || !m.find()) return d;
        int precision = m.group(1) == null ? 6 : Integer.parseInt(m.group(1));
        BigDecimal b = new BigDecimal(d);
        return switch (m.group(2).charAt(0)) {
            case 'e', 'E' -> b.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            case 'f', 'F' -> b.setScale(precision, RoundingMode.HALF_EVEN);
            default -> d;
        };
    }

    /** Python's {@code float()}: also {@code nan}, {@code inf}, {@code -infinity} in any case. */
    private static double parseDouble(String s) {
        String v = s.toLowerCase(Locale.ROOT);
        String mag = v.startsWith("-") || v.startsWith("+") ? v.substring(1) : v;
        if (mag.equals("nan")) return Double.NaN;
        if (mag.equals("inf") || mag.equals("infinity")) return v.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        return Double.parseDouble(s);
    }

    private static long parseLong(String s) {
        return switch (s) {
            case "True" -> 1;
            case "False" -> 0;
            default -> Long.parseLong(s);
        };
    }

    private static String[] select(String[] fields, int[] usecols, int line) {
        String[] out = new String[usecols.length];
        for (int i = 0; i < usecols.length; i++) {
            int c = usecols[i] < 0 ? usecols[i] + fields.length : usecols[i];
            if (c < 0 || c >= fields.length) {
                throw new IllegalArgumentException("invalid column index " + usecols[i] + " at row " + line + " with "
                        + fields.length + " columns");
            }
            out[i] = fields[c];
        }
        return out;
    }

    /**
     * Writes a 1- or 2-D array as text, one row per line (a 1-D array as one column, as NumPy).
     *
     * @param fmt       a printf format for each value, e.g. {@code "%.18e"} (NumPy's default) or
     *                  {@code "%d"}; integer conversions (d, x, o) get the value as an integer
     * @param delimiter between values of a row
     * @param header    text written first, each line behind {@code comments}; empty for none
     * @param comments  the prefix of header lines, NumPy's {@code "# "}
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException for an array of more than two axes or a format that does not fit
     */
    public static void savetxt(Path path, UsmNdArray x, String fmt, String delimiter, String header, String comments)
            throws IOException {
        if (x.ndim() < 1 || x.ndim() > 2) {
            throw new IllegalArgumentException("savetxt writes 1-D and 2-D arrays, not " + x.ndim() + "-D; reshape it first");
        }
        long cols = x.ndim() == 2 ? x.shape()[1] : 1;
        boolean integral = "dxXo".indexOf(fmt.charAt(fmt.length() - 1)) >= 0;
        double[] d = integral ? null : x.toDoubleArray();
        long[] l = integral ? x.toLongArray() : null;
        try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            if (!header.isEmpty()) out.write(comments + header.replace("\n", "\n" + comments) + "\n");
            for (int i = 0; i < x.size(); i++) {
                out.write(integral ? format(fmt, l[i]) : format(fmt, d[i]));
                out.write((i + 1) % cols == 0 ? "\n" : delimiter);
            }
        }
    }

    private static String format(String fmt, Object v) {
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) return d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf";
        try {
            return String.format(Locale.ROOT, fmt, v instanceof Double d ? exact(fmt, d) : v);
        } catch (IllegalFormatException e) {
            throw new IllegalArgumentException("format '" + fmt + "' does not fit a value of " + v.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        }
    }
}
