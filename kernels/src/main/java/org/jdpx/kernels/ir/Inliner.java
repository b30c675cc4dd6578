package org.jdpx.kernels.ir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a helper function's body into the function an {@link IrBuilder} is writing, at the
 * current point: how a {@code @Vectorize} or {@code @Stencil} method becomes part of a fused
 * kernel rather than a call. Scalar parameters become fresh locals assigned from the arguments
 * (the body may assign them, as Java allows); pointer parameters are replaced by the caller's
 * pointer; every local and label is copied, so one function may be inlined several times; a
 * {@code return v} becomes an assignment and a break out of a block around the copy (no block
 * when the only return is the last statement). Calls the
 * body makes stay calls: the caller's module must list the function's helpers.
 */
public final class Inliner {
    private final Map<Var, Expr> replace = new HashMap<>();
    private final Map<Label, Label> labels = new HashMap<>();
    private final Var result;
    private final Label exit;

    private Inliner(Var result, Label exit) {
        this.result = result;
        this.exit = exit;
    }

    /**
     * Inlines {@code f} with {@code args} bound to its parameters in order ({@code args} may be
     * shorter than the parameter list when {@code extra} binds the rest by variable) and returns
     * the result as a read of a new local.
     *
     * @throws IllegalArgumentException when an argument's type differs from its parameter's
     */
    public static Expr inline(IrBuilder b, Function f, List<Expr> args, Map<Var, Expr> extra) {
        Var result = f.returnType() == null ? null : b.local("r_" + f.name(), f.returnType());
        Inliner in = new Inliner(result, new Label("inl_" + f.name()));
        List<Param> params = f.params();
        for (int i = 0; i < params.size(); i++) {
            Var p = params.get(i).var();
            Expr a = i < args.size() ? args.get(i) : extra.get(p);
            if (a == null) throw new IllegalArgumentException("no argument for parameter " + p + " of " + f.name());
            if (!a.type().equals(p.type()) && !(p.type() instanceof PtrType)) {
                throw new IllegalArgumentException("argument of type " + a.type() + " for parameter " + p + " of " + f.name());
            }
            if (p.type() instanceof Scalar s) {
                Var local = b.local(p.name(), s);
                b.assign(local, a);
                in.replace.put(p, new Expr.Read(local));
            } else {
                in.replace.put(p, a);
            }
        }
        for (Var v : f.locals()) in.replace.put(v, new Expr.Read(b.local(v.name(), v.type())));
        List<Stmt> body = new ArrayList<>(in.stmts(f.body()));
        // The final return's break is a no-op; without other early returns no block is needed
        // (a C compiler sees straight-line code, as for a built-in operation).
        if (!body.isEmpty() && body.getLast() instanceof Stmt.Break k && k.target() == in.exit) body.removeLast();
        if (breaksTo(body, in.exit)) {
            b.add(new Stmt.Block(in.exit, body));
        } else {
            body.forEach(b::add);
        }
        return result == null ? b.i32(0) : b.read(result);
    }

    private static boolean breaksTo(List<Stmt> body, Label l) {
        for (Stmt s : body) {
            boolean found = switch (s) {
                case Stmt.Break k -> k.target() == l;
                case Stmt.If i -> breaksTo(i.then(), l) || breaksTo(i.otherwise(), l);
                case Stmt.Loop p -> breaksTo(p.body(), l) || breaksTo(p.update(), l);
                case Stmt.Block k -> breaksTo(k.body(), l);
                case Stmt.Switch w -> breaksTo(w.otherwise(), l) || w.cases().stream().anyMatch(c -> breaksTo(c.body(), l));
                default -> false;
            };
            if (found) return true;
        }
        return false;
    }

    private List<Stmt> stmts(List<Stmt> body) {
        List<Stmt> out = new ArrayList<>(body.size());
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Return r -> {
                    if (r.value() != null && result != null) out.add(new Stmt.Assign(result, expr(r.value())));
                    out.add(new Stmt.Break(exit));
                }
                default -> out.add(stmt(s));
            }
        }
        return out;
    }

    private Label label(Label l) {
        return labels.computeIfAbsent(l, k -> new Label(k.name()));
    }

    private Var var(Var v) {
        Expr e = replace.get(v);
        if (e instanceof Expr.Read r) return r.var();
        throw new IllegalStateException("assignment to " + v + ", which is not a local of the inlined function");
    }

    private Stmt stmt(Stmt s) {
        return switch (s) {
            case Stmt.Assign a -> new Stmt.Assign(var(a.var()), expr(a.value()));
            case Stmt.Store st -> new Stmt.Store(expr(st.base()), expr(st.index()), expr(st.value()), st.at());
            case Stmt.Eval e -> new Stmt.Eval(expr(e.expr()));
            case Stmt.If i -> new Stmt.If(expr(i.cond()), stmts(i.then()), stmts(i.otherwise()));
            case Stmt.Loop l -> new Stmt.Loop(label(l.label()), l.cond() == null ? null : expr(l.cond()), stmts(l.body()),
                    stmts(l.update()));
            case Stmt.Block k -> new Stmt.Block(label(k.label()), stmts(k.body()));
            case Stmt.Break k -> new Stmt.Break(label(k.target()));
            case Stmt.Continue c -> new Stmt.Continue(label(c.target()));
            case Stmt.Return r -> throw new IllegalStateException("handled by stmts");
            case Stmt.Barrier k -> k;
            case Stmt.Switch w -> {
                List<Stmt.Case> cases = new ArrayList<>();
                for (Stmt.Case c : w.cases()) cases.add(new Stmt.Case(c.values().clone(), stmts(c.body())));
                yield new Stmt.Switch(expr(w.selector()), cases, stmts(w.otherwise()));
            }
        };
    }

    private List<Expr> exprs(List<Expr> es) {
        return es.stream().map(this::expr).toList();
    }

    private Expr expr(Expr e) {
        return switch (e) {
            case Expr.Read r -> replace.getOrDefault(r.var(), r);
            case Expr.Const c -> c;
            case Expr.WorkItem w -> w;
            case Expr.Unary u -> new Expr.Unary(u.op(), expr(u.operand()));
            case Expr.Binary x -> new Expr.Binary(x.op(), expr(x.left()), expr(x.right()));
            case Expr.Compare c -> new Expr.Compare(c.op(), expr(c.left()), expr(c.right()));
            case Expr.Logic l -> new Expr.Logic(l.and(), expr(l.left()), expr(l.right()));
            case Expr.Convert c -> new Expr.Convert(c.to(), expr(c.operand()));
            case Expr.Bitcast c -> new Expr.Bitcast(c.to(), expr(c.operand()));
            case Expr.Select s -> new Expr.Select(expr(s.cond()), expr(s.ifTrue()), expr(s.ifFalse()));
            case Expr.Load l -> new Expr.Load(expr(l.base()), expr(l.index()), l.at());
            case Expr.Call c -> new Expr.Call(c.function(), exprs(c.args()));
            case Expr.MathCall m -> new Expr.MathCall(m.fn(), m.operandType(), exprs(m.args()));
            case Expr.Atomic a -> new Expr.Atomic(a.op(), expr(a.base()), expr(a.index()), exprs(a.operands()), a.at());
        };
    }
}
