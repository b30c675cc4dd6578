package org.jdpx.interop.text;

import java.util.Locale;

/**
 * The fields of a {@link TextTable} as numbers, read as Python reads them: {@code float()}'s
 * syntax for floats (also {@code nan}, {@code inf} and {@code infinity} in any case and sign, but
 * not Java's {@code d}/{@code f} suffixes, hexadecimal, or the control characters Java's parser trims),
 * plain decimal integers for integers.
 * An empty field takes the missing value where the reader has one.
 */
public final class TextNumbers {

    private TextNumbers() {
    }

    /**
     * {@code s} with Python's {@code float()} syntax, surrounding whitespace allowed.
     *
     * @throws NumberFormatException when it is not such a number
     */
    public static double parseFloat(String s) {
        String l = s.strip().toLowerCase(Locale.ROOT);
        String u = l.startsWith("+") || l.startsWith("-") ? l.substring(1) : l;
        double sign = l.startsWith("-") ? -1 : 1;
        if (u.equals("nan")) return Double.NaN;
        if (u.equals("inf") || u.equals("infinity")) return sign * Double.POSITIVE_INFINITY;
        if (u.isEmpty() || u.endsWith("d") || u.endsWith("f") || u.startsWith("0x") || u.chars().anyMatch(c -> c <= ' ')) {
            throw new NumberFormatException("not a Python float: '" + s + "'");
        }
        return Double.parseDouble(l);
    }

    /**
     * {@code s} as a decimal integer, surrounding whitespace allowed.
     *
     * @throws NumberFormatException when it is not one, or does not fit 64 bits
     */
    public static long parseInt(String s) {
        return Long.parseLong(s.strip());
    }

    /**
     * Every field of {@code t} in row order as a double.
     *
     * @param missing what an empty field becomes; null when an empty field is an error
     * @throws IllegalArgumentException as {@code errors} words it, for a row of another width than
     *         the first (checked row by row, before that row's values) or a field that is no number
     */
    public static double[] doubles(TextTable t, Double missing, TextErrors errors) {
        double[] out = new double[t.rows() * t.columns()];
        each(t, errors, (i, f) -> out[i] = f.isEmpty() && missing != null ? missing : parseFloat(f));
        return out;
    }

    /** As {@link #doubles}, each field a 64-bit integer. */
    public static long[] longs(TextTable t, Long missing, TextErrors errors) {
        long[] out = new long[t.rows() * t.columns()];
        each(t, errors, (i, f) -> out[i] = f.isEmpty() && missing != null ? missing : parseInt(f));
        return out;
    }

    /** Stores one field at flat index {@code i}, or throws NumberFormatException. */
    private interface Cell {
        void put(int i, String field);
    }

    /** Every field of {@code t} in row order into {@code cell}, each row's width checked before its values. */
    private static void each(TextTable t, TextErrors errors, Cell cell) {
        int cols = t.columns();
        for (int r = 0; r < t.rows(); r++) {
            String[] f = t.row(r);
            if (f.length != cols) throw errors.ragged(t.line(r), cols, f.length);
            for (int c = 0; c < cols; c++) {
                try {
                    cell.put(r * cols + c, f[c]);
                } catch (NumberFormatException e) {
                    throw errors.badValue(f[c], t.line(r), c + 1, e);
                }
            }
        }
    }
}
