package org.jdpx.device.spi;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs a few C functions one after another inside a single downcall, so that no Java code runs
 * between them: the calling thread cannot stop at a safepoint in between, and the gap between two
 * calls is a context switch of a few hundred nanoseconds rather than the tens of microseconds of
 * interpreted Java.
 *
 * <p>{@link LlvmHandlers} needs this: LLVM installs its one-shot crash handlers inside one call, and
 * the JVM's handlers must be back before any Java thread raises its next SIGSEGV (a safepoint
 * poll). Built on glibc's {@code makecontext}/{@code swapcontext}: each function runs on its own
 * small stack and, on return, glibc switches to the next one's context; the last one switches back
 * to the caller. Linux with glibc on x86-64 or AArch64 only, where {@code makecontext} passes
 * 64-bit arguments in the first argument registers; {@link #bind()} is empty elsewhere.
 */
final class NativeChain {

    /** One C function and up to three integer or pointer arguments (extra ones are ignored by the callee). */
    record Call(MemorySegment function, long a, long b, long c) {
    }

    /** Larger than glibc's {@code ucontext_t} (968 bytes on x86-64, 4560 on AArch64). */
    private static final long CONTEXT_BYTES = 8192;
    private static final long STACK_BYTES = 256 * 1024;
    /** Offsets in {@code ucontext_t}: {@code uc_link}, then {@code uc_stack}'s pointer, flags and size. */
    private static final long UC_LINK = 8;
    private static final long SS_SP = 16;
    private static final long SS_FLAGS = 24;
    private static final long SS_SIZE = 32;

    private final MethodHandle getcontext;
    private final MethodHandle makecontext;
    private final MethodHandle swapcontext;

    private NativeChain(MethodHandle getcontext, MethodHandle makecontext, MethodHandle swapcontext) {
        this.getcontext = getcontext;
        this.makecontext = makecontext;
        this.swapcontext = swapcontext;
    }

    /** The chain on this platform; empty where it is not Linux with glibc on x86-64 or AArch64. */
    @SuppressWarnings("restricted") // downcalls into glibc
    static Optional<NativeChain> bind() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64") || arch.equals("aarch64"))) {
            return Optional.empty();
        }
        Linker linker = Linker.nativeLinker();
        SymbolLookup lib = linker.defaultLookup();
        if (lib.find("gnu_get_libc_version").isEmpty()) {
            return Optional.empty(); // musl has no makecontext
        }
        Optional<MemorySegment> get = lib.find("getcontext");
        Optional<MemorySegment> make = lib.find("makecontext");
        Optional<MemorySegment> swap = lib.find("swapcontext");
        if (get.isEmpty() || make.isEmpty() || swap.isEmpty()) {
            return Optional.empty();
        }
        ValueLayout addr = ValueLayout.ADDRESS;
        ValueLayout i32 = ValueLayout.JAVA_INT;
        ValueLayout i64 = ValueLayout.JAVA_LONG;
        return Optional.of(new NativeChain(
                linker.downcallHandle(get.get(), FunctionDescriptor.of(i32, addr)),
                linker.downcallHandle(make.get(), FunctionDescriptor.ofVoid(addr, addr, i32, i64, i64, i64),
                        Linker.Option.firstVariadicArg(3)),
                linker.downcallHandle(swap.get(), FunctionDescriptor.of(i32, addr, addr))));
    }

    /**
     * Calls every function of {@code calls} in order, in one downcall, and returns when the last
     * one has returned. Their results are dropped.
     *
     * @throws IllegalStateException if glibc could not prepare or switch a context
     */
    void run(List<Call> calls) {
        if (calls.isEmpty()) {
            return;
        }
        try (Arena arena = Arena.ofShared()) { // shared: a confined arena anywhere in the JVM slowed the java device's kernels
            MemorySegment back = arena.allocate(CONTEXT_BYTES, 64);
            MemorySegment[] contexts = new MemorySegment[calls.size()];
            for (int i = 0; i < contexts.length; i++) {
                contexts[i] = arena.allocate(CONTEXT_BYTES, 64);
            }
            for (int i = 0; i < contexts.length; i++) {
                MemorySegment ctx = contexts[i];
                if ((int) getcontext.invokeExact(ctx) != 0) {
                    throw new IllegalStateException("getcontext failed");
                }
                MemorySegment stack = arena.allocate(STACK_BYTES, 64);
                ctx.set(ValueLayout.ADDRESS, SS_SP, stack);
                ctx.set(ValueLayout.JAVA_INT, SS_FLAGS, 0);
                ctx.set(ValueLayout.JAVA_LONG, SS_SIZE, STACK_BYTES);
                ctx.set(ValueLayout.ADDRESS, UC_LINK, i + 1 < contexts.length ? contexts[i + 1] : back);
                Call call = calls.get(i);
                makecontext.invokeExact(ctx, call.function(), 3, call.a(), call.b(), call.c());
            }
            if ((int) swapcontext.invokeExact(back, contexts[0]) != 0) {
                throw new IllegalStateException("swapcontext failed");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not run the native chain: " + e, e);
        }
    }
}
