package org.jdpx.device.spi;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Large host allocations on 2 MiB transparent huge pages. Streaming kernels over tens of MiB
 * (triad, GEMV, dot) miss the TLB on every 4 KiB page; on Linux, where
 * {@code /sys/kernel/mm/transparent_hugepage/enabled} is usually {@code madvise}, memory only
 * gets huge pages when it is advised before it is first touched, as NumPy's allocator does.
 * Blocks of at least {@link #thresholdBytes()} are therefore mapped with {@code mmap}, aligned to
 * 2 MiB and advised with {@code madvise(MADV_HUGEPAGE)} before anyone writes them (fresh
 * anonymous pages read as zero, like {@code Arena.allocate}).
 *
 * <p>Off by default: in a quiet bench run they halved the time of the streaming rows (triad
 * 13.7 → 8.0 ms on PoCL) but slowed {@code matmul_f32_1024} (PoCL 33 → 55 ms, java device 19 →
 * 28 ms) and the java device's softmax (91 → 301 ms), so they are a setting to try, not a default.
 * {@code -Djdpx.hugePages.minBytes} or {@code JDPX_HUGEPAGES_MIN_BYTES} turns them on: a byte
 * threshold, or {@code on} for {@value #DEFAULT_THRESHOLD} bytes; {@code off}, unset or a negative
 * value leaves them off. Off Linux, or where {@code mmap}/{@code madvise} cannot be found, {@link #allocate} returns
 * empty and callers allocate as before. Used by the java device and by OpenCL CPU devices, whose
 * buffers then wrap this memory with {@code CL_MEM_USE_HOST_PTR}.
 */
public final class HugePages {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device");
    /** The threshold {@code on} means: 4 MiB, two huge pages; smaller blocks would waste most of a page. */
    public static final long DEFAULT_THRESHOLD = 4L << 20;
    /** Size and alignment of a huge page on x86-64 and most AArch64 kernels. */
    public static final long PAGE = 2L << 20;
    private static final int PROT_READ_WRITE = 0x1 | 0x2;
    private static final int MAP_PRIVATE_ANONYMOUS = 0x02 | 0x20;
    private static final int MADV_HUGEPAGE = 14;
    private static final long THRESHOLD = readThreshold(System.getenv("JDPX_HUGEPAGES_MIN_BYTES"),
            System.getProperty("jdpx.hugePages.minBytes"));
    private static final Native NATIVE = Native.find();
    private static final AtomicLong LIVE_BYTES = new AtomicLong();
    private static final AtomicLong LIVE_BLOCKS = new AtomicLong();

    private HugePages() {
    }

    /**
     * One mapping: {@link #segment()} is {@code bytes} long and starts on a 2 MiB boundary.
     * {@link #release()} unmaps it once; later calls do nothing. The segment has the global
     * scope, so the owner must make sure nothing uses it after release (wrap it in an arena
     * whose cleanup calls release, or release it from a buffer's destructor callback).
     */
    public static final class Block {
        private final long raw;
        private final long rawBytes;
        private final MemorySegment segment;
        private final AtomicBoolean released = new AtomicBoolean();

        private Block(long raw, long rawBytes, MemorySegment segment) {
            this.raw = raw;
            this.rawBytes = rawBytes;
            this.segment = segment;
        }

        /** The usable memory, zero-filled when fresh, aligned to {@link #PAGE}. */
        public MemorySegment segment() {
            return segment;
        }

        /** Unmaps the memory; idempotent and safe from any thread. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                NATIVE.unmap(raw, rawBytes);
                LIVE_BYTES.addAndGet(-segment.byteSize());
                LIVE_BLOCKS.decrementAndGet();
            }
        }
    }

    /** Smallest block that gets huge pages; {@code Long.MAX_VALUE} when they are off. */
    public static long thresholdBytes() {
        return NATIVE == null ? Long.MAX_VALUE : THRESHOLD;
    }

    /**
     * Maps {@code bytes} on huge pages when {@code bytes >= thresholdBytes()}; empty when the
     * block is smaller, huge pages are off or unavailable, or the kernel refuses the mapping (the
     * caller then allocates as usual; a refusal is logged at DEBUG).
     */
    public static Optional<Block> allocate(long bytes) {
        if (bytes < thresholdBytes() || bytes <= 0) {
            return Optional.empty();
        }
        long rounded = Math.ceilDiv(bytes, PAGE) * PAGE;
        long rawBytes = rounded + PAGE; // room to slide the start to a 2 MiB boundary
        long raw = NATIVE.map(rawBytes);
        if (raw == -1 || raw == 0) {
            LOG.log(System.Logger.Level.DEBUG, () -> "mmap of " + rawBytes + " bytes failed; using ordinary pages");
            return Optional.empty();
        }
        long start = Math.ceilDiv(raw, PAGE) * PAGE;
        if (!NATIVE.advise(start, rounded)) {
            LOG.log(System.Logger.Level.DEBUG, () -> "madvise(MADV_HUGEPAGE) refused; the block keeps 4 KiB pages");
        }
        LIVE_BYTES.addAndGet(bytes);
        LIVE_BLOCKS.incrementAndGet();
        return Optional.of(new Block(raw, rawBytes, MemorySegment.ofAddress(start).reinterpret(bytes)));
    }

    /** Bytes of huge-page blocks not yet released, in this process (for tests and diagnostics). */
    public static long liveBytes() {
        return LIVE_BYTES.get();
    }

    /** Huge-page blocks not yet released, in this process. */
    public static long liveBlocks() {
        return LIVE_BLOCKS.get();
    }

    static long readThreshold(String env, String property) {
        String v = property != null ? property : env;
        if (v == null || v.isBlank()) {
            return Long.MAX_VALUE;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        if (t.equals("off") || t.equals("false") || t.equals("never")) {
            return Long.MAX_VALUE;
        }
        if (t.equals("on") || t.equals("true")) {
            return DEFAULT_THRESHOLD;
        }
        try {
            long n = Long.parseLong(t);
            return n < 0 ? Long.MAX_VALUE : n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("jdpx.hugePages.minBytes / JDPX_HUGEPAGES_MIN_BYTES must be a byte "
                    + "count, 'on' or 'off', not '" + v + "'", e);
        }
    }

    /** The three libc calls, or {@code null} off Linux. */
    private record Native(MethodHandle mmap, MethodHandle madvise, MethodHandle munmap) {

        @SuppressWarnings("restricted")
        static Native find() {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                return null;
            }
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                MethodHandle mmap = linker.downcallHandle(libc.find("mmap").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));
                MethodHandle madvise = linker.downcallHandle(libc.find("madvise").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                                ValueLayout.JAVA_INT));
                MethodHandle munmap = linker.downcallHandle(libc.find("munmap").orElseThrow(),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
                return new Native(mmap, madvise, munmap);
            } catch (RuntimeException | LinkageError e) {
                LOG.log(System.Logger.Level.DEBUG, "huge pages unavailable: " + e);
                return null;
            }
        }

        long map(long bytes) {
            try {
                return (long) mmap.invokeExact(0L, bytes, PROT_READ_WRITE, MAP_PRIVATE_ANONYMOUS, -1, 0L);
            } catch (Throwable t) {
                throw new IllegalStateException("mmap failed", t);
            }
        }

        boolean advise(long address, long bytes) {
            try {
                return (int) madvise.invokeExact(address, bytes, MADV_HUGEPAGE) == 0;
            } catch (Throwable t) {
                throw new IllegalStateException("madvise failed", t);
            }
        }

        void unmap(long address, long bytes) {
            try {
                int rc = (int) munmap.invokeExact(address, bytes);
                if (rc != 0) {
                    LOG.log(System.Logger.Level.WARNING, "munmap of " + bytes + " bytes at 0x"
                            + Long.toHexString(address) + " failed (" + rc + ")");
                }
            } catch (Throwable t) {
                throw new IllegalStateException("munmap failed", t);
            }
        }
    }
}
