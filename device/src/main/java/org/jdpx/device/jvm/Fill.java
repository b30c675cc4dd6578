package org.jdpx.device.jvm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Pattern fill of native memory by doubling copies: O(log n) bulk copies after the first pattern. */
final class Fill {

    private Fill() {
    }

    static void fill(MemorySegment dst, MemorySegment pattern) {
        long n = dst.byteSize();
        long p = pattern.byteSize();
        if (n == 0) {
            return;
        }
        if (p == 1) {
            dst.fill(pattern.get(ValueLayout.JAVA_BYTE, 0));
            return;
        }
        MemorySegment.copy(pattern, 0, dst, 0, p);
        long done = p;
        while (done < n) {
            long chunk = Math.min(done, n - done);
            MemorySegment.copy(dst, 0, dst, done, chunk);
            done += chunk;
        }
    }
}
