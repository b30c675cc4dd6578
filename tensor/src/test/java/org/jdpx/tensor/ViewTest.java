package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ViewTest {

    private static long[] longs(String s) {
        return s.isBlank() ? new long[0] : Arrays.stream(s.trim().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    @Test
    void basicIndexingMatchesNumpyViews() throws IOException {
        View base = View.contiguous(4, 5, 6);
        int checked = 0;
        try (InputStream in = ViewTest.class.getResourceAsStream("/numpy/indexing.csv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                View v = base.index(Index.parse(f[0]));
                assertArrayEquals(longs(f[1]), v.shape(), "shape of a[" + f[0] + "]");
                if (v.size() > 0) {
                    assertArrayEquals(longs(f[2]), v.strides(), "strides of a[" + f[0] + "]");
                    assertEquals(Long.parseLong(f[3]), v.offset(), "offset of a[" + f[0] + "]");
                }
                checked++;
            }
        }
        assertEquals(35, checked);
    }

    @Test
    void indexErrorsNameTheProblem() {
        View v = View.contiguous(4, 5);
        IndexOutOfBoundsException oob = assertThrows(IndexOutOfBoundsException.class, () -> v.index(Index.at(5)));
        assertTrue(oob.getMessage().contains("index 5 is out of bounds for axis 0 with size 4"), oob.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.index(Index.parse("1, 2, 3")));
        assertTrue(e.getMessage().contains("too many indices"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.index(Index.parse("..., 1, ...")));
        assertTrue(e.getMessage().contains("single ellipsis"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Index.parse("1, a:b"));
        assertTrue(e.getMessage().contains("'1, a:b'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Index.parse("::0"));
        assertTrue(e.getMessage().contains("zero"), e.getMessage());
    }

    @Test
    void permuteBroadcastAndReshape() {
        View v = View.contiguous(2, 3, 4);
        View t = v.permute(2, 0, 1);
        assertArrayEquals(new long[] {4, 2, 3}, t.shape());
        assertArrayEquals(new long[] {1, 12, 4}, t.strides());
        assertArrayEquals(new long[] {1, 0}, View.contiguous(3, 1).broadcastTo(new long[] {3, 5}).strides());
        View r = v.reshape(new long[] {6, -1});
        assertArrayEquals(new long[] {6, 4}, r.shape());
        assertNull(t.reshape(new long[] {24}), "a transposed view needs a copy to flatten");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.reshape(new long[] {5, -1}));
        assertTrue(e.getMessage().contains("cannot reshape array of size 24 into shape (5, -1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> v.permute(0, 0, 1));
        assertTrue(e.getMessage().contains("repeated axis"), e.getMessage());
    }
}
