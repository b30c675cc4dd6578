package org.jdpx.interop;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdpx.device.Queue;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;

/**
 * An array over memory another library lends (a DLPack tensor, an Arrow buffer), with the duty to
 * give it back: {@link #close()} (or, as a safety net, the garbage collector once neither this
 * object nor the array is reachable) makes the array refuse further use and runs the lender's
 * release action exactly once. When the device could not share the memory the array is a copy,
 * and the memory is given back right away.
 */
public final class Borrowed implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create();

    private final UsmNdArray array;
    private final boolean zeroCopy;
    private final Cleaner.Cleanable cleanable;
    /** Reachable from the array's memory too: the release waits until neither is in use. */
    @SuppressWarnings("unused")
    private final Object anchor;

    private Borrowed(UsmNdArray array, boolean zeroCopy, Object anchor, Runnable giveBack) {
        this.array = array;
        this.zeroCopy = zeroCopy;
        this.anchor = anchor;
        this.cleanable = CLEANER.register(anchor, giveBack);
    }

    /**
     * Borrows {@code bytes} bytes at {@code address} as an array with {@code view} (in elements
     * from {@code address}); see {@link HostMemory#wrap(MemorySegment, DType, View, Queue, boolean, Object)}
     * for when it shares and when it copies. {@code release} runs once, after the array let go.
     * If wrapping fails, {@code release} has run when the exception arrives.
     */
    @SuppressWarnings("restricted") // the lender promises the bytes at the address until release runs
    public static Borrowed of(long address, long bytes, DType dtype, View view, Queue queue, boolean readOnly,
                              Runnable release) {
        Object anchor = new Object();
        Arena arena = Arena.ofShared();
        Once once = new Once(arena, release);
        try {
            MemorySegment mem = bytes == 0 || view.size() == 0 ? MemorySegment.NULL
                    : MemorySegment.ofAddress(address).reinterpret(bytes, arena, null);
            Wrapped w = HostMemory.wrap(mem, dtype, view, queue, readOnly, anchor);
            Borrowed b = new Borrowed(w.array(), w.zeroCopy(), anchor, once);
            if (!w.zeroCopy()) {
                b.cleanable.clean();
            }
            return b;
        } catch (RuntimeException | Error e) {
            once.run();
            throw e;
        }
    }

    /** An array that is already a copy of what was lent: nothing to give back, nothing shared. */
    public static Borrowed copied(UsmNdArray copy) {
        return new Borrowed(copy, false, new Object(), () -> { });
    }

    /** The array; once closed it refuses use when it shares the lender's memory. */
    public UsmNdArray array() {
        return array;
    }

    /** Whether the array is the lender's memory itself rather than a copy. */
    public boolean zeroCopy() {
        return zeroCopy;
    }

    /** Lets go of the memory and gives it back to the lender; later calls do nothing. */
    @Override
    public void close() {
        if (zeroCopy) {
            array.memory().close();
        }
        cleanable.clean();
    }

    /** Closes the view and runs the release once; must not reference the Borrowed. */
    private static final class Once implements Runnable {
        private final Arena view;
        private final Runnable release;
        private final AtomicBoolean done = new AtomicBoolean();

        Once(Arena view, Runnable release) {
            this.view = view;
            this.release = release;
        }

        @Override
        public void run() {
            if (done.compareAndSet(false, true)) {
                view.close();
                release.run();
            }
        }
    }
}
