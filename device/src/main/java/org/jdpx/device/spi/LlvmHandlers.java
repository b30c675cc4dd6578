package org.jdpx.device.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Takes the JVM's signals back from LLVM, whose handlers OpenCL drivers built on it (PoCL, Mesa's
 * rusticl) install while they compile, and which broke Java processes that compile kernels while
 * other threads run Java code.
 *
 * <p>The first time LLVM registers a temporary file to delete on a crash (clang does so for every
 * output it writes, e.g. PoCL's {@code tempfile_*.preproc.cl-*.tmp}), it installs a one-shot
 * handler ({@code SA_RESETHAND}) for SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGUSR2, SIGTERM and ten
 * more. HotSpot raises SIGSEGV on purpose all the time (implicit null checks, safepoint polls), so
 * the next such signal in any Java thread runs LLVM's handler, which (1) deletes every temporary
 * file of the compilations then in flight, so clang fails with "unable to rename temporary", and
 * (2) leaves SIGSEGV at its default action until it has put the JVM's handler back, so a second
 * thread's SIGSEGV in that window kills the process without an hs_err file. The next compilation
 * installs the handler again. LLVM installs it only while its own count of installed handlers is
 * zero, and only its handler resets that count: so {@link #pin()} makes LLVM install its handlers
 * once, at a moment when nothing compiles, and puts the previous ones straight back in the same
 * downcall ({@link NativeChain}: no Java code, so no safepoint, in between; should a Java signal
 * still reach LLVM's handler in those microseconds, it tries again); LLVM then never
 * installs them again in this process. {@link #release()} puts them back after a build, for a
 * library {@link #pin()} could not reach.
 *
 * <p>Linux only ({@code /proc/self/maps}, Linux signal numbers); elsewhere these methods do nothing.
 * With the JDK's {@code libjsig.so} preloaded LLVM's handlers never replace the JVM's, and nothing
 * is found to put back.
 */
public final class LlvmHandlers {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device");
    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    /**
     * LLVM's interrupt, kill and info signals and SIGPIPE, with their Linux numbers; those the JVM
     * raises itself first, so that they are put back first.
     */
    private static final String[] NAMES = {"SIGSEGV", "SIGBUS", "SIGFPE", "SIGILL", "SIGUSR2", "SIGHUP", "SIGINT",
        "SIGQUIT", "SIGTRAP", "SIGABRT", "SIGUSR1", "SIGPIPE", "SIGTERM", "SIGXCPU", "SIGXFSZ", "SIGSYS"};
    private static final int[] NUMBERS = {11, 7, 8, 4, 12, 1, 2, 3, 5, 6, 10, 13, 15, 24, 25, 31};
    private static final int SIGSEGV_INDEX = 0;
    /** Larger than glibc's {@code struct sigaction} (152 bytes). */
    private static final long SIGACTION_BYTES = 256;
    private static final int RTLD_NOW = 2;
    private static final int RTLD_NOLOAD = 4;
    private static final int PIN_ATTEMPTS = 8;
    /** LLVM's {@code sys::RemoveFileOnSignal(StringRef, std::string*)} and its inverse (Itanium C++ names). */
    private static final String REMOVE_FILE_ON_SIGNAL =
            "_ZN4llvm3sys18RemoveFileOnSignalENS_9StringRefEPNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE";
    private static final String DONT_REMOVE_FILE_ON_SIGNAL = "_ZN4llvm3sys22DontRemoveFileOnSignalENS_9StringRefE";
    /** LLVM's {@code StringRef}, passed by value: the characters and their count. */
    private static final StructLayout STRING_REF = MemoryLayout.structLayout(ValueLayout.ADDRESS.withName("data"),
            ValueLayout.JAVA_LONG.withName("length"));

    /** The actions LLVM's handlers replaced, one {@link #SIGACTION_BYTES} slot per signal; null until pinned. */
    private static MemorySegment before;

    private LlvmHandlers() {
    }

    /** The signals (of LLVM's set) whose handler lies in an LLVM library now; empty when none or unknown. */
    public static synchronized List<String> held() {
        List<String> out = new ArrayList<>();
        if (!LINUX || NativeSignals.libc().isEmpty()) {
            return out;
        }
        try (Arena a = Arena.ofShared()) {
            MemorySegment act = a.allocate(SIGACTION_BYTES, 16);
            for (int i = 0; i < NUMBERS.length; i++) {
                if (read(NUMBERS[i], act) && isLlvm(act.get(ValueLayout.JAVA_LONG, 0))) {
                    out.add(NAMES[i]);
                }
            }
        }
        return out;
    }

    /**
     * Makes every LLVM library mapped into the process install its signal handlers now (through its
     * C API's {@code LLVMEnablePrettyStackTrace}) and puts the handlers found before straight back.
     * Backends call it after their drivers loaded and before anything compiles; calling it again
     * is harmless (LLVM does not install its handlers twice).
     */
    @SuppressWarnings("restricted") // calls functions found in an already loaded LLVM library
    public static synchronized void pin() {
        Optional<NativeSignals.Libc> c = NativeSignals.libc();
        if (!LINUX || c.isEmpty() || c.get().dlopen() == null || c.get().dlsym() == null) {
            return;
        }
        if (!held().isEmpty()) {
            release();
            return;
        }
        MemorySegment saved = Arena.global().allocate(SIGACTION_BYTES * NUMBERS.length, 16);
        for (int i = 0; i < NUMBERS.length; i++) {
            if (!read(NUMBERS[i], saved.asSlice(i * SIGACTION_BYTES, SIGACTION_BYTES))) {
                return;
            }
        }
        before = saved;
        for (String library : llvmLibraries()) {
            try (Arena a = Arena.ofShared()) {
                MemorySegment handle = (MemorySegment) c.get().dlopen().invokeExact(a.allocateFrom(library),
                        RTLD_NOW | RTLD_NOLOAD);
                if (handle.equals(MemorySegment.NULL)) {
                    continue;
                }
                MemorySegment add = (MemorySegment) c.get().dlsym().invokeExact(handle, a.allocateFrom(REMOVE_FILE_ON_SIGNAL));
                MemorySegment drop = (MemorySegment) c.get().dlsym().invokeExact(handle, a.allocateFrom(DONT_REMOVE_FILE_ON_SIGNAL));
                MemorySegment pretty = (MemorySegment) c.get().dlsym().invokeExact(handle, a.allocateFrom("LLVMEnablePrettyStackTrace"));
                if (!add.equals(MemorySegment.NULL) && !drop.equals(MemorySegment.NULL)) {
                    pinWithMarker(add, drop, saved, library);
                } else if (!pretty.equals(MemorySegment.NULL)) {
                    installAndPutBack(new NativeChain.Call(pretty, 0, 0, 0), saved);
                }
            } catch (Throwable e) {
                LOG.log(Level.DEBUG, "could not make " + library + " install its signal handlers: " + e);
            }
        }
    }

    /**
     * Registers a file with LLVM to delete on a crash (which installs its handlers while none are),
     * puts the JVM's handlers back at once and unregisters the file, until the file survives: a
     * signal that reached LLVM's handler in between deletes it and resets LLVM's count, and then
     * it takes another round.
     */
    @SuppressWarnings("restricted") // downcalls into LLVM's RemoveFileOnSignal / DontRemoveFileOnSignal
    private static void pinWithMarker(MemorySegment add, MemorySegment drop, MemorySegment saved, String library) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle keep = linker.downcallHandle(drop, FunctionDescriptor.ofVoid(STRING_REF));
        Path marker = Files.createTempFile("jdpx-llvm-pin", ".tmp");
        try (Arena a = Arena.ofShared()) {
            MemorySegment text = a.allocateFrom(marker.toString());
            MemorySegment ref = a.allocate(STRING_REF);
            ref.set(ValueLayout.ADDRESS, 0, text);
            ref.set(ValueLayout.JAVA_LONG, 8, text.byteSize() - 1);
            for (int attempt = 1; attempt <= PIN_ATTEMPTS; attempt++) {
                installAndPutBack(new NativeChain.Call(add, text.address(), text.byteSize() - 1, 0), saved);
                keep.invokeExact(ref);
                if (Files.exists(marker)) {
                    int tries = attempt;
                    LOG.log(Level.DEBUG, () -> library + " keeps its signal handlers registered but not installed (round " + tries + ")");
                    return;
                }
                Files.createFile(marker);
            }
            LOG.log(Level.WARNING, "a Java signal reached LLVM's crash handler in " + library + " in each of " + PIN_ATTEMPTS
                    + " rounds; OpenCL builds may lose temporary files. Start Java with LD_PRELOAD="
                    + System.getProperty("java.home") + "/lib/libjsig.so to keep the JVM's handlers");
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    /**
     * Calls {@code install} (which makes LLVM install its handlers) and puts every saved action
     * back, SIGSEGV first. Where {@link NativeChain} works, all of it runs in one downcall: with
     * Java code in between, a safepoint could stop this thread while LLVM's handlers were in place,
     * and the other threads' safepoint polls would then reach LLVM's one-shot handler, where a
     * second thread's SIGSEGV kills the process.
     */
    @SuppressWarnings("restricted") // calls LLVM's and the C library's functions by address
    private static void installAndPutBack(NativeChain.Call install, MemorySegment saved) throws Throwable {
        if (Chain.CHAIN.isPresent() && Chain.SIGACTION.isPresent()) {
            List<NativeChain.Call> calls = new ArrayList<>();
            calls.add(install);
            for (int i = 0; i < NUMBERS.length; i++) {
                calls.add(new NativeChain.Call(Chain.SIGACTION.get(), NUMBERS[i], saved.address() + i * SIGACTION_BYTES, 0));
            }
            Chain.CHAIN.get().run(calls);
        } else {
            Linker.nativeLinker().downcallHandle(install.function(),
                    FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG))
                    .invokeExact(install.a(), install.b(), install.c());
            putBack(saved);
        }
    }

    /** The chain and {@code sigaction}'s address, bound once, on the first pin (a holder: nothing at class load). */
    private static final class Chain {
        static final Optional<NativeChain> CHAIN = NativeChain.bind();
        static final Optional<MemorySegment> SIGACTION = Linker.nativeLinker().defaultLookup().find("sigaction");
    }

    /** Writes every saved action back, SIGSEGV first (no checks in between: LLVM's handlers are one-shot). */
    private static void putBack(MemorySegment saved) throws Throwable {
        MethodHandle sigaction = NativeSignals.libc().orElseThrow().sigaction();
        for (int i = 0; i < NUMBERS.length; i++) {
            int rc = (int) sigaction.invokeExact(NUMBERS[i], saved.asSlice(i * SIGACTION_BYTES, SIGACTION_BYTES), MemorySegment.NULL);
        }
    }

    /**
     * Puts back the handler that was there before {@link #pin()} for every signal whose handler is
     * LLVM's now. Cheap when there is nothing to do (one {@code sigaction} call).
     *
     * @return how many signals got their handler back
     */
    public static synchronized int release() {
        Optional<NativeSignals.Libc> c = NativeSignals.libc();
        if (!LINUX || before == null || c.isEmpty()) {
            return 0;
        }
        int n = 0;
        try (Arena a = Arena.ofShared()) {
            MemorySegment act = a.allocate(SIGACTION_BYTES, 16);
            if (!read(NUMBERS[SIGSEGV_INDEX], act) || !isLlvm(act.get(ValueLayout.JAVA_LONG, 0))) {
                return 0; // LLVM replaces all its signals at once, SIGSEGV among them
            }
            for (int i = 0; i < NUMBERS.length; i++) {
                if (read(NUMBERS[i], act) && isLlvm(act.get(ValueLayout.JAVA_LONG, 0))) {
                    MemorySegment old = before.asSlice(i * SIGACTION_BYTES, SIGACTION_BYTES);
                    int rc = (int) c.get().sigaction().invokeExact(NUMBERS[i], old, MemorySegment.NULL);
                    n += rc == 0 ? 1 : 0;
                }
            }
        } catch (Throwable e) {
            LOG.log(Level.DEBUG, "could not put the JVM's signal handlers back: " + e);
        }
        return n;
    }

    private static boolean read(int signal, MemorySegment into) {
        try {
            return (int) NativeSignals.libc().orElseThrow().sigaction().invokeExact(signal, MemorySegment.NULL, into) == 0;
        } catch (Throwable e) {
            return false;
        }
    }

    private static boolean isLlvm(long handler) {
        return handler > 1 && NativeSignals.libraryOf(handler).contains("/libLLVM");
    }

    /** The files of the LLVM libraries mapped into this process. */
    private static List<String> llvmLibraries() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .filter(f -> f.startsWith("/") && f.substring(f.lastIndexOf('/')).startsWith("/libLLVM"))
                    .distinct().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
