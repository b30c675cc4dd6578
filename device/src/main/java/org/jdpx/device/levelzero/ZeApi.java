package org.jdpx.device.levelzero;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.spi.BackendUnavailableException;

/**
 * The Level Zero loader, bound with {@code java.lang.foreign}: one downcall handle per
 * {@link ZeFunction}, and typed wrappers that check every {@code ze_result_t} and throw a
 * {@link LevelZeroException} naming the function. Handles are zero-length {@link MemorySegment}s.
 * Thread-safe; the callers keep Level Zero's rule that one command list is appended to by one
 * thread at a time.
 */
final class ZeApi {

    /** {@code UINT64_MAX}: wait without a time limit. */
    static final long FOREVER = -1L;

    private static final Map<String, ZeApi> LOADED = new ConcurrentHashMap<>();

    private final String library;
    private final Map<ZeFunction, MethodHandle> handles = new EnumMap<>(ZeFunction.class);

    // Binding native functions is this class's purpose; the JVM's --enable-native-access governs it.
    @SuppressWarnings("restricted")
    private ZeApi(String library, SymbolLookup lookup) throws BackendUnavailableException {
        this.library = library;
        Linker linker = Linker.nativeLinker();
        for (ZeFunction f : ZeFunction.values()) {
            MemorySegment symbol = lookup.find(f.name()).orElseThrow(() -> new BackendUnavailableException(
                    library + " lacks " + f.name() + ": the Level Zero loader is too old or broken"));
            handles.put(f, linker.downcallHandle(symbol, f.descriptor));
        }
    }

    /**
     * Loads the loader library once per process and binds every function.
     *
     * @param library a library name the dynamic linker finds ({@code libze_loader.so.1}) or a path
     * @throws BackendUnavailableException when the library is missing or lacks a function
     */
    @SuppressWarnings("restricted") // loading the native loader is the point of this backend
    static ZeApi load(String library) throws BackendUnavailableException {
        ZeApi api = LOADED.get(library);
        if (api != null) {
            return api;
        }
        SymbolLookup lookup;
        try {
            // The global arena: a loader, once loaded, stays for the life of the process.
            lookup = library.contains("/") ? SymbolLookup.libraryLookup(Path.of(library), Arena.global())
                    : SymbolLookup.libraryLookup(library, Arena.global());
        } catch (IllegalArgumentException e) {
            throw new BackendUnavailableException(library + " not found: install libze1 (Debian/Ubuntu: "
                    + "apt-get install libze1) or the oneAPI Level Zero loader, or set -D"
                    + LevelZeroBackend.LIBRARY_PROPERTY + "=/path/to/libze_loader.so.1", e);
        } catch (IllegalCallerException e) {
            throw new BackendUnavailableException("native access is disabled for jdpx: run java with "
                    + "--enable-native-access=ALL-UNNAMED (or the jdpx module) to use Level Zero", e);
        }
        api = new ZeApi(library, lookup);
        ZeApi raced = LOADED.putIfAbsent(library, api);
        return raced != null ? raced : api;
    }

    /** The library name or path this API was loaded from. */
    String library() {
        return library;
    }

    // ---- the calls -------------------------------------------------------------------------

    /** {@code zeInit(flags)}; returns the raw result, as "no driver" is an answer here, not a failure. */
    int init(int flags) {
        return call(ZeFunction.zeInit, h -> (int) h.invokeExact(flags));
    }

    /** Every driver the loader found. */
    List<MemorySegment> drivers() {
        return handleList(ZeFunction.zeDriverGet, (h, count, out) -> (int) h.invokeExact(count, out));
    }

    /** The devices of one driver. */
    List<MemorySegment> devices(MemorySegment driver) {
        return handleList(ZeFunction.zeDeviceGet, (h, count, out) -> (int) h.invokeExact(driver, count, out));
    }

