package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.DTypes;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's einsum on the operands' device: each operand's repeated labels become a diagonal view,
 * labels no other operand or the output needs are summed by a reduction, and the operands are
 * contracted pairwise in NumPy's greedy order ({@link EinsumPath}), each pair permuted and
 * reshaped to a batched (batch, m, k) x (batch, k, n) product on tensor's GEMM; what remains is
 * summed and permuted to the output order. The result has NumPy's dtype (the operands' promoted
 * type, float64 read as float32 on a device without fp64).
 */
final class Einsum {

    private Einsum() {
    }

    /** An operand and the label of each of its axes. */
    private record Term(UsmNdArray x, int[] labels) {
    }

    static UsmNdArray einsum(String subscripts, UsmNdArray... operands) {
        if (operands.length == 0) throw new IllegalArgumentException("einsum: at least one operand is required");
        Queue q = operands[0].queue();
        DType t = operands[0].dtype();
        long[][] shapes = new long[operands.length][];
        for (int i = 0; i < operands.length; i++) {
            if (operands[i].queue() != q) {
                throw ExecutionPlacementError.of("einsum", "operand 0", q, "operand " + i, operands[i].queue());
            }
            t = Promotion.result(t, operands[i].dtype());
            shapes[i] = operands[i].shape();
        }
        t = DTypes.forDevice(t, q.device(), false);
        EinsumSpec spec = EinsumSpec.parse(subscripts, shapes);
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < operands.length; i++) terms.add(diagonals(broadcast(spec, operands[i], spec.inputs()[i])));
        for (int[] step : EinsumPath.path(spec)) {
            int[] pos = step.clone();
            Arrays.sort(pos);
            List<Term> used = new ArrayList<>();
            for (int k = pos.length - 1; k >= 0; k--) used.add(0, terms.remove(pos[k]));
            Term r = used.get(0);
            for (int k = 1; k < used.size(); k++) {
                Set<Integer> keep = needed(spec.output(), terms, used.subList(k + 1, used.size()));
                r = pair(r, used.get(k), keep);
            }
            if (used.size() == 1) r = sumUnneeded(r, needed(spec.output(), terms, List.of()));
            terms.add(r);
        }
        Term last = sumUnneeded(terms.get(0), EinsumPath.set(spec.output()));
        int[] perm = new int[spec.output().length];
        for (int i = 0; i < perm.length; i++) perm[i] = indexOf(last.labels, spec.output()[i]);
        UsmNdArray r = last.x.permute(perm);
        return (r.dtype() == t ? r.copy() : r.astype(t)).eval();
    }

    /** Size-1 axes stretched to the label's extent (a stride-0 view), as einsum broadcasts them. */
    private static Term broadcast(EinsumSpec spec, UsmNdArray x, int[] labels) {
        long[] s = x.shape().clone();
        boolean change = false;
        for (int k = 0; k < s.length; k++) {
            long want = spec.sizes().get(labels[k]);
            if (s[k] != want) {
                s[k] = want;
                change = true;
            }
        }
        return new Term(change ? x.broadcastTo(s) : x, labels);
    }

    /** Repeated labels of one operand become one axis: the diagonal view, that axis last. */
    private static Term diagonals(Term t) {
        UsmNdArray x = t.x;
        int[] l = t.labels;
        for (boolean again = true; again; ) {
            again = false;
            for (int p = 0; p < l.length && !again; p++) {
                for (int q = p + 1; q < l.length && !again; q++) {
                    if (l[p] != l[q]) continue;
                    x = Creation.diagonal(x, 0, p, q);
                    int[] n = new int[l.length - 1];
                    for (int i = 0, k = 0; i < l.length; i++) if (i != p && i != q) n[k++] = l[i];
                    n[n.length - 1] = l[p];
                    l = n;
                    again = true;
                }
            }
        }
        return new Term(x, l);
    }

    /** The labels still needed: the output's and those of every operand not yet contracted. */
    private static Set<Integer> needed(int[] output, List<Term> rest, List<Term> pending) {
        Set<Integer> s = EinsumPath.set(output);
        for (Term t : rest) for (int l : t.labels) s.add(l);
        for (Term t : pending) for (int l : t.labels) s.add(l);
        return s;
    }

    /** {@code t} with the axes whose labels are not in {@code keep} summed away. */
    private static Term sumUnneeded(Term t, Set<Integer> keep) {
        List<Integer> axes = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < t.labels.length; i++) {
            if (keep.contains(t.labels[i])) left.add(t.labels[i]); else axes.add(i);
        }
        if (axes.isEmpty()) return t;
        UsmNdArray s = Tensor.sum(t.x, axes.stream().mapToInt(Integer::intValue).toArray(), false);
        return new Term(s, left.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Two operands contracted on the GEMM: a's axes to (batch, left, summed), b's to (batch, summed,
     * right), reshaped to (B, M, K) and (B, K, N), multiplied, and reshaped to (batch, left, right).
     */
    private static Term pair(Term a, Term b, Set<Integer> keep) {
        Set<Integer> inB = EinsumPath.set(b.labels);
        Set<Integer> inA = EinsumPath.set(a.labels);
        Set<Integer> keepA = new HashSet<>(keep);
        keepA.addAll(inB);
        Set<Integer> keepB = new HashSet<>(keep);
        keepB.addAll(inA);
        a = sumUnneeded(a, keepA);
        b = sumUnneeded(b, keepB);
        List<Integer> batch = new ArrayList<>();
        List<Integer> summed = new ArrayList<>();
        List<Integer> left = new ArrayList<>();
        List<Integer> right = new ArrayList<>();
        for (int l : a.labels) {
            if (indexOf(b.labels, l) < 0) left.add(l); else if (keep.contains(l)) batch.add(l); else summed.add(l);
        }
        for (int l : b.labels) if (indexOf(a.labels, l) < 0) right.add(l);
        UsmNdArray am = a.x.permute(order(a.labels, batch, left, summed));
        UsmNdArray bm = b.x.permute(order(b.labels, batch, summed, right));
        long nb = extent(a, batch);
        long m = extent(a, left);
        long k = extent(a, summed);
        long n = extent(b, right);
        // without batch labels a plain 2-D product, so GEMM reads a transposed operand in place
        UsmNdArray r = batch.isEmpty() ? Tensor.matmul(shaped(am, m, k), shaped(bm, k, n))
                : Tensor.matmul(shaped(am, nb, m, k), shaped(bm, nb, k, n));
        List<Integer> labels = new ArrayList<>(batch);
        labels.addAll(left);
        labels.addAll(right);
        long[] shape = new long[labels.size()];
        for (int i = 0; i < shape.length; i++) {
            int l = labels.get(i);
            int ia = indexOf(a.labels, l);
            shape[i] = ia >= 0 ? a.x.shape()[ia] : b.x.shape()[indexOf(b.labels, l)];
        }
        return new Term(r.reshape(shape), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code x} reshaped, or itself when it has that shape already (a strided view stays uncopied). */
    private static UsmNdArray shaped(UsmNdArray x, long... shape) {
        return java.util.Arrays.equals(x.shape(), shape) ? x : x.reshape(shape);
    }

    @SafeVarargs
    private static int[] order(int[] labels, List<Integer>... groups) {
        int[] p = new int[labels.length];
        int k = 0;
        for (List<Integer> g : groups) for (int l : g) p[k++] = indexOf(labels, l);
        return p;
    }

    private static long extent(Term t, List<Integer> labels) {
        long n = 1;
        for (int l : labels) n *= t.x.shape()[indexOf(t.labels, l)];
        return n;
    }

    private static int indexOf(int[] labels, int l) {
        for (int i = 0; i < labels.length; i++) if (labels[i] == l) return i;
        return -1;
    }
}
