package org.jdpx.kernels.prange;

import java.io.Serializable;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import org.jdpx.device.Device;
import org.jdpx.kernels.KernelMethods;

/**
 * prange for Java, after numba-dpex's {@code dpjit} with {@code prange}: an ordinary static method
 * whose loops are marked {@link org.jdpx.kernels.Parallel @Parallel} is compiled so that each
 * parallel loop's body becomes a kernel and the rest of the method runs on the host as written.
 *
 * <pre>{@code
 * static double pi(int steps) {
 *     double step = 1.0 / steps, sum = 0;
 *     for (@Parallel int i = 0; i < steps; i++) {
 *         double x = (i + 0.5) * step;
 *         sum += 4.0 / (1.0 + x * x);          // a sum reduction, inferred
 *     }
 *     return step * sum;
 * }
 * var pi = Prange.compile(Pi::pi);             // Prange.F1<Integer, Double>
 * double v = pi.apply(100_000_000);
 * }</pre>
 *
 * <p><b>Where it runs.</b> A loop runs on the device of the USM arrays its body reads (compute
 * follows data); arrays on two devices are an {@link org.jdpx.device.ExecutionPlacementError}. A
 * loop that reads no device array runs on the default device, or on the device given to
 * {@code compile}. On CPUs, the java device included, each work-item runs one contiguous chunk
 * (four per core); on the GPU plan about a million work-items run short chunks, in work-groups
 * small enough for their private array-reduction copies. Java arrays are refused in a loop body, except as array reductions: jdpx never
 * copies them behind your back.
 *
 * <p><b>Reductions</b> on int, long, float and double locals ({@code +=}, {@code -=}, {@code *=},
 * {@code x = Math.min(x, e)}, {@code Math.max}) are inferred; every work-item keeps a private
 * partial and the host combines them (on the GPU plan after device passes fold them into a few
 * hundred), so floating-point sums are reassociated. <b>Array
 * reductions</b> (Numba's {@code y[:] += x[i]}): a Java int[], long[], float[] or double[] of at
 * most 1024 elements from before the loop, used in the body only as {@code a[k] += e}
 * ({@code -=}, {@code *=}, {@code a[k] = Math.min(a[k], e)}, {@code Math.max}), is updated in
 * place from a private copy per work-item. Perfectly nested
 * parallel loops form a 2-D or 3-D range; other parallel loops inside a parallel loop run serially.
 *
 * <p>{@code compile} throws {@link org.jdpx.kernels.KernelCompileException} naming the source line
 * for a loop it refuses (a cross-iteration dependence it can see, break/return out of the loop,
 * Java a device cannot run) and {@link IllegalArgumentException} for a method without parallel
 * loops or a reference that is not to a static method. Calls then throw what the kernels throw
 * (for instance {@link UnsupportedOperationException} on a device without fp64 for double code).
 */
public final class Prange {

    private Prange() {
    }

    /**
     * The parallel diagnostics of static method {@code name} of {@code owner} (Numba's
     * {@code parallel_diagnostics}): loops that became kernels, values read, reductions found,
     * serialized and refused loops, each with its source line. Does not throw for a refused loop.
     *
     * @throws IllegalArgumentException when there is no such method, or several with that name
     */
    public static String diagnostics(Class<?> owner, String name) {
        Method found = null;
        for (Method m : owner.getDeclaredMethods()) {
            if (!m.getName().equals(name)) continue;
            if (found != null) throw new IllegalArgumentException("method name " + name + " is ambiguous in " + owner.getName());
            found = m;
        }
        if (found == null) throw new IllegalArgumentException("no method " + name + " in " + owner.getName());
        return PrangeCompiler.diagnostics(found, null);
    }

    private static Method method(Serializable ref) {
        return KernelMethods.of(ref);
    }

    private static MethodHandle handle(Serializable ref, Device device) {
        return PrangeCompiler.compile(method(ref), device).handle();
    }

