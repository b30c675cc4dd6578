package org.jdpx.tensor;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.Queue;
import org.jdpx.kernels.DoubleStencil;
import org.jdpx.kernels.FloatStencil;
import org.jdpx.kernels.IntStencil;
import org.jdpx.kernels.LongStencil;
import org.jdpx.kernels.Stencil;
import org.jdpx.kernels.frontend.Frontend;
import org.jdpx.tensor.fusion.FunctionKernels;
import org.jdpx.tensor.fusion.Node;

/**
 * A {@link Stencil @Stencil} method applied to whole arrays, Numba's {@code @stencil}: the method
 * reads its array parameters relatively ({@code a.at(-1, 0)}) and returns one element's value;
 * {@link #apply} runs it as one kernel over every element on the arrays' device (any device),
 * giving the border region, where the neighbourhood does not fit in the array, the value
 * {@code cval} (0 unless the annotation or {@link #withCval} says otherwise). Overloads of the
 * method are chosen by the arrays' dtypes ({@code FloatStencil} takes float32, {@code DoubleStencil}
 * float64, {@code IntStencil} int32, {@code LongStencil} int64); primitive parameters take Java numbers.
 *
 * <pre>{@code
 * @Stencil
 * static double jacobi(DoubleStencil a) { return 0.25 * (a.at(-1, 0) + a.at(1, 0) + a.at(0, -1) + a.at(0, 1)); }
 * UsmNdArray next = StencilFunction.of(MyFns.class, "jacobi").apply(grid);
 * }</pre>
 */
public final class StencilFunction {
    private final String name;
    private final List<Method> methods;
    private final Double cval;
    private final Map<Method, Compiled> compiled;

    private record Compiled(Frontend.FunctionResult fn, DType[] params, DType result, int[] lo, int[] hi, int rank) {
    }

    private StencilFunction(String name, List<Method> methods, Double cval, Map<Method, Compiled> compiled) {
        this.name = name;
        this.methods = methods;
        this.cval = cval;
        this.compiled = compiled;
    }

