package org.jdpx.interop.npy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IllegalFormatException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdpx.interop.text.TextErrors;
import org.jdpx.interop.text.TextNumbers;
import org.jdpx.interop.text.TextTable;
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
        TextErrors errors = new TextErrors() {
            @Override public IllegalArgumentException ragged(int line, int expected, int got) {
                return new IllegalArgumentException(path + ": the number of columns changed from " + expected + " to " + got
                        + " at row " + line + "; use usecols to select a subset and avoid this error");
            }

            @Override public IllegalArgumentException badColumn(int line, int index, int columns) {
                return new IllegalArgumentException("invalid column index " + index + " at row " + line + " with "
                        + columns + " columns");
            }

            @Override public IllegalArgumentException badValue(String field, int line, int column, NumberFormatException cause) {
                return new IllegalArgumentException(path + ": could not convert string '" + field + "' to " + t
                        + " at row " + line + ", column " + column + ".", cause);
            }
        };
        TextTable table = TextTable.read(Files.readAllLines(path, StandardCharsets.UTF_8), delimiter, comments, skiprows,
                usecols, errors);
        ArrayOptions o = dtype != null ? options.dtype(dtype) : options;
        long[] shape = table.squeezedShape();
        return t.isFloat() ? Tensor.asarray(TextNumbers.doubles(table, null, errors), shape, o)
                : Tensor.asarray(TextNumbers.longs(table, null, errors), shape, o);
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
