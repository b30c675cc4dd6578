package org.jdpx.tensor.fusion;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.device.Device;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;

/**
 * Rewrites a graph holding complex values into real graphs before a kernel is written: a
 * complex value becomes a pair of real nodes (real part, imaginary part) and every complex
 * operation the real operations computing its parts ({@link ComplexMath}). A complex array in
 * memory is read as two strided real views of its interleaved storage, which is how NumPy's
 * {@code .real}/{@code .imag} see it, so the kernel writer and the lowering never meet a
 * complex dtype and the result fuses, caches and runs on every device as real code does.
 * Shared sub-graphs stay shared (one rewrite per node), so the kernel computes them once.
 */
final class ComplexSplit {
    /** The two real halves of a complex value, both of the complex type's part dtype. */
    record Parts(Node re, Node im) {
    }

    private final Map<Node, Parts> parts = new IdentityHashMap<>();
    private final Map<Node, Node> reals = new IdentityHashMap<>();
    private final Map<Node, Boolean> involved = new IdentityHashMap<>();
    private final ComplexMath math = new ComplexMath(this);
    private final Device device;

    /** A rewriter for kernels on {@code device} (whose fp64 aspect decides complex128's fate). */
    ComplexSplit(Device device) {
        this.device = device;
    }

    /** Whether any value in {@code n} is complex. */
    boolean involves(Node n) {
        Boolean known = involved.get(n);
        if (known != null) return known;
        boolean r = n.dtype().isComplex() || switch (n) {
            case Node.Cast c -> involves(c.input());
            case Node.Op o -> o.inputs().stream().anyMatch(this::involves);
            case Node.Call c -> c.inputs().stream().anyMatch(this::involves);
            default -> false;
        };
        involved.put(n, r);
        return r;
    }

    /** The real halves of complex-valued {@code n}. */
    Parts parts(Node n) {
        Parts known = parts.get(n);
        if (known != null) return known;
        DType p = n.dtype().realPart();
        Parts r = switch (n) {
            case Node.Leaf l -> new Parts(partLeaf(l, 0), partLeaf(l, 1));
            case Node.Scalar s -> new Parts(Node.Scalar.of(p, s.doubleValue()), zero(p));
            case Node.Cast c -> as(c.input(), c.dtype());
            case Node.Op o -> math.complexOp(o);
            case Node.Combine c -> throw new IllegalStateException("complex reduction partials are combined per part");
            case Node.Call c -> throw vectorizeOnComplex(c);
        };
        parts.put(n, r);
        return r;
    }

    /** {@code n} converted to complex dtype {@code t}, as its halves. */
    Parts as(Node n, DType t) {
        DType p = t.realPart();
        if (n.dtype().isComplex()) {
            Parts x = parts(n);
            return n.dtype() == t ? x : new Parts(castTo(x.re(), p), castTo(x.im(), p));
        }
        return new Parts(castTo(real(n), p), zero(p));
    }

    /** A real graph computing real-valued {@code n} (whose inputs may be complex). */
    Node real(Node n) {
        if (!involves(n)) return n;
        if (n.dtype().isComplex()) throw new IllegalStateException("complex node where a real one is needed: " + n.dtype());
        Node known = reals.get(n);
        if (known != null) return known;
        Node r = switch (n) {
            case Node.Cast c -> c.input().dtype().isComplex() ? fromComplex(parts(c.input()), c.dtype())
                    : new Node.Cast(c.dtype(), real(c.input()));
            case Node.Op o -> math.realOp(o);
            case Node.Call c -> throw vectorizeOnComplex(c);
            default -> n;
        };
        reals.put(n, r);
        return r;
    }

    private static UnsupportedOperationException vectorizeOnComplex(Node.Call c) {
        return new UnsupportedOperationException("the @Vectorize function " + c.function().name()
                + " takes and returns real numbers, not complex; pass its real and imaginary parts (real(x), imag(x)) separately");
    }

    /** The leaves of a complex output: its real and imaginary parts as strided real views. */
    static List<Node.Leaf> outputs(Node.Leaf out) {
        return List.of(partLeaf(out, 0), partLeaf(out, 1));
    }

    private static Node.Leaf partLeaf(Node.Leaf l, int which) {
        return ComplexParts.part(l, which);
    }

    /** NumPy's astype from complex to a real dtype: the real part (bool: either part non-zero). */
    private Node fromComplex(Parts x, DType t) {
        if (t == DType.BOOL) return truth(x);
        return castTo(x.re(), t);
    }

    /** The truth value of a complex number: either part non-zero. */
    Node truth(Parts x) {
        return op(ElementOp.LOGICAL_OR, DType.BOOL, x.re(), x.im());
    }

    /** A condition operand (where's first, logical ops') as a real graph. */
    Node condition(Node n) {
        return n.dtype().isComplex() ? truth(parts(n)) : real(n);
    }

    /**
     * The promoted dtype of an operation's value operands (where: all but the condition), as
     * the device holds it (complex64 for complex128 without fp64, as Elementwise chose it).
     */
    DType promoted(Node.Op o) {
        DType t = null;
        for (int i = o.op() == ElementOp.WHERE ? 1 : 0; i < o.inputs().size(); i++) {
            DType d = o.inputs().get(i).dtype();
            t = t == null ? d : Promotion.result(t, d);
        }
        return DTypes.forDevice(t, device, false);
    }

    static Node castTo(Node n, DType t) {
        return n.dtype() == t ? n : new Node.Cast(t, n);
    }

    static Node zero(DType p) {
        return Node.Scalar.of(p, 0.0);
    }

    static Node constant(DType p, double v) {
        return Node.Scalar.of(p, v);
    }

    static Node op(ElementOp op, DType t, Node... in) {
        return Node.Op.of(op, t, List.of(in));
    }
}
