package org.jdpx.tensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.tensor.fusion.ElementOp;
import org.jdpx.tensor.fusion.FusedKernels;
import org.jdpx.tensor.fusion.FusionDiagnostics;
import org.jdpx.tensor.fusion.Node;

/**
 * The rules every elementwise operation follows before it becomes a graph vertex: the
 * operands share one queue (else {@link ExecutionPlacementError}), Java scalars are weak and
 * join any array, dtypes promote by the Array API / NumPy table, the result's USM kind is the
 * lowest among the arrays, and a graph that grows past {@value #MAX_NODES} vertices is cut by
 * computing its lazy inputs first.
 */
final class Elementwise {
    /**
     * Graphs with more distinct vertices than this are cut (kernel size and argument count stay
     * bounded). A vertex used several times counts once: the kernel computes it once.
     */
    static final int MAX_NODES = 64;
    /**
     * Graphs larger than this counting a shared vertex once per use are cut too: it bounds the
     * walks over a graph that visit a vertex per use (and keeps {@link Node#size()} small).
     */
    static final int MAX_USES = 1024;

    private Elementwise() {
    }

    /** The common queue of the array operands, checked. */
    static Queue placement(String what, Object... operands) {
        Queue q = null;
        int first = -1;
        for (int i = 0; i < operands.length; i++) {
            if (operands[i] instanceof UsmNdArray a) {
                if (q == null) {
                    q = a.queue();
                    first = i;
                } else if (a.queue() != q) {
                    throw ExecutionPlacementError.of(what, "operand " + first, q, "operand " + i, a.queue());
                }
            }
        }
        if (q == null) {
            throw new IllegalArgumentException(what + " needs at least one array operand; make one with Tensor.asarray");
        }
        return q;
    }

    static UsmType usmType(Object... operands) {
        UsmType t = null;
        for (Object o : operands) {
            if (o instanceof UsmNdArray a) t = t == null ? a.usmType() : UsmType.lowest(t, a.usmType());
        }
        return t;
    }

    /** A Java scalar as a graph vertex of dtype {@code t}. */
    static Node scalar(Object o, DType t) {
        if (o instanceof Boolean b) return Node.Scalar.of(t, b ? 1 : 0);
        if (o instanceof Complex c) {
            if (!t.isComplex()) {
                throw new IllegalArgumentException("cannot use the complex value " + c + " as " + t
                        + " (it would lose its imaginary part); make the array complex with astype first");
            }
            DType part = t.realPart();
            return Node.Op.of(ElementOp.COMPLEX, t, List.of(Node.Scalar.of(part, c.re()), Node.Scalar.of(part, c.im())));
        }
        return Node.Scalar.of(t, (Number) o);
    }

    /**
     * A lazy array for {@code op} applied to arrays and Java scalars (for {@code where} the
     * first operand is the condition).
     */
    static UsmNdArray apply(ElementOp op, Object... operands) {
        return UsmNdArray.lazy(node(op, operands), placement(op.numpyName(), operands), usmType(operands));
    }

    /** The graph vertex of {@link #apply} without making an array of it. */
    static Node node(ElementOp op, Object... operands) {
        if (operands.length != op.arity()) {
            throw new IllegalArgumentException(op.numpyName() + " takes " + op.arity() + " operands, got " + operands.length);
        }
        Queue q = placement(op.numpyName(), operands);
        DType defaultFloat = DTypes.defaultFloat(q.device());
        int firstValue = op == ElementOp.WHERE ? 1 : 0;
        DType promoted = null;
        for (int i = firstValue; i < operands.length; i++) {
            if (operands[i] instanceof UsmNdArray a) promoted = promoted == null ? a.dtype() : Promotion.result(promoted, a.dtype());
        }
        for (int i = firstValue; i < operands.length; i++) {
            if (!(operands[i] instanceof UsmNdArray)) {
                DType.Kind k = Promotion.scalarKind(operands[i]);
                promoted = promoted == null ? scalarDefault(k, defaultFloat) : Promotion.withScalar(promoted, k, defaultFloat);
            }
        }
        promoted = DTypes.forDevice(promoted, q.device(), false);
        DType result = op.resultType(promoted, defaultFloat);
        cutIfLarge(operands);
        List<Node> nodes = new ArrayList<>(operands.length);
        for (int i = 0; i < operands.length; i++) {
            Object o = operands[i];
            if (o instanceof UsmNdArray a) {
                nodes.add(a.node());
            } else {
                nodes.add(scalar(o, i < firstValue ? DType.BOOL : promoted));
            }
        }
        return Node.Op.of(op, result, nodes);
    }

    private static DType scalarDefault(DType.Kind k, DType defaultFloat) {
        return switch (k) {
            case BOOL -> DType.BOOL;
            case SIGNED, UNSIGNED -> DType.INT64;
            case FLOAT -> defaultFloat;
            case COMPLEX -> defaultFloat.complexOf();
        };
    }

