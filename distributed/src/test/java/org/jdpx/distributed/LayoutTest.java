package org.jdpx.distributed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index arithmetic of the layouts and of cutting blocks into pieces, without Spark. */
class LayoutTest {

    @Test
    void cyclicPartitionsHoldEveryPthChunkInOrder() {
        Layout l = Layout.cyclic(new long[] {23, 2}, 0, 5, 3);
        assertArrayEquals(new long[][] {{0, 5}, {15, 20}}, l.ranges(0, 0));
        assertArrayEquals(new long[][] {{5, 10}, {20, 23}}, l.ranges(1, 0));
        assertArrayEquals(new long[][] {{10, 15}}, l.ranges(2, 0));
        assertArrayEquals(new long[][] {{0, 2}}, l.ranges(1, 1));
        assertArrayEquals(new long[] {8, 2}, l.blockShape(1));
        assertEquals(0, Layout.cyclic(new long[] {4}, 0, 2, 3).ranges(2, 0).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Layout.cyclic(new long[] {4}, 0, 0, 3));
        assertTrue(e.getMessage().contains("chunk size >= 1"), e.getMessage());
    }

    @Test
    void gridTilesAreNumberedRowMajor() {
        Layout g = Layout.block2dSized(new long[] {7, 5}, new long[] {3, 0, 4}, new long[] {2, 3});
        assertEquals(6, g.blocks());
        assertArrayEquals(new long[] {4, 3}, g.blockShape(5));
        assertArrayEquals(new long[][] {{3, 7}}, g.ranges(4, 0));
        assertArrayEquals(new long[][] {{0, 2}}, g.ranges(4, 1));
        assertThrows(IllegalArgumentException.class, () -> Layout.block2d(new long[] {3}, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Layout.block2dSized(new long[] {3, 3}, new long[] {1, 1}, new long[] {3}));
    }

    @Test
    void cuttingAndAssemblingMovesEveryElementOnce() {
        long[] shape = {6, 4};
        byte[] data = new byte[24];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        Block whole = new Block(0, "int8", shape, data);
        Layout grid = Layout.block2d(shape, 2, 2), cyc = Layout.cyclic(shape, 0, 1, 4);
        for (Layout to : List.of(grid, cyc)) {
            List<Regions.Piece> back = new java.util.ArrayList<>();
            for (int q = 0; q < to.blocks(); q++) {
                int qq = q;
                List<Regions.Piece> mine = Regions.cut(whole, Layout.replicated(shape), 0, to).stream().filter(t -> t._1() == qq).map(t -> t._2()).toList();
                Block b = Regions.assemble(mine, to, q, org.jdpx.tensor.DType.of("int8"));
                Regions.cut(b, to, q, Layout.replicated(shape)).forEach(t -> back.add(t._2()));
            }
            assertArrayEquals(data, Regions.assemble(back, Layout.replicated(shape), 0, org.jdpx.tensor.DType.of("int8")).data(), to.describe());
        }
        // block 1 of the cyclic layout holds rows 1 and 5
        Block b1 = Regions.assemble(Regions.cut(whole, Layout.replicated(shape), 0, cyc).stream().filter(t -> t._1() == 1).map(t -> t._2()).toList(),
                cyc, 1, org.jdpx.tensor.DType.of("int8"));
        assertEquals("[4, 5, 6, 7, 20, 21, 22, 23]", Arrays.toString(b1.data()));
    }
}
