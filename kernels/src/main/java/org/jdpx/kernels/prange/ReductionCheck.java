package org.jdpx.kernels.prange;

import java.util.ArrayList;
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
 * Confirms on the compiled kernel's IR that each reduction is used only as Numba allows: every
 * assignment of a scalar reduction is {@code x = x op e} (or {@code e op x} for commutative
 * operators, or {@code Math.min/max(x, e)}) with {@code e} not reading {@code x}, and nothing else
 * reads it; every store into an array reduction's private copy is {@code a[k] = a[k] op e} with one
 * operator throughout and nothing else reads the array. The bytecode pass picked the scalar
 * operators; this pass rules out updates like {@code x = x * 2 + e} whose value would change if
 * iterations were regrouped, and finds the array reductions' operators.
 */
final class ReductionCheck {
    private ReductionCheck() {
    }

    /**
     * @param identityArg the kernel argument index of the first reduction's identity (each
     *                    reduction, scalars then arrays, passes its identity, then its partials view)
     * @return the operator of each array reduction, in plan order
     */
    static List<ReduceOp> verify(Function kernel, RegionPlan plan, int identityArg) {
        int arg = identityArg;
        for (RegionPlan.Reduction red : plan.reductions) {
            Var identity = param(kernel, arg++, ParamKind.Value.class);
            Var partials = param(kernel, arg++, ParamKind.View.class);
            Var acc = accumulator(kernel.body(), identity);
            if (acc == null) throw new IllegalStateException("reduction '" + red.name() + "' lost its accumulator in the IR");
            String bad = checkScalar(kernel.body(), acc, identity, partials, red.op());
            if (bad != null) {
                throw new KernelCompileException(where(plan, red.line()) + "'" + red.name() + "' " + bad + "; a reduction may "
                        + "only be updated as " + red.name() + " " + (red.op() == ReduceOp.SUM ? "+= e or -= e"
                        : red.op() == ReduceOp.PROD ? "*= e" : "= " + red.op().symbol() + "(" + red.name() + ", e)")
                        + " with e not reading it, and read nowhere else in the loop (cross-iteration dependence)", red.line());
            }
        }
        List<ReduceOp> ops = new ArrayList<>();
        for (RegionPlan.ArrayReduction a : plan.arrays) {
            Var identity = param(kernel, arg++, ParamKind.Value.class);
            Var partials = param(kernel, arg++, ParamKind.View.class);
            ReduceOp[] op = new ReduceOp[1];
            String bad = checkArray(kernel.body(), identity, partials, op);
            if (bad == null && op[0] == null) bad = "is never updated";
            if (bad != null) {
                String n = a.name();
                throw new KernelCompileException(where(plan, a.line()) + "Java array '" + n + "' (" + a.type().getSimpleName()
                        + ") " + bad + "; in a parallel loop a Java array may only be a whole-array reduction: every use "
                        + n + "[k] += e, " + n + "[k] -= e, " + n + "[k] *= e, " + n + "[k] = Math.min(" + n + "[k], e) or "
                        + "Math.max, one operator throughout, e not reading " + n + ". To read data in the loop, copy it into "
                        + "USM memory once (DoubleArray.on(UsmMemory...) and friends) and pass the view: parallel loops never "
                        + "copy Java arrays behind your back", a.line());
            }
            ops.add(op[0]);
        }
        return ops;
    }

