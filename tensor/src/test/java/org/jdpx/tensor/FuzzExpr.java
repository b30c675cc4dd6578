package org.jdpx.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdpx.tensor.fusion.ElementOp;

/**
 * The prefix notation {@code numpy/generate_fuzz.py} writes a random expression in, parsed and
 * evaluated with tensor's functions: {@code x0} an input, {@code i:3 f:1.5 b:1} Java scalars,
 * {@code (name args...)} an elementwise function by its NumPy name, {@code where}, {@code clip},
 * {@code astype}, the views {@code index} and {@code T}, and the reductions at the root.
 */
final class FuzzExpr {
    private final List<String> tokens = new ArrayList<>();
    private int pos;

    private FuzzExpr(String text) {
        for (String t : text.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) tokens.add(t);
    }

    /** Evaluates {@code text} over {@code inputs} (lazily, as a user's code would build it). */
    static UsmNdArray eval(String text, UsmNdArray[] inputs) {
        FuzzExpr p = new FuzzExpr(text);
        Object r = p.node(inputs);
        if (p.pos != p.tokens.size()) throw new IllegalArgumentException("trailing tokens in " + text);
        return (UsmNdArray) r;
    }

    private String next() {
        return tokens.get(pos++);
    }

    private Object node(UsmNdArray[] x) {
        String t = next();
        if (!t.equals("(")) return atom(t, x);
        String name = next();
        Object r = switch (name) {
            case "T" -> arr(x).T();
            case "index" -> {
                String spec = next();
                yield arr(x).get(spec);
            }
            case "astype" -> {
                DType d = DType.of(next());
                UsmNdArray a = arr(x);
                // float64 becomes float32 on a device without fp64, the rule the expected values follow.
                yield a.astype(DTypes.forDevice(d, a.device(), false));
            }
            case "clip" -> {
                Object lo = node(x);
                Object hi = node(x);
                yield Tensor.clip(arr(x), lo, hi);
            }
            case "sum", "prod", "min", "max", "mean" -> {
                int[] axes = axes(next());
                boolean kd = next().equals("1");
                UsmNdArray a = arr(x);
                yield switch (name) {
                    case "sum" -> Tensor.sum(a, axes, kd);
                    case "prod" -> Tensor.prod(a, axes, kd);
                    case "min" -> Tensor.min(a, axes, kd);
                    case "max" -> Tensor.max(a, axes, kd);
                    default -> Tensor.mean(a, axes, kd);
                };
            }
            case "argmax" -> {
                int[] axes = axes(next());
                yield Tensor.argmax(arr(x), axes == null ? null : axes[0]);
            }
            default -> {
                ElementOp op = op(name);
                Object[] args = new Object[op.arity()];
                for (int i = 0; i < args.length; i++) args[i] = node(x);
                yield Tensor.apply(op, args);
            }
        };
        if (!next().equals(")")) throw new IllegalArgumentException("expected ) after " + name + " at token " + pos);
        return r;
    }

    private UsmNdArray arr(UsmNdArray[] x) {
        return (UsmNdArray) node(x);
    }

    private static Object atom(String t, UsmNdArray[] x) {
        if (t.startsWith("x")) return x[Integer.parseInt(t.substring(1))];
        String v = t.substring(2);
        return switch (t.charAt(0)) {
            case 'i' -> Long.parseLong(v);
            case 'f' -> Double.parseDouble(v);
            case 'b' -> v.equals("1");
            default -> throw new IllegalArgumentException("unknown atom " + t);
        };
    }

    private static int[] axes(String s) {
        return s.equals("none") ? null : Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static ElementOp op(String numpyName) {
        for (ElementOp e : ElementOp.values()) if (e.numpyName().equals(numpyName)) return e;
        throw new IllegalArgumentException("no element op named " + numpyName);
    }
}
