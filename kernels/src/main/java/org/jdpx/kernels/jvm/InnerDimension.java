package org.jdpx.kernels.jvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;

/**
 * Which global-id dimension walks a kernel's memory with unit stride, so that the java device can
 * run the items of a 2-D or 3-D flat launch along it: the order of work-items is the runner's to
 * choose, and a kernel like {@code a.get(ctx.globalId(0), ctx.globalId(1))} on a row-major matrix
 * reads consecutive floats along dimension 1 but rows apart (a cache line each) along dimension 0.
 *
 * <p>An access votes for dimension d when its index is a sum with a term that is global id d
 * (directly, or a variable assigned it once, possibly widened) times the view's last stride, or
 * with no factor at all. The answer is 1 when some access votes for dimension 1 and none for
 * dimension 0; 0 (the usual row order) otherwise. Strides are only known at run time: a view whose
 * last stride is not 1 makes the choice slower, never wrong.
 */
final class InnerDimension {
    private InnerDimension() {
    }

    /** 1 when the kernel's accesses are unit-stride along global id 1 only, else 0. */
    static int of(KernelModule module) {
        Function k = module.kernel();
        Map<Var, Integer> ids = idVars(k);
        Set<Var> lastStrides = lastStrides(k);
        int[] votes = new int[3];
        Features.forEachStmt(k.body(), s -> {
            if (s instanceof Stmt.Store st) vote(st.index(), ids, lastStrides, votes);
        }, e -> {
            if (e instanceof Expr.Load l) vote(l.index(), ids, lastStrides, votes);
        });
        return votes[1] > 0 && votes[0] == 0 ? 1 : 0;
    }

    private static void vote(Expr index, Map<Var, Integer> ids, Set<Var> lastStrides, int[] votes) {
        List<Expr> terms = new ArrayList<>();
        terms(index, terms);
        for (Expr t : terms) {
            int d = id(t, ids);
            if (d < 0 && t instanceof Expr.Binary b && b.op() == BinOp.MUL) {
                if (isRead(b.right(), lastStrides)) d = id(b.left(), ids);
                else if (isRead(b.left(), lastStrides)) d = id(b.right(), ids);
            }
            if (d >= 0) votes[d]++;
        }
    }

    private static void terms(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary b && b.op() == BinOp.ADD) {
            terms(b.left(), out);
            terms(b.right(), out);
        } else {
            out.add(e);
        }
    }

    private static boolean isRead(Expr e, Set<Var> vars) {
        return e instanceof Expr.Read r && vars.contains(r.var());
    }

    /** The global-id dimension {@code e} is (through widening and id variables), or -1. */
    private static int id(Expr e, Map<Var, Integer> ids) {
        return switch (e) {
            case Expr.Convert c -> id(c.operand(), ids);
            case Expr.WorkItem w when w.fn() == WorkItemFn.GLOBAL_ID && w.dim() >= 0 && w.dim() < 3 -> w.dim();
            case Expr.Read r -> ids.getOrDefault(r.var(), -1);
            default -> -1;
        };
    }

    /** Variables assigned exactly once, a global id. */
    private static Map<Var, Integer> idVars(Function k) {
        Map<Var, Integer> out = new HashMap<>();
        Set<Var> seen = new HashSet<>();
        Features.forEachStmt(k.body(), s -> {
            if (s instanceof Stmt.Assign a) {
                if (!seen.add(a.var())) {
                    out.put(a.var(), -1);
                } else {
                    out.put(a.var(), id(a.value(), Map.of()));
                }
            }
        }, e -> { });
        out.values().removeIf(d -> d < 0);
        return out;
    }

    /** The hidden stride arguments of each view's last dimension. */
    private static Set<Var> lastStrides(Function k) {
        Map<Integer, Param> last = new HashMap<>();
        for (Param p : k.params()) {
            if (p.kind() instanceof ParamKind.ViewInfo i && i.info() == ParamKind.Info.STRIDE) {
                Param prev = last.get(i.argIndex());
                if (prev == null || ((ParamKind.ViewInfo) prev.kind()).dim() < i.dim()) last.put(i.argIndex(), p);
            }
        }
        Set<Var> out = new HashSet<>();
        for (Param p : last.values()) out.add(p.var());
        return out;
    }
}