    private static String where(RegionPlan plan, int line) {
        return "prange " + ScannedMethod.describe(plan.m.method) + " (" + plan.m.sourceFile + ":" + line + "): ";
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

    /** A description of the first bad use of scalar accumulator {@code acc}, or null. */
    private static String checkScalar(List<Stmt> body, Var acc, Var identity, Var partials, ReduceOp op) {
        String[] bad = new String[1];
        Features.forEachStmt(body, s -> {
            if (bad[0] != null) return;
            if (s instanceof Stmt.Assign a && a.var() == acc) {
                if (!is(a.value(), identity) && opOf(a.value(), new Expr.Read(acc), acc) != op) {
                    bad[0] = "is assigned a value that is not a " + op.symbol() + " update of itself";
                }
            } else if (!(s instanceof Stmt.Store st && is(st.base(), partials))) {
                bad[0] = readIn(s, acc);
            }
        }, e -> { });
        return bad[0];
    }

    /**
     * A description of the first bad use of the private array the kernel fills with {@code identity},
     * or null; the operator of its updates goes to {@code op[0]}.
     */
    private static String checkArray(List<Stmt> body, Var identity, Var partials, ReduceOp[] op) {
        Var[] arr = new Var[1];
        Features.forEachStmt(body, s -> {
            if (arr[0] == null && s instanceof Stmt.Store st && is(st.value(), identity) && st.base() instanceof Expr.Read b) {
                arr[0] = b.var();
            }
        }, e -> { });
        if (arr[0] == null) throw new IllegalStateException("array reduction lost its private copy in the IR");
        ArrayUses uses = new ArrayUses(body, arr[0], identity, partials);
        uses.walk(body);
        op[0] = uses.op;
        return !uses.stored && uses.bad != null && uses.bad.startsWith("is read") ? "is read in the loop" : uses.bad;
    }

    /**
     * Walks a kernel body in order checking every use of an array reduction's private copy:
     * stores before the identity fill are the allocation's zero-fill, the fill and the copy into
     * the partials are the kernel's own, and every other store must be an update
     * {@code a[k] = a[k] op e}, where the frontend may first load {@code a[k]} into a temporary
     * ({@code t = a[k]; a[k] = min(t, e)}) that nothing else reads.
     */
    private static final class ArrayUses {
        private final List<Stmt> body;
        private final Var a;
        private final Var identity;
        private final Var partials;
        private boolean filled;
        /** Whether the body stores into the array at all. */
        boolean stored;
        ReduceOp op;
        String bad;

        ArrayUses(List<Stmt> body, Var a, Var identity, Var partials) {
            this.body = body;
            this.a = a;
            this.identity = identity;
            this.partials = partials;
        }

        void walk(List<Stmt> list) {
            for (int i = 0; list != null && i < list.size() && bad == null; i++) {
                Stmt s = list.get(i);
                if (s instanceof Stmt.Store st && is(st.base(), a)) {
                    if (is(st.value(), identity)) filled = true;
                    if (filled && !is(st.value(), identity)) update(st, null);
                } else if (s instanceof Stmt.Assign t && t.value() instanceof Expr.Load l && is(l.base(), a)
                        && i + 1 < list.size() && list.get(i + 1) instanceof Stmt.Store st && is(st.base(), a)
                        && st.index().equals(l.index()) && readsOf(st.value(), t.var()) == readsInBody(t.var())) {
                    update(st, t.var());
                    i++;
                } else if (!(s instanceof Stmt.Store st && is(st.base(), partials))) {
                    bad = readIn(s, a);
                    nested(s);
                }
            }
        }

        private void nested(Stmt s) {
            switch (s) {
                case Stmt.If i -> {
                    walk(i.then());
                    walk(i.otherwise());
                }
                case Stmt.Loop l -> {
                    walk(l.body());
                    walk(l.update());
                }
                case Stmt.Block b -> walk(b.body());
                case Stmt.Switch w -> {
                    for (Stmt.Case c : w.cases()) walk(c.body());
                    walk(w.otherwise());
                }
                default -> { }
            }
        }

        /** Checks the store {@code a[k] = v}; {@code temp} holds {@code a[k]} when the frontend loaded it first. */
        private void update(Stmt.Store st, Var temp) {
            stored = true;
            Expr self = temp != null ? new Expr.Read(temp) : new Expr.Load(st.base(), st.index());
            ReduceOp o = reads(st.index(), a) ? null : opOf(st.value(), self, a, temp);
            if (o == null) {
                boolean readsMore = temp != null ? reads(st.value(), a)
                        : readsOf(st.value(), a) > count(st.value(), self) || reads(st.index(), a);
                bad = readsMore ? "is read outside its update"
                        : "is assigned an element that is not a +, *, Math.min or Math.max update of itself";
            } else if (op != null && op != o) {
                bad = "is updated with both " + op.symbol() + " and " + o.symbol();
            }
            op = o;
        }

        private int readsInBody(Var v) {
            int[] n = {0};
            Features.forEachStmt(body, s -> { }, e -> {
                if (is(e, v)) n[0]++;
            });
            return n[0];
        }
    }

    private static int readsOf(Expr e, Var v) {
        return count(e, new Expr.Read(v));
    }

    private static int count(Expr e, Expr part) {
        int[] n = {0};
        Features.expr(e, x -> {
            if (x.equals(part)) n[0]++;
        });
        return n[0];
    }

    /** Why statement {@code s} may not read {@code v} (it does), or null when it does not. */
    private static String readIn(Stmt s, Var v) {
        return switch (s) {
            case Stmt.Assign a -> reads(a.value(), v) ? "is read outside its update" : null;
            case Stmt.Store st -> reads(st.base(), v) || reads(st.index(), v) || reads(st.value(), v) ? "is read outside its update" : null;
            case Stmt.Eval e -> reads(e.expr(), v) ? "is read outside its update" : null;
            case Stmt.If i -> reads(i.cond(), v) ? "is read in a condition" : null;
            case Stmt.Loop l -> l.cond() != null && reads(l.cond(), v) ? "is read in a loop condition" : null;
            case Stmt.Switch w -> reads(w.selector(), v) ? "is read in a switch" : null;
            case Stmt.Return r -> r.value() != null && reads(r.value(), v) ? "is read outside its update" : null;
            default -> null;
        };
    }

    /**
     * The reduction {@code v} is as an update of {@code self} (a read of a variable or an element
     * of an array) with the other operand reading none of {@code vars}, or null.
     */
    private static ReduceOp opOf(Expr v, Expr self, Var... var) {
        if (v instanceof Expr.Binary b) {
            if (b.op() == BinOp.ADD && oneSide(b.left(), b.right(), self, var)) return ReduceOp.SUM;
            if (b.op() == BinOp.SUB && b.left().equals(self) && !reads(b.right(), var)) return ReduceOp.SUM;
            if (b.op() == BinOp.MUL && oneSide(b.left(), b.right(), self, var)) return ReduceOp.PROD;
        }
        if (minMax(v, self, var, true)) return ReduceOp.MIN;
        if (minMax(v, self, var, false)) return ReduceOp.MAX;
        return null;
    }

    /** {@code Math.min/max(self, e)} as the frontend lowers it: a call for integers, NaN- and signed-zero-aware selects for floats. */
    private static boolean minMax(Expr v, Expr self, Var[] var, boolean min) {
        if (v instanceof Expr.MathCall c && c.fn() == (min ? MathFn.MIN : MathFn.MAX)) {
            return oneSide(c.args().get(0), c.args().get(1), self, var);
        }
        // floats: select(isnan(x) || isnan(y), x + y, select(x == y, bits of both, fmin/fmax(x, y)))
        if (v instanceof Expr.Select s && s.ifFalse() instanceof Expr.Select eq && eq.cond() instanceof Expr.Compare
                && eq.ifFalse() instanceof Expr.MathCall c && c.fn() == (min ? MathFn.FMIN : MathFn.FMAX)
                && s.ifTrue() instanceof Expr.Binary nan && nan.op() == BinOp.ADD && s.cond() instanceof Expr.Logic l && !l.and()) {
            Expr x = c.args().get(0), y = c.args().get(1);
            return oneSide(x, y, self, var) && nan.left().equals(x) && nan.right().equals(y)
                    && l.left() instanceof Expr.MathCall n1 && n1.args().getFirst().equals(x)
                    && l.right() instanceof Expr.MathCall n2 && n2.args().getFirst().equals(y);
        }
        return false;
    }

    private static boolean oneSide(Expr a, Expr b, Expr self, Var[] var) {
        return a.equals(self) && !reads(b, var) || b.equals(self) && !reads(a, var);
    }

    private static boolean is(Expr e, Var v) {
        return e instanceof Expr.Read r && r.var() == v;
    }

    private static boolean reads(Expr e, Var... vars) {
        boolean[] found = {false};
        Features.expr(e, x -> {
            if (x instanceof Expr.Read r) for (Var v : vars) if (r.var() == v) found[0] = true;
        });
        return found[0];
    }
}
