package org.jdpx.kernels.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * Renames the dimensions a kernel's work-item queries name: every {@code get_global_id(d)},
 * {@code get_local_id(d)}, group id and size query of dimension {@code a} becomes one of
 * dimension {@code b} and the other way round. Launched over a range with those two sizes
 * swapped too, the kernel computes exactly what the original computes over the original range;
 * only which items the driver runs side by side (its dimension 0) changes
 * ({@link org.jdpx.kernels.plan.LaunchOrder} decides when that pays).
 */
public final class WorkItemDims {

    private WorkItemDims() {
    }

    /** True when no helper of {@code module} asks a work-item query (helpers are shared and not rewritten). */
    public static boolean onlyInKernel(KernelModule module) {
        for (Function h : module.helpers()) {
            boolean[] found = {false};
            Features.forEachStmt(h.body(), s -> { }, e -> {
                if (e instanceof Expr.WorkItem) found[0] = true;
            });
            if (found[0]) return false;
        }
        return true;
    }

    /**
     * {@code module} with dimensions {@code a} and {@code b} of every work-item query of its kernel
     * swapped; the input is not changed, the result shares its helpers, parameters and locals.
     *
     * @throws IllegalArgumentException when a dimension is outside 0..2, or a helper asks a
     *         work-item query ({@link #onlyInKernel})
     */
    public static KernelModule swap(KernelModule module, int a, int b) {
        if (a < 0 || a > 2 || b < 0 || b > 2) {
            throw new IllegalArgumentException("work-item dimensions are 0, 1 or 2, not " + a + " and " + b);
        }
        if (!onlyInKernel(module)) {
            throw new IllegalArgumentException("a helper of kernel " + module.kernel().name()
                    + " asks a work-item query, so its dimensions cannot be renamed in the kernel alone");
        }
        Function k = module.kernel();
        Function out = new Function(k.name(), true, k.returnType());
        out.params().addAll(k.params());
        out.locals().addAll(k.locals());
        out.setBody(stmts(k.body(), a, b));
        return new KernelModule(out, module.helpers());
    }

    private static List<Stmt> stmts(List<Stmt> body, int a, int b) {
        List<Stmt> out = new ArrayList<>(body.size());
        for (Stmt s : body) out.add(stmt(s, a, b));
        return out;
    }

    private static Stmt stmt(Stmt s, int a, int b) {
        return switch (s) {
            case Stmt.Assign x -> new Stmt.Assign(x.var(), expr(x.value(), a, b));
            case Stmt.Store x -> new Stmt.Store(expr(x.base(), a, b), expr(x.index(), a, b), expr(x.value(), a, b), x.at());
            case Stmt.Eval x -> new Stmt.Eval(expr(x.expr(), a, b));
            case Stmt.If x -> new Stmt.If(expr(x.cond(), a, b), stmts(x.then(), a, b), stmts(x.otherwise(), a, b));
            case Stmt.Loop x -> new Stmt.Loop(x.label(), x.cond() == null ? null : expr(x.cond(), a, b),
                    stmts(x.body(), a, b), stmts(x.update(), a, b));
            case Stmt.Block x -> new Stmt.Block(x.label(), stmts(x.body(), a, b));
            case Stmt.Return x -> new Stmt.Return(x.value() == null ? null : expr(x.value(), a, b));
            case Stmt.Switch x -> {
                List<Stmt.Case> cases = new ArrayList<>(x.cases().size());
                for (Stmt.Case c : x.cases()) cases.add(new Stmt.Case(c.values(), stmts(c.body(), a, b)));
                yield new Stmt.Switch(expr(x.selector(), a, b), cases, stmts(x.otherwise(), a, b));
            }
            case Stmt.Break x -> x;
            case Stmt.Continue x -> x;
            case Stmt.Barrier x -> x;
        };
    }

    private static List<Expr> exprs(List<Expr> list, int a, int b) {
        List<Expr> out = new ArrayList<>(list.size());
        for (Expr e : list) out.add(expr(e, a, b));
        return out;
    }

    private static Expr expr(Expr e, int a, int b) {
        return switch (e) {
            case Expr.WorkItem w -> w.dim() == a ? new Expr.WorkItem(w.fn(), b)
                    : w.dim() == b ? new Expr.WorkItem(w.fn(), a) : w;
            case Expr.Const c -> c;
            case Expr.Read r -> r;
            case Expr.Unary u -> new Expr.Unary(u.op(), expr(u.operand(), a, b));
            case Expr.Binary x -> new Expr.Binary(x.op(), expr(x.left(), a, b), expr(x.right(), a, b));
            case Expr.Compare x -> new Expr.Compare(x.op(), expr(x.left(), a, b), expr(x.right(), a, b));
            case Expr.Logic x -> new Expr.Logic(x.and(), expr(x.left(), a, b), expr(x.right(), a, b));
            case Expr.Convert x -> new Expr.Convert(x.to(), expr(x.operand(), a, b));
            case Expr.Bitcast x -> new Expr.Bitcast(x.to(), expr(x.operand(), a, b));
            case Expr.Select x -> new Expr.Select(expr(x.cond(), a, b), expr(x.ifTrue(), a, b), expr(x.ifFalse(), a, b));
            case Expr.Load x -> new Expr.Load(expr(x.base(), a, b), expr(x.index(), a, b), x.at());
            case Expr.Call x -> new Expr.Call(x.function(), exprs(x.args(), a, b));
            case Expr.MathCall x -> new Expr.MathCall(x.fn(), x.operandType(), exprs(x.args(), a, b));
            case Expr.Atomic x -> new Expr.Atomic(x.op(), expr(x.base(), a, b), expr(x.index(), a, b),
                    exprs(x.operands(), a, b), x.at());
        };
    }
}
