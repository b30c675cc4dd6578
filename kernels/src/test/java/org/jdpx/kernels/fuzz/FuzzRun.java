package org.jdpx.kernels.fuzz;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompileException;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.jvm.JvmIr;
import org.jdpx.kernels.testutil.ArraysOnDevice;
import org.jdpx.kernels.testutil.SpirvVal;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one generated kernel through every target and compares each with the method run as
 * plain Java: the kernel compiler's frontend, the java device (the method itself on its
 * threads), the JVM emitter (bytecode generated from the IR), the OpenCL C emitter on every
 * OpenCL device (a device without fp64 must refuse a kernel that needs it, with the aspect
 * error), and the SPIR-V emitter through spirv-val (no driver here takes SPIR-V). Integers must
 * match exactly, floats bit for bit (any NaN matches any NaN) except math outputs, which get
 * their function's ulp bound from {@link MathFns}. A launch that does not return within
 * {@link #HANG_SECONDS} is a "hang" failure (the generated loops all end within a few iterations).
 */
final class FuzzRun {
    private FuzzRun() {
    }

    /** Target names besides the OpenCL devices' filter strings. */
    static final String FRONTEND = "frontend", JAVA_DEVICE = "java-device", JVM_IR = "jvm-emitter", SPIRV = "spirv-val";

    /** What went wrong on one target: {@code kind} is refused, error or wrong; {@code detail} says how. */
    record Failure(String target, String kind, String detail) {
        String key() { return target + "/" + kind; }
    }

    /** Every target this JVM can run: the fixed ones and each OpenCL device ({@code -Djdpx.fuzz.targets=a,b} keeps only those). */
    static List<String> targets() {
        List<String> t = new ArrayList<>(List.of(FRONTEND, JAVA_DEVICE, JVM_IR, SPIRV));
        for (Device d : TestDevices.ofBackend("opencl")) t.add(d.filterString());
        String only = System.getProperty("jdpx.fuzz.targets"); // e.g. frontend,opencl:cpu:0
        if (only != null) t.retainAll(List.of(only.split(",")));
        return t;
    }

    /**
     * Checks {@code method} (generated as {@code k}) on {@code targets}; returns the failures, empty
     * when every target agrees with plain Java. {@code counts} gets one entry per target that ran
     * (or correctly refused) the kernel.
     */
    static List<Failure> check(FuzzKernel k, Method method, List<String> targets, List<String> counts) {
        List<Failure> out = new ArrayList<>();
        FuzzData ref = FuzzData.inputs(k);
        reference(method, ref);
        CompiledKernel ck;
        try {
            ck = KernelCompiler.compile(method);
        } catch (KernelCompileException | UnsupportedOperationException e) {
            out.add(new Failure(FRONTEND, "refused", e.getMessage()));
            return out;
        } catch (RuntimeException e) {
            out.add(new Failure(FRONTEND, "error", stack(e)));
            return out;
        }
        if (targets.contains(FRONTEND)) counts.add(FRONTEND);
        int[] global = {FuzzKernel.ITEMS};
        for (String t : targets) {
            if (t.equals(FRONTEND) || STUCK.contains(t)) continue;
            FuzzData d = ref.fresh();
            long t0 = System.nanoTime();
            try {
                switch (t) {
                    case JAVA_DEVICE -> watched(t, () -> ArraysOnDevice.launch(TestDevices.java(), ck, Range.of(global[0]), d.arrayArgs()));
                    case JVM_IR -> watched(t, () -> JvmIr.run(ck, global, null, d.viewArgs()));
                    case SPIRV -> {
                        try {
                            SpirvVal.validate(ck);
                        } catch (AssertionFailedError e) {
                            out.add(new Failure(t, "error", e.getMessage()));
                        }
                        counts.add(t);
                        continue;
                    }
                    default -> {
                        Device dev = TestDevices.ofBackend("opencl").stream().filter(x -> x.filterString().equals(t)).findFirst().orElseThrow();
                        if (!aspects(dev).containsAll(ck.requiredAspects())) {
                            expectRefusal(dev, ck, d, out, t);
                            counts.add(t);
                            continue;
                        }
                        watched(t, () -> ArraysOnDevice.launch(dev, ck, Range.of(global[0]), d.arrayArgs()));
                    }
                }
            } catch (Hang h) {
                out.add(new Failure(t, "hang", "no result after " + HANG_SECONDS + " s (every loop of the kernel ends within a few"
                        + " iterations in Java); " + t + " is skipped for the rest of this run"));
                continue;
            } catch (RuntimeException | AssertionError e) {
                out.add(new Failure(t, "error", stack(e)));
                continue;
            }
            counts.add(t);
            NANOS.merge(t, System.nanoTime() - t0, Long::sum);
            boolean ftz = flushesSubnormals(t);
            String diff = Compare.outputs(k, ref, null, d, ftz);
            if (diff != null && ftz && !k.fp64()) diff = Compare.outputs(k, ref, ftzReference(k), d, true);
            if (diff != null) out.add(new Failure(t, "wrong", diff));
        }
        return out;
    }

    private static void expectRefusal(Device dev, CompiledKernel ck, FuzzData d, List<Failure> out, String t) {
        try {
            ArraysOnDevice.launch(dev, ck, Range.of(FuzzKernel.ITEMS), d.arrayArgs());
            out.add(new Failure(t, "error", "kernel needs " + ck.requiredAspects() + " but the device ran it"));
        } catch (UnsupportedOperationException e) {
            if (!e.getMessage().contains("needs aspect")) out.add(new Failure(t, "error", "refused with an unexpected message: " + e.getMessage()));
        }
    }

    /** Seconds a launch may take before the kernel counts as hanging ({@code -Djdpx.fuzz.hangSeconds}). */
    static final long HANG_SECONDS = Long.getLong("jdpx.fuzz.hangSeconds", 60);
    /** Targets with a launch that never returned: their queue is blocked, so they are skipped from then on. */
    private static final Set<String> STUCK = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.ExecutorService WATCHED = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread th = new Thread(r, "fuzz-launch");
        th.setDaemon(true);
        return th;
    });

    private static final class Hang extends RuntimeException {
    }

    /** Runs a launch on a daemon thread and gives up waiting after {@link #HANG_SECONDS} (marking the target stuck). */
    private static void watched(String target, Runnable launch) {
        java.util.concurrent.Future<?> f = WATCHED.submit(launch);
        try {
            f.get(HANG_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            STUCK.add(target);
            throw new Hang();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Time spent per target in this JVM, for the run summary. */
    static final java.util.Map<String, Long> NANOS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether the target may flush subnormal floats to zero: rusticl on llvmpipe reports no
     * CL_FP_DENORM, which OpenCL 1.2 allows (section 7.5.3), and flushes math results and some
     * operands (e.g. fmod's). Its results are then also accepted where they match
     * {@link #ftzReference}, and subnormal math results may come back as zero.
     */
    static boolean flushesSubnormals(String target) {
        return TestDevices.ofBackend("opencl").stream().anyMatch(d -> d.filterString().equals(target) && d.name().contains("llvmpipe"));
    }

    static Set<String> aspects(Device d) {
        return d.aspects().stream().map(Aspect::dpctlName).collect(Collectors.toSet());
    }

    /** The reference of a float-only kernel for devices without denormals: every float result flushed ({@link Ftz}). */
    static FuzzData ftzReference(FuzzKernel k) {
        FuzzData d = FuzzData.inputs(k);
        reference(Fuzzer.compile(List.of(k), "Ftz", true).getFirst(), d);
        return d;
    }

    /** The plain-Java reference: the method called once per work-item, in this thread, with Java's semantics. */
    static void reference(Method m, FuzzData d) {
        HostContext ctx = new HostContext(FuzzKernel.ITEMS);
        Object[] views = d.viewArgs();
        Object[] args = new Object[views.length + 1];
        args[0] = ctx;
        System.arraycopy(views, 0, args, 1, views.length);
        for (int g = 0; g < FuzzKernel.ITEMS; g++) {
            ctx.gid = g;
            try {
                m.invoke(null, args);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the plain-Java reference threw at gid " + g + " (a generator bug)", e.getCause());
            }
        }
    }

    private static String stack(Throwable e) {
        StringBuilder sb = new StringBuilder(String.valueOf(e));
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < Math.min(6, st.length); i++) sb.append("\n    at ").append(st[i]);
        if (e.getCause() != null && e.getCause() != e) sb.append("\ncaused by ").append(e.getCause());
        return sb.toString();
    }
}
