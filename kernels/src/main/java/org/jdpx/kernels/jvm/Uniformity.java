package org.jdpx.kernels.jvm;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * Which conditions of a kernel body have the same value for every work-item of a group (uniform),
 * so that a barrier under them is reached by all items or none, as OpenCL requires, and they can be
 * evaluated once for the group ({@link WorkItemLoops}).
 *
 * <p>Flow-sensitive, since the frontend gives one variable to Java locals that share a slot (the
 * {@code i} of one loop and the {@code half} of a later one): at each point, a variable is varying
 * when a reaching assignment computed a varying value or ran in divergent control. Uniform values:
 * constants, group ids and range sizes, kernel parameters, uniform variables and operations on them;
 * loads, calls and atomics never are (other items may write the memory). Control is divergent under
 * an {@code if}, {@code switch} or loop whose condition is varying, and inside a loop or block that a
 * {@code break}/{@code continue} in divergent control leaves. Items that {@code return} early do not
 * make later code divergent: the ones still running compute the same values. Loops are iterated to a
 * fixed point, and the whole walk again while more labels turn out to be left divergently.
 */
final class Uniformity {
    private final Set<Label> divergentTargets = new HashSet<>();
    /** The varying variables where each if, loop (at its head) and switch evaluates its condition. */
    private final Map<Stmt, Set<Var>> at = new IdentityHashMap<>();
    private final Map<Label, Set<Var>> breaks = new HashMap<>();
    private final Map<Label, Set<Var>> continues = new HashMap<>();
    /** Variables some assignment of which computes a varying value or runs in divergent control. */
    private final Set<Var> varyingAssigned = new HashSet<>();
    private boolean changed;

    private Uniformity() {
    }

    /** The analysis of a kernel body. */
    static Uniformity of(List<Stmt> body) {
        Uniformity u = new Uniformity();
        do {
            u.changed = false;
            u.varyingAssigned.clear();
            u.walk(body, new HashSet<>(), false);
        } while (u.changed);
        return u;
    }

    /**
     * True when the condition {@code e} of the if, loop or switch {@code s} (a statement of the
     * analysed body) has one value for every work-item of a group that evaluates it.
     */
    boolean uniform(Stmt s, Expr e) {
        return uniform(e, at.getOrDefault(s, Set.of()));
    }

    /** True when every assignment of {@code v} gives every work-item the same value. */
    boolean uniformEverywhere(Var v) {
        return !varyingAssigned.contains(v);
    }

    private static boolean uniform(Expr e, Set<Var> varying) {
        if (varying == null) return true; // unreachable
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

    private static Set<Var> union(Set<Var> a, Set<Var> b) {
        if (a == null) return b == null ? null : new HashSet<>(b);
        Set<Var> out = new HashSet<>(a);
        if (b != null) out.addAll(b);
        return out;
    }

    /** Walks {@code list} from the varying set {@code in} (null: unreachable); returns the set after it. */
    private Set<Var> walk(List<Stmt> list, Set<Var> in, boolean divergent) {
        Set<Var> cur = in;
        for (Stmt s : list) {
            if (cur == null) return null;
            cur = stmt(s, cur, divergent);
        }
        return cur;
    }

    private Set<Var> stmt(Stmt s, Set<Var> in, boolean divergent) {
        switch (s) {
            case Stmt.Assign a -> {
                Set<Var> out = new HashSet<>(in);
                if (divergent || !uniform(a.value(), in)) {
                    out.add(a.var());
                    varyingAssigned.add(a.var());
                } else {
                    out.remove(a.var());
                }
                return out;
            }
            case Stmt.If i -> {
                at.put(s, in);
                boolean d = divergent || !uniform(i.cond(), in);
                return union(walk(i.then(), in, d), walk(i.otherwise(), in, d));
            }
            case Stmt.Loop l -> {
                Set<Var> head = new HashSet<>(in);
                while (true) {
                    boolean d = divergent || (l.cond() != null && !uniform(l.cond(), head)) || divergentTargets.contains(l.label());
                    at.put(s, head);
                    breaks.put(l.label(), null);
                    continues.put(l.label(), null);
                    Set<Var> end = union(walk(l.body(), head, d), continues.get(l.label()));
                    if (end != null) end = walk(l.update(), end, d);
                    Set<Var> next = union(head, end);
                    if (next.equals(head)) break;
                    head = next;
                }
                return union(l.cond() != null ? head : null, breaks.get(l.label()));
            }
            case Stmt.Block b -> {
                breaks.put(b.label(), null);
                Set<Var> end = walk(b.body(), in, divergent || divergentTargets.contains(b.label()));
                return union(end, breaks.get(b.label()));
            }
            case Stmt.Switch w -> {
                at.put(s, in);
                boolean d = divergent || !uniform(w.selector(), in);
                Set<Var> out = walk(w.otherwise(), in, d);
                for (Stmt.Case c : w.cases()) out = union(out, walk(c.body(), in, d));
                return out;
            }
            case Stmt.Break b -> {
                jump(b.target(), in, divergent, breaks);
                return null;
            }
            case Stmt.Continue c -> {
                jump(c.target(), in, divergent, continues);
                return null;
            }
            case Stmt.Return r -> {
                return null;
            }
            default -> {
                return in;
            }
        }
    }

    private void jump(Label target, Set<Var> in, boolean divergent, Map<Label, Set<Var>> states) {
        states.put(target, union(states.get(target), in));
        if (divergent && divergentTargets.add(target)) changed = true;
    }
}
