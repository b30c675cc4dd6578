package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapesTest {

    @Test
    void stridesAndContiguity() {
        long[] shape = {2, 3, 4};
        assertArrayEquals(new long[] {12, 4, 1}, Shapes.cStrides(shape));
        assertArrayEquals(new long[] {1, 2, 6}, Shapes.fStrides(shape));
        assertTrue(Shapes.isCContiguous(shape, Shapes.cStrides(shape)));
        assertFalse(Shapes.isCContiguous(shape, Shapes.fStrides(shape)));
        assertTrue(Shapes.isFContiguous(shape, Shapes.fStrides(shape)));
        assertTrue(Shapes.isCContiguous(new long[] {3, 1}, new long[] {1, 99}), "extent-1 axes have any stride");
        assertEquals(24, Shapes.size(shape));
        assertEquals(1, Shapes.size(new long[0]));
        assertEquals(0, Shapes.size(new long[] {3, 0}));
    }

    @Test
    void broadcastsAsNumpyDoes() {
        assertArrayEquals(new long[] {8, 7, 6, 5}, Shapes.broadcast(new long[] {8, 1, 6, 1}, new long[] {7, 1, 5}));
        assertArrayEquals(new long[] {5, 4}, Shapes.broadcast(new long[] {5, 4}, new long[] {1}));
        assertArrayEquals(new long[] {3}, Shapes.broadcast(new long[0], new long[] {3}));
        assertArrayEquals(new long[] {0, 3}, Shapes.broadcast(new long[] {0, 1}, new long[] {3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Shapes.broadcast(new long[] {2, 1}, new long[] {8, 4, 3}));
        assertTrue(e.getMessage().contains("(2, 1) and (8, 4, 3)"), e.getMessage());
        assertArrayEquals(new long[] {0, 5, 0}, Shapes.broadcastStrides(new long[] {3, 1}, new long[] {5, 1},
                new long[] {2, 3, 4}));
    }

    @Test
    void axesCountFromTheEnd() {
        assertEquals(2, Shapes.axis(-1, 3));
        assertEquals(0, Shapes.axis(0, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shapes.axis(3, 3));
        assertTrue(e.getMessage().contains("axis 3 is out of bounds for an array of dimension 3"));
        assertEquals("(4,)", Shapes.describe(new long[] {4}));
        assertEquals("()", Shapes.describe(new long[0]));
    }
}