    /**
     * The stencil of every static method {@code name} in {@code owner} whose parameters are
     * stencil arrays and primitives.
     *
     * @throws IllegalArgumentException for a missing or instance method, or other parameter types
     */
    public static StencilFunction of(Class<?> owner, String name) {
        List<Method> found = new ArrayList<>();
        for (Method m : owner.getDeclaredMethods()) if (m.getName().equals(name) && !m.isSynthetic()) found.add(m);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no method " + name + " in " + owner.getName()
                    + "; write a static method such as @Stencil static float " + name + "(FloatStencil a)");
        }
        for (Method m : found) {
            String who = owner.getSimpleName() + "." + name;
            if (!Modifier.isStatic(m.getModifiers())) {
                throw new IllegalArgumentException(who + " is an instance method; a stencil needs a static method (add 'static')");
            }
            UfuncLoops.dtypeOf(m.getReturnType(), who, "its return type");
            boolean anyArray = false;
            for (Class<?> p : m.getParameterTypes()) {
                if (org.jdpx.kernels.StencilArray.class.isAssignableFrom(p)) anyArray = true;
                else UfuncLoops.dtypeOf(p, who, "a parameter that is no stencil array");
            }
            if (!anyArray) {
                throw new IllegalArgumentException(who + " has no stencil array parameter; take the input as FloatStencil,"
                        + " DoubleStencil, IntStencil or LongStencil and read it with at(...)");
            }
        }
        return new StencilFunction(owner.getSimpleName() + "." + name, List.copyOf(found), null, new ConcurrentHashMap<>());
    }

    /** This stencil with border value {@code value} instead of the annotation's {@code cval}. */
    public StencilFunction withCval(double value) {
        return new StencilFunction(name, methods, value, compiled);
    }

    /**
     * A new array of the first array operand's shape: the stencil's value where the
     * neighbourhood fits, {@code cval} elsewhere. Array operands must share shape and queue.
     *
     * @throws IllegalArgumentException when no overload takes the operands' dtypes, the shapes
     *         differ, or the stencil's indices do not match the arrays' dimensions
     */
    public UsmNdArray apply(Object... operands) {
        UsmNdArray first = firstArray(operands);
        Method m = select(operands);
        Compiled c = compile(m, first.ndim());
        UsmNdArray out = UsmNdArray.allocate(first.shape(), c.result(), first.queue(), Elementwise.usmType(operands), 'C');
        run(c, operands, out, true);
        return out;
    }

    /**
     * Numba's {@code out=}: writes the stencil's value into {@code out} where the neighbourhood
     * fits and leaves its border region unchanged. {@code out} must have the operands' shape,
     * the stencil's result dtype, and share no memory with them.
     *
     * @throws IllegalArgumentException as {@link #apply(Object...)}, or for a wrong {@code out}
     */
    public UsmNdArray applyInto(UsmNdArray out, Object... operands) {
        UsmNdArray first = firstArray(operands);
        Method m = select(operands);
        Compiled c = compile(m, first.ndim());
        if (!Arrays.equals(out.shape(), first.shape()) || out.dtype() != c.result()) {
            throw new IllegalArgumentException(name + ": out has shape " + Arrays.toString(out.shape()) + " and dtype " + out.dtype()
                    + "; it needs shape " + Arrays.toString(first.shape()) + " and dtype " + c.result());
        }
        for (Object o : operands) {
            if (o instanceof UsmNdArray a && !a.isLazy() && a.memory() == out.memory()) {
                throw new IllegalArgumentException(name + ": out shares memory with an input, so elements would be read after"
                        + " they were overwritten; write into another array (and swap, as Jacobi sweeps do)");
            }
        }
        Object[] all = Arrays.copyOf(operands, operands.length + 1);
        all[operands.length] = out;
        Elementwise.placement(name, all);
        run(c, operands, out, false);
        return out;
    }

    private void run(Compiled c, Object[] operands, UsmNdArray out, boolean writeBorder) {
        Queue q = Elementwise.placement(name, operands);
        long[] shape = out.shape();
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < operands.length; i++) {
            if (operands[i] instanceof UsmNdArray a) {
                if (!Arrays.equals(a.shape(), shape)) {
                    throw new IllegalArgumentException(name + ": array operands have shapes " + Arrays.toString(shape) + " and "
                            + Arrays.toString(a.shape()) + "; a stencil's arrays share one shape");
                }
                nodes.add(a.leaf());
            } else {
                nodes.add(Elementwise.scalar(operands[i], c.params()[i]));
            }
        }
        PendingReads.settle(out.memory(), out);
        double border = cval != null ? cval : methodCval(c);
        FunctionKernels.stencil(name, c.fn(), c.result(), nodes, out.leaf(), c.lo(), c.hi(), writeBorder, border, q);
    }

    private double methodCval(Compiled c) {
        for (Method m : methods) {
            if (compiled.get(m) == c && m.isAnnotationPresent(Stencil.class)) return m.getAnnotation(Stencil.class).cval();
        }
        return 0;
    }

    private UsmNdArray firstArray(Object[] operands) {
        for (Object o : operands) if (o instanceof UsmNdArray a) return a;
        throw new IllegalArgumentException(name + " needs at least one array operand; make one with Tensor.asarray");
    }

    private Method select(Object[] operands) {
        List<String> have = new ArrayList<>();
        for (Method m : methods) {
            Class<?>[] p = m.getParameterTypes();
            if (p.length != operands.length) continue;
            boolean ok = true;
            for (int i = 0; i < p.length && ok; i++) {
                DType want = stencilDtype(p[i]);
                ok = want != null ? operands[i] instanceof UsmNdArray a && a.dtype() == want
                        : !(operands[i] instanceof UsmNdArray) && operands[i] != null;
            }
            if (ok) return m;
        }
        for (Method m : methods) {
            have.add(Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).toList().toString());
        }
        List<String> got = new ArrayList<>();
        for (Object o : operands) got.add(o instanceof UsmNdArray a ? a.dtype() + " array" : o == null ? "null" : "Java " + o.getClass().getSimpleName());
        throw new IllegalArgumentException(name + " has no overload for " + got + "; its overloads take " + have
                + " (FloatStencil = float32, DoubleStencil = float64, IntStencil = int32, LongStencil = int64 arrays);"
                + " convert the arrays with astype or add an overload");
    }

    private static DType stencilDtype(Class<?> p) {
        if (p == FloatStencil.class) return DType.FLOAT32;
        if (p == DoubleStencil.class) return DType.FLOAT64;
        if (p == IntStencil.class) return DType.INT32;
        return p == LongStencil.class ? DType.INT64 : null;
    }

    private Compiled compile(Method m, int rank) {
        Compiled c = compiled.computeIfAbsent(m, k -> compile(k));
        if (c.rank() != rank) {
            throw new IllegalArgumentException(name + " indexes its arrays with " + c.rank() + " relative indices, but the arrays have "
                    + rank + " dimensions; write at(...) with one index per axis");
        }
        return c;
    }

    private Compiled compile(Method m) {
        Frontend.FunctionResult fn = Frontend.compileFunction(m);
        Stencil ann = m.getAnnotation(Stencil.class);
        int[] declared = ann == null ? new int[0] : ann.neighborhood();
        int rank = -1;
        for (Frontend.StencilAccess a : fn.accesses()) {
            if (rank >= 0 && a.rank() != rank) {
                throw new IllegalArgumentException(name + " calls at(...) with " + rank + " and with " + a.rank()
                        + " indices (" + a.at() + "); use one index per axis everywhere");
            }
            rank = a.rank();
        }
        if (rank < 0) rank = declared.length / 2;
        if (rank < 1 || rank > 3) {
            throw new IllegalArgumentException(name + " reads no array element with at(...); a stencil reads its arrays relatively");
        }
        int[] lo = new int[rank], hi = new int[rank];
        if (declared.length > 0) {
            if (declared.length != 2 * rank) {
                throw new IllegalArgumentException(name + ": @Stencil(neighborhood) has " + declared.length + " values; it needs a low"
                        + " and a high relative index per axis (" + 2 * rank + " values)");
            }
            for (int d = 0; d < rank; d++) {
                lo[d] = declared[2 * d];
                hi[d] = declared[2 * d + 1];
            }
        } else {
            for (Frontend.StencilAccess a : fn.accesses()) {
                if (a.offsets() == null) {
                    throw new IllegalArgumentException(name + " reads a.at(...) with computed indices (" + a.at() + "), so its"
                            + " neighbourhood cannot be inferred; declare it: @Stencil(neighborhood = {lo0, hi0, lo1, hi1, ...})");
                }
                for (int d = 0; d < rank; d++) {
                    lo[d] = Math.min(lo[d], a.offsets()[d]);
                    hi[d] = Math.max(hi[d], a.offsets()[d]);
                }
            }
        }
        Class<?>[] p = m.getParameterTypes();
        DType[] params = new DType[p.length];
        for (int i = 0; i < p.length; i++) {
            DType s = stencilDtype(p[i]);
            params[i] = s != null ? s : UfuncLoops.dtypeOf(p[i], name, "a parameter");
        }
        return new Compiled(fn, params, UfuncLoops.dtypeOf(m.getReturnType(), name, "its return type"), lo, hi, rank);
    }

    @Override
    public String toString() { return "<stencil '" + name + "'>"; }
}
