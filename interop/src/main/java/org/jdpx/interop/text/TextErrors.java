package org.jdpx.interop.text;

/**
 * How one text reader words what is wrong with its input (NumPy's readers word it differently,
 * and jdpx's follow them), so that {@link TextTable} and {@link TextNumbers} can serve them all.
 * Lines and columns are counted from 1.
 */
public interface TextErrors {

    /** Line {@code line} has {@code got} fields where the lines before it had {@code expected}. */
    IllegalArgumentException ragged(int line, int expected, int got);

    /** The usecols entry {@code index} does not name one of the {@code columns} fields of line {@code line}. */
    IllegalArgumentException badColumn(int line, int index, int columns);

    /** {@code field}, in column {@code column} of line {@code line}, is not a number of the asked kind. */
    IllegalArgumentException badValue(String field, int line, int column, NumberFormatException cause);
}
