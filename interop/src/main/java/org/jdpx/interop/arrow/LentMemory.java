package org.jdpx.interop.arrow;

import org.apache.arrow.memory.ForeignAllocation;

/** jdpx memory under an Arrow buffer: keeps its owner (an array, a host copy) reachable until Arrow lets go. */
final class LentMemory extends ForeignAllocation {

    private Object owner;

    LentMemory(long address, long bytes, Object owner) {
        super(bytes, address);
        this.owner = owner;
    }

    @Override
    protected void release0() {
        owner = null;
    }
}
