package org.jdpx.kernels.jvm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * Which values of a kernel body are the same for every work-item of a group (uniform), so that a
 * barrier under a condition on them is reached by all items or none, as OpenCL requires, and the
 * condition can be evaluated once for the group ({@link WorkItemLoops}).
 *
 * <p>Uniform: constants, the group id and the range sizes, kernel parameters, and variables every
 * assignment of which computes a uniform value outside divergent control flow. Control is divergent
 * under an {@code if}, {@code switch} or loop whose condition is not uniform, and inside a loop or
 * block that a {@code break}/{@code continue} in divergent control leaves. Loads, calls and atomics
 * are never uniform (other items may write the memory). Items that {@code return} early do not make
 * later code divergent: the ones still running compute the same values. A fixed point, since
 * divergence and uniformity depend on each other.
 */
final class Uniformity {
    private final Set<Var> varying = new HashSet<>();
    private final Set<Label> divergentTargets = new HashSet<>();
    private boolean changed;

    private Uniformity() {
    }

    /** The analysis of {@code body}. */
    static Uniformity of(List<Stmt> body) {
        Uniformity u = new Uniformity();
        do {
            u.changed = false;
            u.walk(body, false);
        } while (u.changed);
        return u;
    }

    /** True when {@code e} has one value for every work-item of a group that evaluates it. */
    boolean uniform(Expr e) {
        boolean[] ok = {true};
        Features.expr(e, x -> {
            switch (x) {
                case Expr.Read r -> {
                    if (!(r.var().type() instanceof Scalar) || varying.contains(r.var())) ok[0] = false;
                }
                case Expr.WorkItem w -> {
                    switch (w.fn()) {
                        case GLOBAL_ID, LOCAL_ID -> ok[0] = false;
                        default -> { }
                    }
                }
                case Expr.Load l -> ok[0] = false;
                case Expr.Call c -> ok[0] = false;
                case Expr.Atomic a -> ok[0] = false;
                default -> { }
            }
        });
        return ok[0];
    }

    private void walk(List<Stmt> body, boolean divergent) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Assign a -> {
                    if ((divergent || !uniform(a.value())) && varying.add(a.var())) changed = true;
                }
                case Stmt.If i -> {
                    boolean d = divergent || !uniform(i.cond());
                    walk(i.then(), d);
                    walk(i.otherwise(), d);
                }
                case Stmt.Loop l -> {
                    boolean d = divergent || (l.cond() != null && !uniform(l.cond())) || divergentTargets.contains(l.label());
                    walk(l.body(), d);
                    walk(l.update(), d);
                }
                case Stmt.Block b -> walk(b.body(), divergent || divergentTargets.contains(b.label()));
                case Stmt.Switch w -> {
                    boolean d = divergent || !uniform(w.selector());
                    for (Stmt.Case c : w.cases()) walk(c.body(), d);
                    walk(w.otherwise(), d);
                }
                case Stmt.Break b -> {
                    if (divergent && divergentTargets.add(b.target())) changed = true;
                }
                case Stmt.Continue c -> {
                    if (divergent && divergentTargets.add(c.target())) changed = true;
                }
                default -> { }
            }
        }
    }
}
