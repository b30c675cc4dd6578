package org.jdpx.kernels.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;
import org.jdpx.kernels.ir.WorkItemDims;

/**
 * Which of a kernel's range dimensions an OpenCL device should run as its dimension 0, the one
 * its work-groups lay out side by side (and CPU drivers vectorize across, GPUs coalesce across).
 * A kernel written in the numba-dpex / SYCL style indexes rows with {@code globalId(0)} and
 * columns with {@code globalId(1)}, so neighbouring items of dimension 0 read addresses a row
 * apart. When the kernel's array accesses show that {@code globalId(0)} indexes a strided axis
 * and {@code globalId(d)} the contiguous (last) one, the launch runs the kernel with its
 * dimensions {@code 0} and {@code d} swapped ({@link WorkItemDims}) over the range with those
 * two sizes swapped: every item computes what it computed before, with the same ids and sizes.
 *
 * <p>Only kernels whose items cannot see the grouping are reordered: no barrier, no local
 * memory, no work-item query in a helper; and only launches without a local size of their own.
 * The java device runs the items of a kernel whose answer is 1 along dimension 1 (JvmLoops).
 */
public final class LaunchOrder {

    private LaunchOrder() {
    }

    /**
     * The dimension {@code d} (1 or 2) to swap with dimension 0, or 0 to keep the order: {@code
     * globalId(0)} only ever multiplies a stride other than the last axis's (or a constant other
     * than 1) in an array index, and {@code globalId(d)} only ever indexes the last axis (the
     * highest such {@code d}). Always 0 for kernels with barriers or local memory.
     */
    public static int contiguousDim(KernelModule module) {
        Features f = Features.of(module);
        if (f.barriers() || f.localMemory() || !WorkItemDims.onlyInKernel(module)) return 0;
        Evidence ev = new Evidence(module);
        Features.forEachStmt(module.kernel().body(), s -> {
            if (s instanceof Stmt.Store st) ev.index(st.index());
        }, e -> {
            if (e instanceof Expr.Load l) ev.index(l.index());
            else if (e instanceof Expr.Atomic a) ev.index(a.index());
        });
        if (!ev.strided[0] || ev.contiguous[0]) return 0;
        for (int d = 2; d >= 1; d--) {
            if (ev.contiguous[d] && !ev.strided[d]) return d;
        }
        return 0;
    }

    /**
     * The dimension to swap with 0 for one launch of a kernel whose {@link #contiguousDim} is
     * {@code contiguousDim} over {@code range}: that one when the range has it and gives no local
     * size, else 0.
     */
    public static int swapFor(int contiguousDim, LaunchRange range) {
        return contiguousDim > 0 && range.local() == null && contiguousDim < range.global().length ? contiguousDim : 0;
    }

    /** {@code range} with the global sizes of dimensions 0 and {@code d} swapped (it has no local size). */
    public static LaunchRange swapped(LaunchRange range, int d) {
        long[] g = range.global().clone();
        long t = g[0];
        g[0] = g[d];
        g[d] = t;
        return new LaunchRange(g, null);
    }

    /** What the kernel's array indices say about each dimension's global id. */
    private static final class Evidence {
        final boolean[] contiguous = new boolean[3];
        final boolean[] strided = new boolean[3];
        /** Every value assigned to each local variable of the kernel. */
        private final Map<Var, List<Expr>> assigned = new HashMap<>();
        /** The stride parameters of the last axis of each view. */
        private final Set<Var> lastStrides = new HashSet<>();

        Evidence(KernelModule module) {
            Map<Integer, Param> last = new HashMap<>();
            for (Param p : module.kernel().params()) {
                if (p.kind() instanceof ParamKind.ViewInfo i && i.info() == ParamKind.Info.STRIDE) {
                    Param seen = last.get(i.argIndex());
                    if (seen == null || ((ParamKind.ViewInfo) seen.kind()).dim() < i.dim()) last.put(i.argIndex(), p);
                }
            }
            for (Param p : last.values()) lastStrides.add(p.var());
            Features.forEachStmt(module.kernel().body(), s -> {
                if (s instanceof Stmt.Assign a) assigned.computeIfAbsent(a.var(), v -> new ArrayList<>()).add(a.value());
            }, e -> { });
        }

        /** Notes the terms of one array index. */
        void index(Expr index) {
            List<Expr> terms = new ArrayList<>();
            terms(index, terms);
            for (Expr t : terms) {
                int d = idDim(t, new HashSet<>());
                if (d >= 0) {
                    contiguous[d] = true;
                } else if (t instanceof Expr.Binary b && b.op() == BinOp.MUL) {
                    scaled(b.left(), b.right());
                    scaled(b.right(), b.left());
                }
            }
        }

        private void scaled(Expr id, Expr by) {
            int d = idDim(id, new HashSet<>());
            if (d < 0) return;
            boolean unit = by instanceof Expr.Read r && lastStrides.contains(r.var())
                    || by instanceof Expr.Const c && c.bits() == 1;
            if (unit) contiguous[d] = true;
            else strided[d] = true;
        }

        private static void terms(Expr e, List<Expr> out) {
            switch (e) {
                case Expr.Binary b when b.op() == BinOp.ADD || b.op() == BinOp.SUB -> {
                    terms(b.left(), out);
                    terms(b.right(), out);
                }
                case Expr.Bitcast c -> terms(c.operand(), out);
                case Expr.Convert c -> terms(c.operand(), out);
                default -> out.add(e);
            }
        }

        /**
         * The dimension {@code d} when {@code e} is {@code globalId(d)} plus or minus values that
         * depend on no global id (through conversions and variables every assignment of which is
         * such a value), else -1.
         */
        private int idDim(Expr e, Set<Var> visiting) {
            return switch (e) {
                case Expr.WorkItem w -> w.fn() == WorkItemFn.GLOBAL_ID ? w.dim() : -1;
                case Expr.Convert c -> idDim(c.operand(), visiting);
                case Expr.Bitcast c -> idDim(c.operand(), visiting);
                case Expr.Read r -> {
                    List<Expr> values = assigned.get(r.var());
                    if (values == null || !visiting.add(r.var())) yield -1;
                    int d = -1;
                    for (Expr v : values) {
                        int vd = idDim(v, visiting);
                        if (vd < 0 || d >= 0 && vd != d) {
                            d = -1;
                            break;
                        }
                        d = vd;
                    }
                    visiting.remove(r.var());
                    yield d;
                }
                case Expr.Binary b when b.op() == BinOp.ADD || b.op() == BinOp.SUB -> {
                    int l = idDim(b.left(), visiting);
                    if (l >= 0 && !dependsOnIds(b.right(), new HashSet<>())) yield l;
                    int r = b.op() == BinOp.ADD ? idDim(b.right(), visiting) : -1;
                    yield r >= 0 && !dependsOnIds(b.left(), new HashSet<>()) ? r : -1;
                }
                default -> -1;
            };
        }

        /** Whether {@code e} reads a global id, directly or through a variable (conservatively). */
        private boolean dependsOnIds(Expr e, Set<Var> visiting) {
            boolean[] found = {false};
            Features.forEachStmt(List.of(new Stmt.Eval(e)), s -> { }, x -> {
                if (found[0]) return;
                if (x instanceof Expr.WorkItem w && w.fn() == WorkItemFn.GLOBAL_ID) found[0] = true;
                else if (x instanceof Expr.Read r && visiting.add(r.var())) {
                    for (Expr v : assigned.getOrDefault(r.var(), List.of())) {
                        if (dependsOnIds(v, visiting)) found[0] = true;
                    }
                }
            });
            return found[0];
        }
    }
}
