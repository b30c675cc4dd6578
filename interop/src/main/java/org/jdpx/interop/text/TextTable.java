package org.jdpx.interop.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * Lines of delimited text cut into rows of fields, the way NumPy's loadtxt and genfromtxt cut them:
 * the first {@code skip} lines are dropped (comments and blank lines count), a comment runs from
 * its prefix to the end of the line, blank lines are skipped, fields are split at the delimiter (or
 * at runs of whitespace) and stripped, and usecols picks columns (negative from the end). Rows may
 * differ in width here; {@link #requireRectangular} or {@link TextNumbers} reject that.
 */
public final class TextTable {
    private final List<String[]> rows;
    private final int[] lines;

    private TextTable(List<String[]> rows, int[] lines) {
        this.rows = rows;
        this.lines = lines;
    }

    /**
     * The rows of {@code text}.
     *
     * @param delimiter the field separator; null for any run of whitespace
     * @param comments  the prefix that starts a comment; null or empty for none
     * @param skip      how many lines to drop first; 0 or less for none
     * @param usecols   the columns to keep, negative from the end; null for all
     * @param errors    words a usecols entry that names no field of a line
     */
    public static TextTable read(List<String> text, String delimiter, String comments, int skip, int[] usecols,
                                 TextErrors errors) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Pattern split = delimiter == null ? Pattern.compile("\\s+") : Pattern.compile(Pattern.quote(delimiter));
        for (int i = Math.max(skip, 0); i < text.size(); i++) {
            String line = text.get(i);
            int comment = comments == null || comments.isEmpty() ? -1 : line.indexOf(comments);
            if (comment >= 0) line = line.substring(0, comment);
            if (line.isBlank()) continue;
            String[] fields = split.split(delimiter == null ? line.strip() : line, -1);
            for (int k = 0; k < fields.length; k++) fields[k] = fields[k].strip();
            rows.add(usecols == null ? fields : select(fields, usecols, i + 1, errors));
            lines.add(i + 1);
        }
        return new TextTable(rows, lines.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Rows already cut (by a regular expression, say), taken as they are; row {@code r} counts as line {@code r + 1}. */
    public static TextTable of(List<String[]> rows) {
        return new TextTable(rows, java.util.stream.IntStream.rangeClosed(1, rows.size()).toArray());
    }

    private static String[] select(String[] fields, int[] usecols, int line, TextErrors errors) {
        String[] out = new String[usecols.length];
        for (int k = 0; k < usecols.length; k++) {
            int c = usecols[k] < 0 ? usecols[k] + fields.length : usecols[k];
            if (c < 0 || c >= fields.length) throw errors.badColumn(line, usecols[k], fields.length);
            out[k] = fields[c];
        }
        return out;
    }

    /** How many rows. */
    public int rows() {
        return rows.size();
    }

    /** The width of the first row, 0 for no rows. */
    public int columns() {
        return rows.isEmpty() ? 0 : rows.get(0).length;
    }

    /** The fields of row {@code r}. */
    public String[] row(int r) {
        return rows.get(r);
    }

    /** The line (from 1) row {@code r} came from. */
    public int line(int r) {
        return lines[r];
    }

    /**
     * Throws {@link TextErrors#ragged} for the first row whose width differs from the first row's.
     *
     * @throws IllegalArgumentException as {@code errors} words it
     */
    public void requireRectangular(TextErrors errors) {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != columns()) throw errors.ragged(lines[r], columns(), rows.get(r).length);
        }
    }

    /** NumPy's shape for a table read with the default {@code ndmin=0}: (rows, columns) without axes of extent 1; (0,) for no rows. */
    public long[] squeezedShape() {
        return rows.isEmpty() ? new long[] {0} : LongStream.of(rows.size(), columns()).filter(k -> k != 1).toArray();
    }
}
