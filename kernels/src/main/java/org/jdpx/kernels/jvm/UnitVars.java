package org.jdpx.kernels.jvm;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * The variables of one piece of code that {@link WorkItemLoops} runs for every work-item in turn
 * (a region between barriers, a loop update) or once per group (a condition): which it mentions,
 * which it assigns, which it may read before assigning them on the same path ("exposed": their
 * value comes from before the piece), and which are assigned on every path that falls off its end.
 * Definite assignment is tracked conservatively: after a loop only what was assigned before it
 * counts, and a block that is broken out of keeps only what both ways assign.
 */
final class UnitVars {
    final Set<Var> mentioned = new LinkedHashSet<>();
    final Set<Var> written = new LinkedHashSet<>();
    final Set<Var> exposed = new LinkedHashSet<>();
    /** Definitely assigned where the piece falls off its end; null when it never does. */
    final Set<Var> assignedAtEnd;
    private final Set<Label> brokenOutOf = new HashSet<>();

    private UnitVars(List<Stmt> body) {
        Features.forEachStmt(body, s -> {
            if (s instanceof Stmt.Break b) brokenOutOf.add(b.target());
        }, e -> { });
        this.assignedAtEnd = seq(body, new HashSet<>());
    }

    private UnitVars(Expr e) {
        expr(e, new HashSet<>());
        this.assignedAtEnd = new HashSet<>();
    }

    /** The facts of statements run in order. */
    static UnitVars of(List<Stmt> body) {
        return new UnitVars(body);
    }

    /** The facts of a condition. */
    static UnitVars of(Expr cond) {
        return new UnitVars(cond);
    }

    /** Walks {@code list} from the definitely-assigned set {@code in} (null: unreachable); returns the set after it. */
    private Set<Var> seq(List<Stmt> list, Set<Var> in) {
        Set<Var> cur = in;
        for (Stmt s : list) cur = stmt(s, cur);
        return cur;
    }

    private Set<Var> stmt(Stmt s, Set<Var> in) {
        return switch (s) {
            case Stmt.Assign a -> {
                expr(a.value(), in);
                mentioned.add(a.var());
                written.add(a.var());
                if (in == null) yield null;
                Set<Var> out = new HashSet<>(in);
                out.add(a.var());
                yield out;
            }
            case Stmt.Store st -> {
                expr(st.base(), in);
                expr(st.index(), in);
                expr(st.value(), in);
                yield in;
            }
            case Stmt.Eval e -> {
                expr(e.expr(), in);
                yield in;
            }
            case Stmt.If i -> {
                expr(i.cond(), in);
                yield meet(seq(i.then(), in), seq(i.otherwise(), in));
            }
            case Stmt.Loop l -> {
                if (l.cond() != null) expr(l.cond(), in);
                seq(l.body(), in);
                seq(l.update(), in);
                yield in;
            }
            case Stmt.Block b -> {
                Set<Var> out = seq(b.body(), in);
                yield brokenOutOf.contains(b.label()) ? meet(out, in) : out;
            }
            case Stmt.Switch w -> {
                expr(w.selector(), in);
                Set<Var> out = seq(w.otherwise(), in);
                for (Stmt.Case c : w.cases()) out = meet(out, seq(c.body(), in));
                yield out;
            }
            case Stmt.Return r -> {
                if (r.value() != null) expr(r.value(), in);
                yield null;
            }
            case Stmt.Break b -> null;
            case Stmt.Continue c -> null;
            case Stmt.Barrier b -> in;
        };
    }

    private static Set<Var> meet(Set<Var> a, Set<Var> b) {
        if (a == null) return b;
        if (b == null) return a;
        Set<Var> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    private void expr(Expr e, Set<Var> assigned) {
        Features.expr(e, x -> {
            if (x instanceof Expr.Read r) {
                mentioned.add(r.var());
                if (assigned != null && !assigned.contains(r.var())) exposed.add(r.var());
            }
        });
    }
}