    /** {@code zeDriverGetApiVersion}: major in the high 16 bits, minor in the low 16. */
    int apiVersion(MemorySegment driver) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment v = a.allocate(JAVA_INT);
            check(ZeFunction.zeDriverGetApiVersion, h -> (int) h.invokeExact(driver, v));
            return v.get(JAVA_INT, 0);
        }
    }

    /**
     * Fills a properties structure through a {@code (handle, struct*)} query such as
     * {@code zeDeviceGetProperties}; {@code out} must have its {@code stype} set.
     */
    void query(ZeFunction f, MemorySegment handle, MemorySegment out) {
        check(f, h -> (int) h.invokeExact(handle, out));
    }

    /** How many memory ordinals a device has ({@code zeDeviceGetMemoryProperties} with a null array). */
    int memoryCount(MemorySegment device) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment count = a.allocate(JAVA_INT);
            check(ZeFunction.zeDeviceGetMemoryProperties, h -> (int) h.invokeExact(device, count, MemorySegment.NULL));
            return count.get(JAVA_INT, 0);
        }
    }

    /** Fills {@code count} consecutive ze_device_memory_properties_t (stypes already set). */
    void memoryProperties(MemorySegment device, int count, MemorySegment out) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment n = a.allocate(JAVA_INT);
            n.set(JAVA_INT, 0, count);
            check(ZeFunction.zeDeviceGetMemoryProperties, h -> (int) h.invokeExact(device, n, out));
        }
    }

    /** A context of one driver, spanning all its devices. */
    MemorySegment createContext(MemorySegment driver) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment desc = ZeStructs.allocate(a, ZeStructs.CONTEXT_DESC, ZeStructs.STYPE_CONTEXT_DESC);
            MemorySegment out = a.allocate(ADDRESS);
            check(ZeFunction.zeContextCreate, h -> (int) h.invokeExact(driver, desc, out));
            return out.get(ADDRESS, 0);
        }
    }

    /** Device memory on {@code device}, memory ordinal 0. */
    MemorySegment allocDevice(MemorySegment context, MemorySegment device, long size, long alignment) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment desc = ZeStructs.allocate(a, ZeStructs.DEVICE_MEM_ALLOC_DESC, ZeStructs.STYPE_DEVICE_MEM_ALLOC_DESC);
            MemorySegment out = a.allocate(ADDRESS);
            check(ZeFunction.zeMemAllocDevice, h -> (int) h.invokeExact(context, desc, size, alignment, device, out));
            return out.get(ADDRESS, 0);
        }
    }

    /** Host memory every device of the context can read and write. */
    MemorySegment allocHost(MemorySegment context, long size, long alignment) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment desc = ZeStructs.allocate(a, ZeStructs.HOST_MEM_ALLOC_DESC, ZeStructs.STYPE_HOST_MEM_ALLOC_DESC);
            MemorySegment out = a.allocate(ADDRESS);
            check(ZeFunction.zeMemAllocHost, h -> (int) h.invokeExact(context, desc, size, alignment, out));
            return out.get(ADDRESS, 0);
        }
    }

    /** Shared memory associated with {@code device}, migrated by the driver. */
    MemorySegment allocShared(MemorySegment context, MemorySegment device, long size, long alignment) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment dd = ZeStructs.allocate(a, ZeStructs.DEVICE_MEM_ALLOC_DESC, ZeStructs.STYPE_DEVICE_MEM_ALLOC_DESC);
            MemorySegment hd = ZeStructs.allocate(a, ZeStructs.HOST_MEM_ALLOC_DESC, ZeStructs.STYPE_HOST_MEM_ALLOC_DESC);
            MemorySegment out = a.allocate(ADDRESS);
            check(ZeFunction.zeMemAllocShared, h -> (int) h.invokeExact(context, dd, hd, size, alignment, device, out));
            return out.get(ADDRESS, 0);
        }
    }

    void free(MemorySegment context, MemorySegment ptr) {
        check(ZeFunction.zeMemFree, h -> (int) h.invokeExact(context, ptr));
    }

    /** An immediate command list on the device's command-queue group 0 (the compute engines). */
    MemorySegment createImmediateList(MemorySegment context, MemorySegment device) {
        try (Arena a = Arena.ofConfined()) {
            // ordinal 0, index 0, flags 0, mode DEFAULT, priority NORMAL: all zero after the stype.
            MemorySegment desc = ZeStructs.allocate(a, ZeStructs.COMMAND_QUEUE_DESC, ZeStructs.STYPE_COMMAND_QUEUE_DESC);
            MemorySegment out = a.allocate(ADDRESS);
            check(ZeFunction.zeCommandListCreateImmediate, h -> (int) h.invokeExact(context, device, desc, out));
            return out.get(ADDRESS, 0);
        }
    }

    void destroyList(MemorySegment list) {
        check(ZeFunction.zeCommandListDestroy, h -> (int) h.invokeExact(list));
    }

    void appendCopy(MemorySegment list, MemorySegment dst, MemorySegment src, long size,
                    MemorySegment signal, int waitCount, MemorySegment waits) {
        check(ZeFunction.zeCommandListAppendMemoryCopy,
                h -> (int) h.invokeExact(list, dst, src, size, signal, waitCount, waits));
    }

    void appendFill(MemorySegment list, MemorySegment ptr, MemorySegment pattern, long patternSize, long size,
                    MemorySegment signal, int waitCount, MemorySegment waits) {
        check(ZeFunction.zeCommandListAppendMemoryFill,
                h -> (int) h.invokeExact(list, ptr, pattern, patternSize, size, signal, waitCount, waits));
    }

    void appendBarrier(MemorySegment list, MemorySegment signal, int waitCount, MemorySegment waits) {
        check(ZeFunction.zeCommandListAppendBarrier, h -> (int) h.invokeExact(list, signal, waitCount, waits));
    }

    /** An event pool visible to every device of the context. */
    MemorySegment createEventPool(MemorySegment context, int flags, int count) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment desc = ZeStructs.allocate(a, ZeStructs.EVENT_POOL_DESC, ZeStructs.STYPE_EVENT_POOL_DESC);
            ZeStructs.setInt(desc, ZeStructs.EVENT_POOL_DESC, "flags", flags);
            ZeStructs.setInt(desc, ZeStructs.EVENT_POOL_DESC, "count", count);
            MemorySegment out = a.allocate(ADDRESS);
            check(ZeFunction.zeEventPoolCreate, h -> (int) h.invokeExact(context, desc, 0, MemorySegment.NULL, out));
            return out.get(ADDRESS, 0);
        }
    }

    /** Event {@code index} of a pool, flushing caches to host scope on signal and invalidating on wait. */
    MemorySegment createEvent(MemorySegment pool, int index, int scope) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment desc = ZeStructs.allocate(a, ZeStructs.EVENT_DESC, ZeStructs.STYPE_EVENT_DESC);
            ZeStructs.setInt(desc, ZeStructs.EVENT_DESC, "index", index);
            ZeStructs.setInt(desc, ZeStructs.EVENT_DESC, "signal", scope);
            ZeStructs.setInt(desc, ZeStructs.EVENT_DESC, "wait", scope);
            MemorySegment out = a.allocate(ADDRESS);
            check(ZeFunction.zeEventCreate, h -> (int) h.invokeExact(pool, desc, out));
            return out.get(ADDRESS, 0);
        }
    }

    void destroyEvent(MemorySegment event) {
        check(ZeFunction.zeEventDestroy, h -> (int) h.invokeExact(event));
    }

    /** Blocks until the event is signalled. */
    void hostSynchronize(MemorySegment event) {
        check(ZeFunction.zeEventHostSynchronize, h -> (int) h.invokeExact(event, FOREVER));
    }

    /** {@link ZeResult#SUCCESS} when signalled, {@link ZeResult#NOT_READY} when not, else an error code. */
    int queryStatus(MemorySegment event) {
        return call(ZeFunction.zeEventQueryStatus, h -> (int) h.invokeExact(event));
    }

    /** Fills a ze_kernel_timestamp_result_t for a signalled event of a timestamp pool. */
    void kernelTimestamp(MemorySegment event, MemorySegment out) {
        check(ZeFunction.zeEventQueryKernelTimestamp, h -> (int) h.invokeExact(event, out));
    }

    // ---- plumbing --------------------------------------------------------------------------

    @FunctionalInterface
    private interface Call {
        int invoke(MethodHandle h) throws Throwable;
    }

    @FunctionalInterface
    private interface ListCall {
        int invoke(MethodHandle h, MemorySegment count, MemorySegment out) throws Throwable;
    }

    private int call(ZeFunction f, Call c) {
        try {
            return c.invoke(handles.get(f));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // Downcalls declare Throwable but native code cannot throw Java exceptions.
            throw new IllegalStateException(f.name() + " threw " + t, t);
        }
    }

    private void check(ZeFunction f, Call c) {
        int rc = call(f, c);
        if (rc != ZeResult.SUCCESS) {
            throw new LevelZeroException(f.name(), rc);
        }
    }

    /** The two-call idiom: ask the count with a null array, then fill an array of that many handles. */
    private List<MemorySegment> handleList(ZeFunction f, ListCall c) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment count = a.allocate(JAVA_INT);
            check(f, h -> c.invoke(h, count, MemorySegment.NULL));
            int n = count.get(JAVA_INT, 0);
            if (n == 0) {
                return List.of();
            }
            MemorySegment out = a.allocate(ADDRESS, n);
            check(f, h -> c.invoke(h, count, out));
            List<MemorySegment> result = new ArrayList<>();
            for (int i = 0; i < count.get(JAVA_INT, 0); i++) {
                result.add(out.getAtIndex(ADDRESS, i));
            }
            return List.copyOf(result);
        }
    }
}
