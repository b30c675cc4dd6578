package org.jdpx.interop.dlpack;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdpx.tensor.UsmNdArray;

/**
 * A DLPack tensor imported into jdpx: the array, whether it shares the producer's memory, and the
 * duty to call the producer's deleter. {@link #close()} (or, as a safety net, the garbage
 * collector once neither this object nor the array is reachable) makes the array refuse further
 * use and calls the deleter, exactly once. A copy calls the deleter right at import, since the
 * producer's memory is no longer needed.
 */
public final class DlpackTensor implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final MethodHandle CALL_DELETER = Linker.nativeLinker().downcallHandle(
            FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));

    private final UsmNdArray array;
    private final boolean zeroCopy;
    private final boolean readOnly;
    private final DlDeviceType deviceType;
    private final Cleaner.Cleanable cleanable;
    /** Reachable from the array's memory too: the deleter waits until neither is in use. */
    @SuppressWarnings("unused")
    private final Object anchor;

    DlpackTensor(UsmNdArray array, boolean zeroCopy, boolean readOnly, DlDeviceType deviceType, Object anchor,
                 Release release) {
        this.array = array;
        this.zeroCopy = zeroCopy;
        this.readOnly = readOnly;
        this.deviceType = deviceType;
        this.anchor = anchor;
        this.cleanable = CLEANER.register(anchor, release);
    }

    /** The jdpx array; it refuses use once this tensor is closed when it shares the producer's memory. */
    public UsmNdArray array() {
        return array;
    }

    /** Whether the array is the producer's memory itself rather than a copy. */
    public boolean zeroCopy() {
        return zeroCopy;
    }

    /** Whether the producer lent the memory read-only ({@code DLPACK_FLAG_BITMASK_READ_ONLY}); writes then throw. */
    public boolean readOnly() {
        return readOnly;
    }

    /** Where the producer said the memory is. */
    public DlDeviceType deviceType() {
        return deviceType;
    }

    /** Releases the array's hold on the memory and calls the producer's deleter; later calls do nothing. */
    @Override
    public void close() {
        if (zeroCopy) {
            array.memory().close();
        }
        cleanable.clean();
    }

    /** Calls a deleter once: the Cleaner's action, which must not reference the tensor. */
    static final class Release implements Runnable {
        private final long self;
        private final MemorySegment deleter;
        private final AtomicBoolean done = new AtomicBoolean();
        private Arena view;

        Release(long self, MemorySegment deleter) {
            this.self = self;
            this.deleter = deleter;
        }

        /** The arena of the segment the array wraps, closed before the deleter runs. */
        void viewArena(Arena arena) {
            this.view = arena;
        }

        @Override
        public void run() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            if (view != null) {
                view.close();
            }
            if (deleter.address() == 0) {
                return;
            }
            try {
                CALL_DELETER.invokeExact(deleter, MemorySegment.ofAddress(self));
            } catch (Throwable t) {
                throw new IllegalStateException("the DLPack producer's deleter failed: " + t, t);
            }
        }
    }
}
