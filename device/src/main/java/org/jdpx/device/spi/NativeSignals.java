package org.jdpx.device.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Keeps native drivers from taking over the signals the JVM needs, so that loading a backend never
 * changes what plain Java code does.
 *
 * <p>HotSpot implements integer division by zero, null checks and safepoints with SIGFPE, SIGSEGV,
 * SIGBUS and SIGILL handlers. PoCL installs its own SIGFPE handler when it initialises (it skips
 * the faulting instruction), after which {@code a / 0} in any Java code of the process returns
 * the dividend instead of throwing {@link ArithmeticException}. {@link #beforeNativeLoad()} sets
 * {@code POCL_SIGFPE_HANDLER=0} in the C environment before any ICD loads, which stops PoCL from
 * doing so; a value the user set is left alone. {@link #snapshot()} and {@link #warnIfReplaced}
 * compare the handlers before and after native work and log a WARNING naming the library that
 * replaced one, for drivers that have no such switch.
 *
 * <p>Linux and macOS only (POSIX {@code sigaction}, {@code setenv}); elsewhere, and where the C
 * library cannot be called, these methods do nothing.
 *
 * <p>Its temporary native structs live in shared arenas, never confined ones: a confined session
 * anywhere in the process teaches the JIT that memory-session checks need an owner-thread test,
 * and the java device's kernels, compiled after a PoCL build had run these checks, then paid
 * that test on every element (5x slower elementwise kernels on java:cpu:0).
 */
public final class NativeSignals {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device");
    /** The variable PoCL reads before installing its SIGFPE handler. */
    public static final String POCL_VARIABLE = "POCL_SIGFPE_HANDLER";
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static final boolean POSIX = LINUX
            || System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
    /** The signals HotSpot handles, with their numbers on Linux and on macOS. */
    private static final String[] NAMES = {"SIGFPE", "SIGSEGV", "SIGBUS", "SIGILL"};
    private static final int[] NUMBERS = LINUX ? new int[] {8, 11, 7, 4} : new int[] {8, 11, 10, 4};
    /** Larger than {@code struct sigaction} of glibc (152 bytes) and macOS (16); the handler comes first in both. */
    private static final long SIGACTION_BYTES = 256;

    private static volatile Libc libc;
    private static volatile boolean prepared;
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private NativeSignals() {
    }

    /**
     * The handler address of each signal the JVM needs, at one moment.
     *
     * @param handlers one address per signal, in the order SIGFPE, SIGSEGV, SIGBUS, SIGILL; empty
     *                 where they cannot be read
     */
    public record Snapshot(long[] handlers) {
    }

    /**
     * Sets {@code POCL_SIGFPE_HANDLER=0} in the process's C environment unless it is already set
     * (a user's own value wins) or the JDK's {@code libjsig.so} is preloaded (then the JVM chains
     * to PoCL's handler for faults outside Java code, so both keep working). Backends call it
     * before their native libraries load; calling it again does nothing.
     *
     * <p>Without PoCL's handler, a hand-written OpenCL C kernel that divides an integer by zero
     * on PoCL stops the process with SIGFPE; kernels compiled by jdpx never divide by zero on a
     * device (their divisions are guarded). Preload {@code libjsig.so} to keep PoCL's handler.
     */
    public static void beforeNativeLoad() {
        if (prepared) {
            return;
        }
        synchronized (NativeSignals.class) {
            if (prepared) {
                return;
            }
            prepared = true;
            if (jsigPreloaded()) {
                LOG.log(Level.DEBUG, "libjsig.so is preloaded: leaving " + POCL_VARIABLE + " alone");
                return;
            }
            libc().ifPresent(c -> {
                try (Arena a = Arena.ofShared()) {
                    int rc = (int) c.setenv.invokeExact(a.allocateFrom(POCL_VARIABLE), a.allocateFrom("0"), 0);
                    if (rc != 0) {
                        LOG.log(Level.WARNING, "could not set " + POCL_VARIABLE + "=0 (setenv returned " + rc
                                + "); if PoCL loads, Java's integer division by zero may stop throwing");
                    }
                } catch (Throwable e) {
                    LOG.log(Level.DEBUG, "setenv failed: " + e);
                }
            });
        }
    }

    /** Whether the JDK's signal-chaining library is mapped into this process (Linux). */
    static boolean jsigPreloaded() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.anyMatch(l -> l.endsWith("/libjsig.so"));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The value of a variable in the C environment (which {@link System#getenv} does not see change). */
    @SuppressWarnings("restricted") // reads the C string getenv returns
    public static Optional<String> nativeEnv(String name) {
        return libc().flatMap(c -> {
            try (Arena a = Arena.ofShared()) {
                MemorySegment v = (MemorySegment) c.getenv.invokeExact(a.allocateFrom(name));
                return v.equals(MemorySegment.NULL) ? Optional.empty()
                        : Optional.of(v.reinterpret(Long.MAX_VALUE).getString(0));
            } catch (Throwable e) {
                return Optional.empty();
            }
        });
    }

    /** The current handlers of SIGFPE, SIGSEGV, SIGBUS and SIGILL. */
    public static Snapshot snapshot() {
        Optional<Libc> c = libc();
        if (c.isEmpty()) {
            return new Snapshot(new long[0]);
        }
        long[] out = new long[NUMBERS.length];
        try (Arena a = Arena.ofShared()) {
            MemorySegment act = a.allocate(SIGACTION_BYTES, 16);
            for (int i = 0; i < NUMBERS.length; i++) {
                int rc = (int) c.get().sigaction.invokeExact(NUMBERS[i], MemorySegment.NULL, act);
                out[i] = rc == 0 ? act.get(ValueLayout.JAVA_LONG, 0) : 0;
            }
        } catch (Throwable e) {
            return new Snapshot(new long[0]);
        }
        return new Snapshot(out);
    }

    /**
     * Logs a WARNING for each JVM signal whose handler changed since {@code before}, naming the
     * library the new handler lives in (once per signal and library).
     *
     * <p>LLVM's crash handler (installed by compilers built on LLVM, such as PoCL's and Mesa's
     * while they compile) is only noted at DEBUG level: when a signal arrives it puts the previous
     * handler (the JVM's) back and returns, so the JVM still receives the signal; checked by
     * dividing by zero in Java with it installed. It is not harmless all the same (it deletes the
     * temporary files of compilations in flight and leaves a window in which a second SIGSEGV
     * kills the JVM): {@link LlvmHandlers} takes the signals back from it.
     *
     * @param during what ran in between, for the message (e.g. "discovering the opencl backend")
     * @return the warnings logged now, empty when nothing changed or all was said before
     */
    public static List<String> warnIfReplaced(Snapshot before, String during) {
        Snapshot now = snapshot();
        List<String> out = new ArrayList<>();
        if (before.handlers().length != NUMBERS.length || now.handlers().length != NUMBERS.length) {
            return out;
        }
        for (int i = 0; i < NUMBERS.length; i++) {
            long is = now.handlers()[i];
            if (before.handlers()[i] == is) {
                continue;
            }
            String library = libraryOf(is);
            if (library.contains("/libjvm.")) {
                continue; // the JVM's own handler is back (e.g. after LLVM's put it back)
            }
            if (library.contains("/libLLVM")) {
                String sig = NAMES[i];
                LOG.log(Level.DEBUG, () -> sig + " handler set by " + library + " while " + during
                        + " (LLVM's crash handler, which hands signals back to the JVM)");
                continue;
            }
            if (!WARNED.add(NAMES[i] + " " + library)) {
                continue;
            }
            String msg = NAMES[i] + " handler of the JVM was replaced by " + library + " while " + during
                    + (i == 0 ? ": Java's integer division by zero may no longer throw ArithmeticException"
                            : ": the JVM may crash or misbehave")
                    + ". Start Java with LD_PRELOAD=" + System.getProperty("java.home")
                    + "/lib/libjsig.so so that the JVM keeps its handlers and chains to the library's"
                    + (library.contains("pocl") ? ", or unset " + POCL_VARIABLE + " (jdpx then sets it to 0)" : "")
                    + ".";
            LOG.log(Level.WARNING, msg);
            out.add(msg);
        }
        return out;
    }

    /** The file of the shared object holding {@code address}, through {@code dladdr}. */
    @SuppressWarnings("restricted") // reads the file name dladdr returns
    static String libraryOf(long address) {
        if (address == 0) {
            return "the default action (SIG_DFL)";
        }
        if (address == 1) {
            return "SIG_IGN";
        }
        return libc().flatMap(c -> {
            if (c.dladdr == null) {
                return Optional.<String>empty();
            }
            try (Arena a = Arena.ofShared()) {
                MemorySegment info = a.allocate(4 * ValueLayout.ADDRESS.byteSize(), 8);
                int rc = (int) c.dladdr.invokeExact(MemorySegment.ofAddress(address), info);
                MemorySegment name = info.get(ValueLayout.ADDRESS, 0);
                return rc == 0 || name.equals(MemorySegment.NULL) ? Optional.<String>empty()
                        : Optional.of(name.reinterpret(Long.MAX_VALUE).getString(0));
            } catch (Throwable e) {
                return Optional.<String>empty();
            }
        }).orElse("a handler at 0x" + Long.toHexString(address));
    }

    static Optional<Libc> libc() {
        if (!POSIX) {
            return Optional.empty();
        }
        Libc c = libc;
        if (c == null) {
            synchronized (NativeSignals.class) {
                c = libc;
                if (c == null) {
                    try {
                        c = Libc.bind();
                    } catch (RuntimeException | LinkageError e) {
                        LOG.log(Level.DEBUG, "cannot call the C library for signal checks: " + e);
                        return Optional.empty();
                    }
                    libc = c;
                }
            }
        }
        return Optional.of(c);
    }

    /** The few C library functions used here. */
    record Libc(MethodHandle setenv, MethodHandle getenv, MethodHandle sigaction, MethodHandle dladdr,
            MethodHandle dlopen, MethodHandle dlsym) {

        @SuppressWarnings("restricted") // downcalls into the C library; the project runs with native access enabled
        static Libc bind() {
            Linker linker = Linker.nativeLinker();
            SymbolLookup lib = linker.defaultLookup();
            ValueLayout addr = ValueLayout.ADDRESS;
            ValueLayout i32 = ValueLayout.JAVA_INT;
            MethodHandle dladdr = lib.find("dladdr")
                    .map(s -> linker.downcallHandle(s, FunctionDescriptor.of(i32, addr, addr)))
                    .orElse(null);
            MethodHandle dlopen = lib.find("dlopen")
                    .map(s -> linker.downcallHandle(s, FunctionDescriptor.of(addr, addr, i32)))
                    .orElse(null);
            MethodHandle dlsym = lib.find("dlsym")
                    .map(s -> linker.downcallHandle(s, FunctionDescriptor.of(addr, addr, addr)))
                    .orElse(null);
            return new Libc(
                    linker.downcallHandle(lib.findOrThrow("setenv"), FunctionDescriptor.of(i32, addr, addr, i32)),
                    linker.downcallHandle(lib.findOrThrow("getenv"), FunctionDescriptor.of(addr, addr)),
                    linker.downcallHandle(lib.findOrThrow("sigaction"), FunctionDescriptor.of(i32, i32, addr, addr)),
                    dladdr, dlopen, dlsym);
        }
    }
}