    @SuppressWarnings("unchecked")
    private static <R> R call(MethodHandle h, Object... args) {
        try {
            return (R) h.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
    }

    /** Compiles a 0-argument method with parallel loops; see the class comment. */
    public static <R> F0<R> compile(F0<R> method) {
        MethodHandle h = handle(method, null);
        return () -> call(h);
    }

    /** Like {@link #compile(F0)}; loops that read no device array run on {@code device}. */
    public static <R> F0<R> compile(F0<R> method, Device device) {
        MethodHandle h = handle(method, device);
        return () -> call(h);
    }

    /** Compiles a 1-argument method with parallel loops; see the class comment. */
    public static <A,R> F1<A,R> compile(F1<A,R> method) {
        MethodHandle h = handle(method, null);
        return (a) -> call(h, a);
    }

    /** Like {@link #compile(F1)}; loops that read no device array run on {@code device}. */
    public static <A,R> F1<A,R> compile(F1<A,R> method, Device device) {
        MethodHandle h = handle(method, device);
        return (a) -> call(h, a);
    }

    /** Compiles a void 1-argument method with parallel loops; see the class comment. */
    public static <A> P1<A> compile(P1<A> method) {
        MethodHandle h = handle(method, null);
        return (a) -> call(h, a);
    }

    /** Like {@link #compile(P1)}; loops that read no device array run on {@code device}. */
    public static <A> P1<A> compile(P1<A> method, Device device) {
        MethodHandle h = handle(method, device);
        return (a) -> call(h, a);
    }

    /** Compiles a 2-argument method with parallel loops; see the class comment. */
    public static <A,B,R> F2<A,B,R> compile(F2<A,B,R> method) {
        MethodHandle h = handle(method, null);
        return (a, b) -> call(h, a, b);
    }

    /** Like {@link #compile(F2)}; loops that read no device array run on {@code device}. */
    public static <A,B,R> F2<A,B,R> compile(F2<A,B,R> method, Device device) {
        MethodHandle h = handle(method, device);
        return (a, b) -> call(h, a, b);
    }

    /** Compiles a void 2-argument method with parallel loops; see the class comment. */
    public static <A,B> P2<A,B> compile(P2<A,B> method) {
        MethodHandle h = handle(method, null);
        return (a, b) -> call(h, a, b);
    }

    /** Like {@link #compile(P2)}; loops that read no device array run on {@code device}. */
    public static <A,B> P2<A,B> compile(P2<A,B> method, Device device) {
        MethodHandle h = handle(method, device);
        return (a, b) -> call(h, a, b);
    }

    /** Compiles a 3-argument method with parallel loops; see the class comment. */
    public static <A,B,C,R> F3<A,B,C,R> compile(F3<A,B,C,R> method) {
        MethodHandle h = handle(method, null);
        return (a, b, c) -> call(h, a, b, c);
    }

    /** Like {@link #compile(F3)}; loops that read no device array run on {@code device}. */
    public static <A,B,C,R> F3<A,B,C,R> compile(F3<A,B,C,R> method, Device device) {
        MethodHandle h = handle(method, device);
        return (a, b, c) -> call(h, a, b, c);
    }

    /** Compiles a void 3-argument method with parallel loops; see the class comment. */
    public static <A,B,C> P3<A,B,C> compile(P3<A,B,C> method) {
        MethodHandle h = handle(method, null);
        return (a, b, c) -> call(h, a, b, c);
    }

    /** Like {@link #compile(P3)}; loops that read no device array run on {@code device}. */
    public static <A,B,C> P3<A,B,C> compile(P3<A,B,C> method, Device device) {
        MethodHandle h = handle(method, device);
        return (a, b, c) -> call(h, a, b, c);
    }

    /** Compiles a 4-argument method with parallel loops; see the class comment. */
    public static <A,B,C,D,R> F4<A,B,C,D,R> compile(F4<A,B,C,D,R> method) {
        MethodHandle h = handle(method, null);
        return (a, b, c, d) -> call(h, a, b, c, d);
    }

    /** Like {@link #compile(F4)}; loops that read no device array run on {@code device}. */
    public static <A,B,C,D,R> F4<A,B,C,D,R> compile(F4<A,B,C,D,R> method, Device device) {
        MethodHandle h = handle(method, device);
        return (a, b, c, d) -> call(h, a, b, c, d);
    }

    /** Compiles a void 4-argument method with parallel loops; see the class comment. */
    public static <A,B,C,D> P4<A,B,C,D> compile(P4<A,B,C,D> method) {
        MethodHandle h = handle(method, null);
        return (a, b, c, d) -> call(h, a, b, c, d);
    }

    /** Like {@link #compile(P4)}; loops that read no device array run on {@code device}. */
    public static <A,B,C,D> P4<A,B,C,D> compile(P4<A,B,C,D> method, Device device) {
        MethodHandle h = handle(method, device);
        return (a, b, c, d) -> call(h, a, b, c, d);
    }

    /** A static method with 0 arguments and a result, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface F0<R> extends Serializable {
        /** Calls the method. */
        R apply();
    }

    /** A static method with 1 argument and a result, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface F1<A,R> extends Serializable {
        /** Calls the method. */
        R apply(A a);
    }

    /** A static void method with 1 argument, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface P1<A> extends Serializable {
        /** Calls the method. */
        void run(A a);
    }

    /** A static method with 2 arguments and a result, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface F2<A,B,R> extends Serializable {
        /** Calls the method. */
        R apply(A a, B b);
    }

    /** A static void method with 2 arguments, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface P2<A,B> extends Serializable {
        /** Calls the method. */
        void run(A a, B b);
    }

    /** A static method with 3 arguments and a result, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface F3<A,B,C,R> extends Serializable {
        /** Calls the method. */
        R apply(A a, B b, C c);
    }

    /** A static void method with 3 arguments, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface P3<A,B,C> extends Serializable {
        /** Calls the method. */
        void run(A a, B b, C c);
    }

    /** A static method with 4 arguments and a result, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface F4<A,B,C,D,R> extends Serializable {
        /** Calls the method. */
        R apply(A a, B b, C c, D d);
    }

    /** A static void method with 4 arguments, as {@code Prange.compile} takes and returns it. */
    @FunctionalInterface
    public interface P4<A,B,C,D> extends Serializable {
        /** Calls the method. */
        void run(A a, B b, C c, D d);
    }
}
