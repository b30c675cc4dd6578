package org.jdpx.kernels.prange;

import java.util.List;
import org.jdpx.kernels.KernelCompileException;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * Confirms on the compiled kernel's IR that each reduction variable is used only as Numba allows:
 * every assignment is {@code x = x op e} (or {@code e op x} for commutative operators, or
 * {@code Math.min/max(x, e)}) with {@code e} not reading {@code x}, and nothing else reads it. The
 * bytecode pass picked the operator; this pass rules out updates like {@code x = x * 2 + e}
 * whose value would change if iterations were regrouped.
 */
final class ReductionCheck {
    private ReductionCheck() {
    }

    /** @param identityArg the kernel argument index of each reduction's identity (its partials view follows it) */
    static void verify(Function kernel, RegionPlan plan, int firstIdentityArg) {
        for (int r = 0; r < plan.reductions.size(); r++) {
            RegionPlan.Reduction red = plan.reductions.get(r);
            Var identity = param(kernel, firstIdentityArg + 2 * r, ParamKind.Value.class);
            Var partials = param(kernel, firstIdentityArg + 2 * r + 1, ParamKind.View.class);
            Var acc = accumulator(kernel.body(), identity);
            if (acc == null) throw new IllegalStateException("reduction '" + red.name() + "' lost its accumulator in the IR");
            String bad = check(kernel.body(), acc, identity, partials, red.op());
            if (bad != null) {
                throw new KernelCompileException("prange " + ScannedMethod.describe(plan.m.method) + " (" + plan.m.sourceFile
                        + ":" + red.line() + "): '" + red.name() + "' " + bad + "; a reduction may only be updated as "
                        + red.name() + " " + (red.op() == ReduceOp.SUM ? "+= e or -= e" : red.op() == ReduceOp.PROD ? "*= e"
                        : "= " + red.op().symbol() + "(" + red.name() + ", e)") + " with e not reading it, and read nowhere else "
                        + "in the loop (cross-iteration dependence)", red.line());
            }
        }
    }

    private static Var param(Function f, int argIndex, Class<?> kind) {
        for (Param p : f.params()) {
            if (kind.isInstance(p.kind()) && (p.kind() instanceof ParamKind.Value v ? v.argIndex() : ((ParamKind.View) p.kind()).argIndex()) == argIndex) {
                return p.var();
            }
        }
        throw new IllegalStateException("kernel parameter " + argIndex + " not found");
    }

    private static Var accumulator(List<Stmt> body, Var identity) {
        for (Stmt s : body) {
            if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Read r && r.var() == identity) return a.var();
        }
        return null;
    }

    /** A description of the first bad use of {@code acc}, or null. */
    private static String check(List<Stmt> body, Var acc, Var identity, Var partials, ReduceOp op) {
        String[] bad = new String[1];
        Features.forEachStmt(body, s -> {
            if (bad[0] != null) return;
            switch (s) {
                case Stmt.Assign a when a.var() == acc -> {
                    if (!(a.value() instanceof Expr.Read r && r.var() == identity) && !isUpdate(a.value(), acc, op)) {
                        bad[0] = "is assigned a value that is not a " + op.symbol() + " update of itself";
                    }
                }
                case Stmt.Assign a -> bad[0] = reads(a.value(), acc) ? "is read outside its update" : null;
                case Stmt.Store st -> {
                    boolean partialStore = st.base() instanceof Expr.Read b && b.var() == partials;
                    if (!partialStore && (reads(st.base(), acc) || reads(st.index(), acc) || reads(st.value(), acc))) {
                        bad[0] = "is read outside its update";
                    }
                }
                case Stmt.Eval e -> bad[0] = reads(e.expr(), acc) ? "is read outside its update" : null;
                case Stmt.If i -> bad[0] = reads(i.cond(), acc) ? "is read in a condition" : null;
                case Stmt.Loop l -> bad[0] = l.cond() != null && reads(l.cond(), acc) ? "is read in a loop condition" : null;
                case Stmt.Switch w -> bad[0] = reads(w.selector(), acc) ? "is read in a switch" : null;
                default -> { }
            }
        }, e -> { });
        return bad[0];
    }

    private static boolean isUpdate(Expr v, Var acc, ReduceOp op) {
        return switch (op) {
            case SUM -> v instanceof Expr.Binary b && (b.op() == BinOp.ADD && oneSide(b.left(), b.right(), acc)
                    || b.op() == BinOp.SUB && is(b.left(), acc) && !reads(b.right(), acc));
            case PROD -> v instanceof Expr.Binary b && b.op() == BinOp.MUL && oneSide(b.left(), b.right(), acc);
            case MIN, MAX -> minMax(v, acc, op == ReduceOp.MIN);
        };
    }

    /** {@code Math.min/max(acc, e)} as the frontend lowers it: a call for integers, a NaN-propagating select for floats. */
    private static boolean minMax(Expr v, Var acc, boolean min) {
        if (v instanceof Expr.MathCall c && c.fn() == (min ? MathFn.MIN : MathFn.MAX)) {
            return oneSide(c.args().get(0), c.args().get(1), acc);
        }
        if (v instanceof Expr.Select s && s.ifFalse() instanceof Expr.MathCall c && c.fn() == (min ? MathFn.FMIN : MathFn.FMAX)
                && s.ifTrue() instanceof Expr.Binary nan && nan.op() == BinOp.ADD && s.cond() instanceof Expr.Logic l && !l.and()) {
            Expr x = c.args().get(0), y = c.args().get(1);
            return oneSide(x, y, acc) && nan.left().equals(x) && nan.right().equals(y)
                    && l.left() instanceof Expr.MathCall n1 && n1.args().getFirst().equals(x)
                    && l.right() instanceof Expr.MathCall n2 && n2.args().getFirst().equals(y);
        }
        return false;
    }

    private static boolean oneSide(Expr a, Expr b, Var acc) {
        return is(a, acc) && !reads(b, acc) || is(b, acc) && !reads(a, acc);
    }

    private static boolean is(Expr e, Var v) {
        return e instanceof Expr.Read r && r.var() == v;
    }

    private static boolean reads(Expr e, Var v) {
        boolean[] found = {false};
        Features.expr(e, x -> {
            if (x instanceof Expr.Read r && r.var() == v) found[0] = true;
        });
        return found[0];
    }
}
