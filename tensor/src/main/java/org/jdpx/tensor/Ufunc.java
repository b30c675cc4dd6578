package org.jdpx.tensor;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdpx.device.Queue;
import org.jdpx.kernels.KernelMethods;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.fusion.ElementOp;
import org.jdpx.tensor.fusion.FunctionKernels;
import org.jdpx.tensor.fusion.Node;
import org.jdpx.tensor.fusion.ScalarFunction;

/**
 * A NumPy universal function made from a static Java method over scalars, Numba's
 * {@code @vectorize} ({@link org.jdpx.kernels.Vectorize}): {@link #apply} broadcasts its array
 * and scalar operands, picks a loop by NumPy's type rules and returns a lazy array, so the
 * function's body is inlined into the one fused kernel of the surrounding expression on the
 * operands' device (any device: OpenCL C, or JVM bytecode on the java device).
 *
 * <pre>{@code
 * static float relu(float x) { return x > 0 ? x : 0f; }
 * Ufunc relu = Ufunc.of(MyFns.class, "relu");
 * UsmNdArray y = relu.apply(x.multiply(2)).add(1);    // one kernel: multiply, relu, add
 * }</pre>
 *
 * Binary ufuncs also {@link #reduce} and {@link #accumulate} along an axis. The method's Java
 * subset is that of {@code @Kernel} methods; unsupported Java is a
 * {@link org.jdpx.kernels.KernelCompileException} naming file and line.
 */
public final class Ufunc {
    private final UfuncLoops loops;

    private Ufunc(UfuncLoops loops) {
        this.loops = loops;
    }

    /** A one-argument static method reference, {@code MyFns::relu}. */
    @FunctionalInterface
    public interface Fn1<A, R> extends Serializable {
        /** The function. */
        R apply(A a);
    }

    /** A two-argument static method reference. */
    @FunctionalInterface
    public interface Fn2<A, B, R> extends Serializable {
        /** The function. */
        R apply(A a, B b);
    }

    /** A three-argument static method reference. */
    @FunctionalInterface
    public interface Fn3<A, B, C, R> extends Serializable {
        /** The function. */
        R apply(A a, B b, C c);
    }

    /**
     * The ufunc of every static method {@code name} in {@code owner} (overloads are its loops), or
     * of the signatures its {@link org.jdpx.kernels.Vectorize @Vectorize} declares (compiled now).
     *
     * @throws IllegalArgumentException for a missing or instance method, non-primitive types,
     *         overloads of different arity, or a signature no overload matches
     * @throws org.jdpx.kernels.KernelCompileException for a declared loop that uses unsupported Java
     */
    public static Ufunc of(Class<?> owner, String name) {
        return new Ufunc(UfuncLoops.of(owner, name));
    }

    /** The single-loop ufunc of a method reference such as {@code MyFns::relu}. */
    public static <A, R> Ufunc of(Fn1<A, R> ref) { return ofMethod(ref); }

    /** The single-loop ufunc of a two-argument method reference. */
    public static <A, B, R> Ufunc of(Fn2<A, B, R> ref) { return ofMethod(ref); }

    /** The single-loop ufunc of a three-argument method reference. */
    public static <A, B, C, R> Ufunc of(Fn3<A, B, C, R> ref) { return ofMethod(ref); }

    private static Ufunc ofMethod(Serializable ref) {
        Method m = KernelMethods.of(ref);
        return new Ufunc(UfuncLoops.of(m));
    }

    /** {@code Class.method}, the ufunc's name. */
    public String name() { return loops.name(); }

    /** Number of inputs. */
    public int nin() { return loops.nin(); }

    /** Number of outputs (always 1). */
    public int nout() { return 1; }

    /** NumPy's {@code ufunc.types}: one entry per loop, such as {@code ff->f}. */
    public List<String> types() { return loops.types(); }