    /**
     * Computes lazy operands first, the largest first and only until the rest fits, when the
     * graph {@code operands} would make is past {@link #MAX_NODES} distinct vertices or
     * {@link #MAX_USES} counting each use. Counting each use alone cut array code with shared
     * intermediates (Black-Scholes' d1, used in six places, made twelve kernels that each computed
     * it again); computing every lazy operand, not just enough of them, made a kernel per operand
     * and one more to combine them (Black-Scholes' call and put, six kernels instead of four).
     */
    static void cutIfLarge(Object[] operands) {
        String why = tooLarge(operands);
        if (why == null) return;
        List<UsmNdArray> lazy = new ArrayList<>();
        for (Object o : operands) {
            if (o instanceof UsmNdArray a && a.isLazy() && !lazy.contains(a)) lazy.add(a);
        }
        lazy.sort(Comparator.comparingInt((UsmNdArray a) -> Node.distinct(List.of(a.node()), MAX_NODES)).reversed());
        for (UsmNdArray a : lazy) {
            FusionDiagnostics.record("fusion cut: graph would have " + why + "; computing an operand first");
            a.eval();
            why = tooLarge(operands);
            if (why == null) return;
        }
    }

    /** Why the graph {@code operands} would make is too large for one kernel, or null when it fits. */
    private static String tooLarge(Object[] operands) {
        long uses = 1;
        List<Node> roots = new ArrayList<>(operands.length);
        for (Object o : operands) {
            if (o instanceof UsmNdArray a) {
                Node n = a.node();
                uses += n.size();
                roots.add(n);
            }
        }
        if (uses <= MAX_NODES) return null; // never more distinct vertices than uses
        if (uses > MAX_USES) return uses + " vertices counting each use (limit " + MAX_USES + ")";
        int distinct = 1 + Node.distinct(roots, MAX_NODES);
        return distinct <= MAX_NODES ? null : "more than " + MAX_NODES + " distinct vertices";
    }

    /** {@code value} as a graph vertex for writing into {@code target}, checked for placement. */
    static Node operand(Object value, UsmNdArray target, String what) {
        if (value instanceof UsmNdArray a) {
            if (a.queue() != target.queue()) {
                throw ExecutionPlacementError.of(what, "the target array", target.queue(), "the value", a.queue());
            }
            return a.node();
        }
        Promotion.scalarKind(value);
        return scalar(value, target.dtype());
    }

    /**
     * Computes {@code value} into {@code out} (the memory of {@code target}) with one kernel.
     * Lazy arrays still reading that memory are computed first; a value that reads the same
     * memory through a different view is computed into a temporary first (NumPy's overlap rule).
     */
    static void writeInto(UsmNdArray target, Node.Leaf out, Node value, String what) {
        if (out.memory().isReadOnly()) {
            throw new UnsupportedOperationException("cannot " + what + ": the destination array on "
                    + target.device().filterString() + " is read-only (its memory was lent read-only, e.g. a DLPack "
                    + "tensor flagged read-only); write into a copy() instead");
        }
        PendingReads.settle(out.memory(), target);
        if (readsOtherView(value, out)) {
            FusionDiagnostics.record("fusion cut: " + what + " reads the memory it writes through another view; "
                    + "computing the value into a temporary first");
            value = UsmNdArray.lazy(value, target.queue(), target.usmType()).eval().node();
        }
        FusedKernels.evaluate(value, out, target.queue(), what);
    }

    private static boolean readsOtherView(Node n, Node.Leaf out) {
        return switch (n) {
            case Node.Leaf l -> l.memory() == out.memory() && !l.view().equals(out.view());
            case Node.Cast c -> readsOtherView(c.input(), out);
            case Node.Op o -> o.inputs().stream().anyMatch(i -> readsOtherView(i, out));
            case Node.Call c -> c.inputs().stream().anyMatch(i -> readsOtherView(i, out));
            default -> false;
        };
    }

    /**
     * {@code target op= value}: NumPy's in-place operation, refusing a result kind the target
     * cannot hold (casting rule {@code same_kind}).
     */
    static UsmNdArray inPlace(ElementOp op, UsmNdArray target, Object value) {
        Node r = node(op, target, value);
        if (kindRank(r.dtype()) > kindRank(target.dtype())) {
            throw new IllegalArgumentException("cannot cast " + op.numpyName() + " output from " + r.dtype() + " to "
                    + target.dtype() + " with casting rule 'same_kind'; compute out of place or astype the target first");
        }
        Node.Leaf out = target.leaf();
        writeInto(target, out, r.dtype() == target.dtype() ? r : new Node.Cast(target.dtype(), r), op.numpyName() + " in place");
        return target;
    }

    static int kindRank(DType t) {
        return switch (t.kind()) {
            case BOOL -> 0;
            case UNSIGNED, SIGNED -> 1;
            case FLOAT -> 2;
            case COMPLEX -> 3;
        };
    }
}
