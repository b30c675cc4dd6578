package org.jdpx.interop.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared text reading of loadtxt, genfromtxt, fromstring and fromregex, on the host. */
class TextTableTest {

    /** Words each problem as its kind and place, so a test can tell which one was found first. */
    private static final TextErrors PLACES = new TextErrors() {
        @Override public IllegalArgumentException ragged(int line, int expected, int got) {
            return new IllegalArgumentException("ragged " + line + " " + expected + " " + got);
        }

        @Override public IllegalArgumentException badColumn(int line, int index, int columns) {
            return new IllegalArgumentException("column " + line + " " + index + " " + columns);
        }

        @Override public IllegalArgumentException badValue(String field, int line, int column, NumberFormatException cause) {
            return new IllegalArgumentException("value '" + field + "' " + line + " " + column);
        }
    };

    private static String fails(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void cutsLinesAsNumpyDoes() {
        List<String> text = List.of("a;b;c", "# comment", " 1 ; 2;3 # tail", "", "4;;6");
        TextTable t = TextTable.read(text, ";", "#", 1, new int[] {-1, 0, 1}, PLACES);
        assertEquals(2, t.rows());
        assertArrayEquals(new String[] {"3", "1", "2"}, t.row(0));
        assertArrayEquals(new String[] {"6", "4", ""}, t.row(1));
        assertEquals(3, t.line(0));
        assertEquals(5, t.line(1));
        assertArrayEquals(new double[] {3, 1, 2, 6, 4, -7}, TextNumbers.doubles(t, -7.0, PLACES), 0);
        assertEquals("value '' 5 3", fails(() -> TextNumbers.longs(t, null, PLACES)));
        TextTable w = TextTable.read(List.of("  1\t2   3  ", "4 5 6"), null, null, 0, null, PLACES);
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, TextNumbers.longs(w, null, PLACES));
        assertEquals("column 1 3 3", fails(() -> TextTable.read(List.of("1 2 3"), null, null, 0, new int[] {3}, PLACES)));
    }

    @Test
    void squeezesAxesOfOneAsNdminZero() {
        assertArrayEquals(new long[] {0}, TextTable.read(List.of("# only"), null, "#", 0, null, PLACES).squeezedShape());
        assertArrayEquals(new long[] {}, TextTable.read(List.of("5"), null, null, 0, null, PLACES).squeezedShape());
        assertArrayEquals(new long[] {3}, TextTable.read(List.of("1 2 3"), null, null, 0, null, PLACES).squeezedShape());
        assertArrayEquals(new long[] {2}, TextTable.read(List.of("1", "2"), null, null, 0, null, PLACES).squeezedShape());
        assertArrayEquals(new long[] {2, 2}, TextTable.read(List.of("1 2", "3 4"), null, null, 0, null, PLACES).squeezedShape());
    }

    @Test
    void raggedRowsAreFoundWhereEachReaderLooks() {
        TextTable t = TextTable.read(List.of("1 x", "2", "3 4"), null, null, 0, null, PLACES);
        assertEquals("value 'x' 1 2", fails(() -> TextNumbers.doubles(t, null, PLACES)));
        assertEquals("ragged 2 2 1", fails(() -> t.requireRectangular(PLACES)));
    }

    @Test
    void numbersHavePythonSyntax() {
        assertEquals(Double.NEGATIVE_INFINITY, TextNumbers.parseFloat(" -Infinity "));
        assertEquals(Double.POSITIVE_INFINITY, TextNumbers.parseFloat("+inf"));
        assertEquals(Double.NaN, TextNumbers.parseFloat("NaN"));
        assertEquals(-0.0, TextNumbers.parseFloat("-0"));
        assertEquals(2.5, TextNumbers.parseFloat("\u20032.5\t"));
        assertEquals(100000.0, TextNumbers.parseFloat("1E5"));
        for (String javaOnly : List.of("1.5d", "2f", "1e5F", "0x1p3", "-0X1P3", "", "+", "Infinite", "1\u0001", "\u00012")) {
            assertThrows(NumberFormatException.class, () -> TextNumbers.parseFloat(javaOnly), javaOnly);
        }
        assertEquals(-12, TextNumbers.parseInt(" -12 "));
        for (String notInt : List.of("1.0", "True", "1e3", "", "9223372036854775808")) {
            assertThrows(NumberFormatException.class, () -> TextNumbers.parseInt(notInt), notInt);
        }
    }
}