    /**
     * The function applied elementwise to broadcast operands (arrays on one queue, Java numbers
     * and booleans as weak scalars); lazy, fused with whatever the result feeds.
     *
     * @throws IllegalArgumentException for a wrong operand count, shapes that do not broadcast,
     *         or dtypes no loop takes under safe casting
     * @throws org.jdpx.device.ExecutionPlacementError for arrays on different queues
     */
    public UsmNdArray apply(Object... operands) {
        Queue q = Elementwise.placement(name(), operands);
        ScalarFunction f = loops.select(operands, q.device());
        Elementwise.cutIfLarge(operands);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < operands.length; i++) {
            nodes.add(operands[i] instanceof UsmNdArray a ? a.node() : Elementwise.scalar(operands[i], f.params()[i]));
        }
        return UsmNdArray.lazy(Node.Call.of(f, nodes), q, Elementwise.usmType(operands));
    }

    /**
     * NumPy's {@code f(*operands, out=out, where=where)}: computes into {@code out} (one kernel),
     * only where {@code where} (a bool array or Boolean; null = everywhere) holds, leaving the
     * other elements of {@code out} as they were. The result is cast to {@code out}'s dtype with
     * NumPy's {@code same_kind} rule.
     *
     * @throws IllegalArgumentException when the result does not broadcast to {@code out}'s shape
     *         or cannot be cast to its dtype, or {@code out} is null
     */
    public UsmNdArray apply(Object[] operands, UsmNdArray out, Object where) {
        if (out == null) {
            throw new IllegalArgumentException(name() + ": out is null; pass an array to compute into (use apply(operands) for a new one)");
        }
        UsmNdArray r = apply(operands);
        Object[] all = Arrays.copyOf(operands, operands.length + 2);
        all[operands.length] = out;
        all[operands.length + 1] = where;
        Elementwise.placement(name(), all);
        if (!Arrays.equals(Shapes.broadcast(r.shape(), out.shape()), out.shape())) {
            throw new IllegalArgumentException(name() + ": result of shape " + Arrays.toString(r.shape())
                    + " does not broadcast to out's shape " + Arrays.toString(out.shape()));
        }
        if (Elementwise.kindRank(r.dtype()) > Elementwise.kindRank(out.dtype())) {
            throw new IllegalArgumentException("cannot cast " + name() + " output from " + r.dtype() + " to " + out.dtype()
                    + " with casting rule 'same_kind'; pass an out array of dtype " + r.dtype());
        }
        Node v = where == null ? r.node() : Elementwise.node(ElementOp.WHERE, where, r, out);
        if (v.dtype() != out.dtype()) v = new Node.Cast(out.dtype(), v);
        Elementwise.writeInto(out, out.leaf(), v, name() + " into out");
        return out;
    }

    /** {@link #reduce(UsmNdArray, Integer)} along axis 0, NumPy's default. */
    public UsmNdArray reduce(UsmNdArray a) { return reduce(a, 0); }

    /**
     * NumPy's {@code ufunc.reduce}: folds the binary function along {@code axis} (null: over all
     * elements in C order), in order from the first element; one kernel, one work-item per line.
     *
     * @throws IllegalArgumentException for a ufunc that is not binary, a bad axis, or an empty axis
     *         (a Java function has no identity)
     * @throws UnsupportedOperationException for a line longer than the device's loop limit
     */
    public UsmNdArray reduce(UsmNdArray a, Integer axis) {
        return fold(a, axis, false);
    }

    /** {@link #accumulate(UsmNdArray, int)} along axis 0. */
    public UsmNdArray accumulate(UsmNdArray a) { return accumulate(a, 0); }

    /**
     * NumPy's {@code ufunc.accumulate}: the running values of the binary function along
     * {@code axis}, same shape as {@code a}, dtype of the loop's result.
     *
     * @throws IllegalArgumentException as {@link #reduce(UsmNdArray, Integer)}
     */
    public UsmNdArray accumulate(UsmNdArray a, int axis) {
        return fold(a, axis, true);
    }

    private UsmNdArray fold(UsmNdArray a, Integer axis, boolean accumulate) {
        String what = name() + (accumulate ? ".accumulate" : ".reduce");
        if (nin() != 2) {
            throw new IllegalArgumentException(what + " needs a binary ufunc; " + name() + " takes " + nin() + " inputs");
        }
        UsmNdArray in = axis == null ? a.reshape(a.size()) : a;
        int ax = axis == null ? 0 : axis;
        int nd = in.ndim();
        if (nd == 0 || ax < -nd || ax >= nd) {
            throw new IllegalArgumentException(what + ": axis " + axis + " is out of bounds for an array of " + nd + " dimensions");
        }
        if (ax < 0) ax += nd;
        long[] shape = in.shape();
        long n = shape[ax];
        if (n == 0) {
            throw new IllegalArgumentException(what + ": zero-size axis, and " + name() + " has no identity; reduce a non-empty axis");
        }
        long limit = DevicePlan.loopLimit(a.device());
        if (n - 1 > limit) {
            throw new UnsupportedOperationException(what + ": a line of " + n + " elements is longer than " + a.device().filterString()
                    + "'s kernel loop limit of " + limit + " iterations; reduce a shorter axis or use another device");
        }
        ScalarFunction f = loops.select(new Object[] {in, in}, a.device());
        long outer = 1, inner = 1;
        for (int d = 0; d < ax; d++) outer *= shape[d];
        for (int d = ax + 1; d < nd; d++) inner *= shape[d];
        UsmNdArray src = in.contiguousAs(in.dtype());
        long[] outShape = accumulate ? shape : dropAxis(shape, ax);
        UsmNdArray out = UsmNdArray.allocate(outShape, f.result(), a.queue(), a.usmType(), 'C');
        FunctionKernels.fold(f, src.leaf(), outer, n, inner, out.memory(), accumulate, a.queue());
        return out;
    }

    private static long[] dropAxis(long[] shape, int ax) {
        long[] s = new long[shape.length - 1];
        for (int d = 0, k = 0; d < shape.length; d++) if (d != ax) s[k++] = shape[d];
        return s;
    }

    @Override
    public String toString() { return "<ufunc '" + name() + "' " + types() + ">"; }
}
