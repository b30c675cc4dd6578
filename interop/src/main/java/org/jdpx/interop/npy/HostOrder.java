package org.jdpx.interop.npy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jdpx.tensor.Shapes;

/** Host-side reordering of dense element data from Fortran to C order, for {@link Npy#read}. */
final class HostOrder {

    private HostOrder() {
    }

    /** {@code f}'s elements (Fortran order, {@code itemSize} bytes each) in a new C-order segment. */
    static MemorySegment fortranToC(MemorySegment f, long[] shape, int itemSize) {
        long n = Shapes.size(shape);
        MemorySegment c = Arena.ofAuto().allocate(Math.max(1, n) * itemSize, 8).asSlice(0, n * itemSize);
        long[] fs = Shapes.fStrides(shape);
        long[] idx = new long[shape.length];
        long off = 0;
        for (long i = 0; i < n; i++) {
            MemorySegment.copy(f, off * itemSize, c, i * itemSize, itemSize);
            for (int a = shape.length - 1; a >= 0; a--) {
                off += fs[a];
                if (++idx[a] < shape[a]) break;
                off -= idx[a] * fs[a];
                idx[a] = 0;
            }
        }
        return c;
    }
}
