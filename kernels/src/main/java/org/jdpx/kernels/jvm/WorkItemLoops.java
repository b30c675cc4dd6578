package org.jdpx.kernels.jvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * An IR pass for the java device: a kernel with barriers as loops over the work-items of a group,
 * split at every barrier (loop fission, "work-item loops"), so one thread runs a whole group with
 * no thread per item and no wait at a barrier. The kernel body becomes group-level {@link Step}s:
 * {@link Items} runs its statements (a region between barriers, free of barriers) for every
 * work-item of the group in turn; a loop, {@code if} or block that contains a barrier stays at
 * group level, its condition evaluated once (it must be {@link Uniformity uniform}: the same for
 * every item, as OpenCL requires of a barrier's control flow), its body split in turn. So the tiled
 * matmul's loop over tiles is one group-level loop around two item regions.
 *
 * <p>A scalar whose value one item's region leaves for a later region (or a later run of the same
 * region) is kept per item, in an array indexed by the local linear id: {@link Plan#perItem()}.
 * Each region loads the ones it reads before assigning and stores the ones it assigns. Uniform ones
 * (a tile counter, a tree's stride) keep one copy per group instead ({@link Plan#shared()}), and the
 * code that only assigns them (the loop's update) runs once per group ({@link Once}). An item that
 * returns is marked dead and skipped by later regions; an {@code if} on a divergent condition with a
 * barrier inside is accepted where nothing follows it (the items that do not enter it are done).
 *
 * <p>Refused (the java device then keeps one virtual thread per item): barriers in helpers, in a
 * {@code switch}, under a condition that is not provably uniform, or a private array or pointer
 * variable that lives across a barrier.
 */
final class WorkItemLoops {

    /** One group-level step. */
    sealed interface Step {
    }

    /**
     * {@code body} for every live work-item of the group: first {@code load} from the per-item
     * arrays, last {@code store} back (an item that returns stores nothing: it is dead).
     */
    record Items(List<Stmt> body, List<Var> load, List<Var> store) implements Step {
    }

    /** A condition evaluated once per group, on the per-item values {@code load} of the first live item. */
    record Cond(Expr expr, List<Var> load) {
    }

    /**
     * Assignments of uniform values to variables kept once per group ({@link Plan#shared()}), run
     * once for the group on the per-item values {@code load} of the first live item: a tree's
     * {@code half >>= 1}, a tile loop's {@code t++}.
     */
    record Once(List<Stmt> body, List<Var> load) implements Step {
    }

    /** A group-level loop: {@code cond} null means no test; {@code update} is {@link Items} or {@link Once}. */
    record GroupLoop(Label label, Cond cond, List<Step> body, Step update) implements Step {
    }

    /** A group-level {@code if} on a uniform condition. */
    record GroupIf(Cond cond, List<Step> then, List<Step> otherwise) implements Step {
    }

    /** A group-level labelled block. */
    record GroupBlock(Label label, List<Step> body) implements Step {
    }

    /** A group-level {@code break} ({@code isContinue} false) or {@code continue}. */
    record GroupJump(Label target, boolean isContinue) implements Step {
    }

    /**
     * The kernel as steps; the scalars kept per item, and the uniform ones that live across barriers
     * kept once per group (both start each group at zero, an assigned parameter at its value);
     * {@code returns}: some item may return early.
     */
    record Plan(List<Step> steps, List<Var> perItem, List<Var> shared, boolean returns, int regions) {
    }

    /** Why a kernel cannot run as work-item loops; the java device then runs it on virtual threads. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private final Function kernel;
    private Uniformity uniformity;
    private final Set<Label> groupLabels = new HashSet<>();
    private final List<UnitVars> units = new ArrayList<>();
    private final Map<Object, UnitVars> unitOf = new IdentityHashMap<>();
    /** Pieces of code run once per group, and the variables one copy of which serves the group. */
    private final Set<Items> once = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Var> shared = new HashSet<>();
    private int regions;
    private boolean returns;

    private WorkItemLoops(Function kernel) {
        this.kernel = kernel;
    }

    /**
     * The work-item-loop plan of {@code module}'s kernel.
     *
     * @throws Refused naming what the pass cannot split
     */
    static Plan plan(KernelModule module) throws Refused {
        for (Function h : module.helpers()) {
            boolean[] barrier = {false};
            Features.forEachStmt(h.body(), s -> {
                if (s instanceof Stmt.Barrier) barrier[0] = true;
            }, e -> { });
            if (barrier[0]) throw new Refused("helper " + h.name() + " waits at a barrier");
        }
        return new WorkItemLoops(module.kernel()).build();
    }

    private Plan build() throws Refused {
        uniformity = Uniformity.of(kernel.body());
        List<Stmt> body = tail(kernel.body());
        uniformity = Uniformity.of(body);
        Features.forEachStmt(body, s -> {
            if (s instanceof Stmt.Loop l && hasBarrier(l.body())) groupLabels.add(l.label());
            if (s instanceof Stmt.Block b && hasBarrier(b.body())) groupLabels.add(b.label());
        }, e -> { });
        List<Step> steps = steps(body);
        List<Var> perItem = perItem();
        return new Plan(finish(steps, Set.copyOf(perItem)), perItem, ordered(shared), returns, regions);
    }

    // ------------------------------------------------------------------ divergent tails

    /**
     * Rewrites a last statement {@code if (c) {A} else {B}} with barriers in only one branch and a
     * condition that differs between items into {@code if (!c) {B; return;}} followed by A: the
     * items that skip the barriers are done, the others go on (recursively for A's own tail).
     */
    private List<Stmt> tail(List<Stmt> list) {
        if (list.isEmpty()) return list;
        Stmt last = list.getLast();
        List<Stmt> out = new ArrayList<>(list.subList(0, list.size() - 1));
        switch (last) {
            case Stmt.If i when !uniformity.uniform(i, i.cond()) && hasBarrier(i.then()) != hasBarrier(i.otherwise()) -> {
                boolean inThen = hasBarrier(i.then());
                List<Stmt> done = new ArrayList<>(inThen ? i.otherwise() : i.then());
                done.add(new Stmt.Return(null));
                out.add(inThen ? new Stmt.If(i.cond(), new ArrayList<>(), done) : new Stmt.If(i.cond(), done, new ArrayList<>()));
                out.addAll(tail(inThen ? i.then() : i.otherwise()));
            }
            case Stmt.Block b -> out.add(new Stmt.Block(b.label(), tail(b.body())));
            default -> out.add(last);
        }
        return out;
    }

    // ------------------------------------------------------------------ splitting

    private static boolean hasBarrier(List<Stmt> body) {
        boolean[] found = {false};
        Features.forEachStmt(body, s -> {
            if (s instanceof Stmt.Barrier) found[0] = true;
        }, e -> { });
        return found[0];
    }

    /** True for a statement that must stay at group level: it waits at a barrier or jumps out of a group-level loop or block. */
    private boolean groupLevel(Stmt s) {
        boolean[] found = {false};
        Features.forEachStmt(List.of(s), x -> {
            switch (x) {
                case Stmt.Barrier b -> found[0] = true;
                case Stmt.Break b -> found[0] |= groupLabels.contains(b.target());
                case Stmt.Continue c -> found[0] |= groupLabels.contains(c.target());
                default -> { }
            }
        }, e -> { });
        return found[0];
    }

    private List<Step> steps(List<Stmt> list) throws Refused {
        List<Step> out = new ArrayList<>();
        List<Stmt> region = new ArrayList<>();
        for (Stmt s : list) {
            if (!groupLevel(s)) {
                region.add(s);
                continue;
            }
            flush(region, out);
            region = new ArrayList<>();
            switch (s) {
                case Stmt.Barrier b -> { }
                case Stmt.Loop l -> {
                    if (hasBarrier(l.update())) throw new Refused("barrier in the update of a loop");
                    Cond cond = l.cond() == null ? null : cond(l, l.cond(), "a loop");
                    List<Step> body = steps(l.body());
                    out.add(new GroupLoop(l.label(), cond, body, items(l.update())));
                }
                case Stmt.If i -> {
                    Cond cond = cond(i, i.cond(), "an if");
                    out.add(new GroupIf(cond, steps(i.then()), steps(i.otherwise())));
                }
                case Stmt.Block b -> out.add(new GroupBlock(b.label(), steps(b.body())));
                case Stmt.Break b -> out.add(new GroupJump(b.target(), false));
                case Stmt.Continue c -> out.add(new GroupJump(c.target(), true));
                case Stmt.Switch w -> throw new Refused("barrier inside a switch");
                default -> throw new Refused("barrier reached through " + s.getClass().getSimpleName());
            }
        }
        flush(region, out);
        return out;
    }

    private Cond cond(Stmt s, Expr e, String what) throws Refused {
        if (!uniformity.uniform(s, e)) {
            throw new Refused("barrier inside " + what + " whose condition may differ between the work-items of a group");
        }
        UnitVars u = UnitVars.of(e);
        units.add(u);
        Cond c = new Cond(e, List.of());
        unitOf.put(c, u);
        return c;
    }

    private void flush(List<Stmt> region, List<Step> out) {
        if (!region.isEmpty()) out.add(items(region));
    }

    private Items items(List<Stmt> body) {
        UnitVars u = UnitVars.of(body);
        Features.forEachStmt(body, s -> {
            if (s instanceof Stmt.Return) returns = true;
        }, e -> { });
        units.add(u);
        Items it = new Items(body, List.of(), List.of());
        unitOf.put(it, u);
        return it;
    }

    // ------------------------------------------------------------------ per-item variables

    /**
     * Scalars that must be kept per item: assigned somewhere, and mentioned by more than one
     * piece of code, or read before being assigned in a piece that assigns them.
     *
     * @throws Refused for a private array or an assigned pointer living across a barrier
     */
    private List<Var> perItem() throws Refused {
        Map<Var, Integer> count = new HashMap<>();
        Set<Var> written = new HashSet<>();
        for (UnitVars u : units) {
            for (Var v : u.mentioned) count.merge(v, 1, Integer::sum);
            written.addAll(u.written);
        }
        shareUniforms(written);
        Set<Var> out = new LinkedHashSet<>();
        for (Map.Entry<Object, UnitVars> e : unitOf.entrySet()) {
            if (!(e.getKey() instanceof Items it) || once.contains(it)) continue;
            for (Var v : e.getValue().exposed) if (e.getValue().written.contains(v)) out.add(v);
        }
        for (Map.Entry<Var, Integer> e : count.entrySet()) {
            Var v = e.getKey();
            boolean shared = e.getValue() > 1;
            if (v.type() instanceof ArrayType a && a.space() == AddressSpace.PRIVATE && shared) {
                throw new Refused("private array " + v.name() + " lives across a barrier");
            }
            if (!(v.type() instanceof Scalar)) {
                if (shared && written.contains(v)) throw new Refused("pointer variable " + v.name() + " lives across a barrier");
                out.remove(v);
                continue;
            }
            if (shared && written.contains(v)) out.add(v);
            if (!shared) this.shared.remove(v); // lives in one piece of code: a plain local
        }
        out.removeAll(this.shared);
        return ordered(out);
    }

    /**
     * Uniform variables (every assignment gives all items one value; not parameters) that no piece
     * run per item reads before assigning: one copy serves the whole group. Pieces of code that
     * only assign such variables then run once per group ({@link Once}), which in turn exempts
     * their reads; iterated until no piece or variable changes side.
     */
    private void shareUniforms(Set<Var> written) {
        Set<Var> params = new HashSet<>();
        for (Param p : kernel.params()) params.add(p.var());
        Set<Var> candidates = new HashSet<>();
        for (Var v : written) if (v.type() instanceof Scalar && !params.contains(v) && uniformity.uniformEverywhere(v)) candidates.add(v);
        for (Map.Entry<Object, UnitVars> e : unitOf.entrySet()) {
            if (e.getKey() instanceof Items it && onlyAssigns(it.body()) && candidates.containsAll(e.getValue().written)) once.add(it);
        }
        while (true) {
            shared.clear();
            shared.addAll(candidates);
            for (Map.Entry<Object, UnitVars> e : unitOf.entrySet()) {
                if (!(e.getKey() instanceof Items it) || once.contains(it)) continue;
                for (Var v : e.getValue().exposed) if (e.getValue().written.contains(v)) shared.remove(v);
            }
            if (!once.removeIf(it -> !shared.containsAll(unitOf.get(it).written))) return;
        }
    }

    private static boolean onlyAssigns(List<Stmt> body) {
        if (body.isEmpty()) return false;
        for (Stmt s : body) if (!(s instanceof Stmt.Assign)) return false;
        return true;
    }

    /** {@code vars} in declaration order: parameters, then locals. */
    private List<Var> ordered(Set<Var> vars) {
        List<Var> ordered = new ArrayList<>();
        for (Param p : kernel.params()) if (vars.contains(p.var())) ordered.add(p.var());
        for (Var v : kernel.locals()) if (vars.contains(v)) ordered.add(v);
        for (Var v : vars) if (!ordered.contains(v)) ordered.add(v);
        return ordered;
    }

    /** The steps again, with each piece's per-item loads and stores filled in. */
    private List<Step> finish(List<Step> steps, Set<Var> perItem) {
        List<Step> out = new ArrayList<>();
        for (Step s : steps) {
            out.add(switch (s) {
                case Items it -> finish(it, perItem);
                case Once o -> o;
                case GroupLoop l -> new GroupLoop(l.label(), finish(l.cond(), perItem), finish(l.body(), perItem),
                        finish((Items) l.update(), perItem));
                case GroupIf i -> new GroupIf(finish(i.cond(), perItem), finish(i.then(), perItem), finish(i.otherwise(), perItem));
                case GroupBlock b -> new GroupBlock(b.label(), finish(b.body(), perItem));
                case GroupJump j -> j;
            });
        }
        return out;
    }

    private Step finish(Items it, Set<Var> perItem) {
        UnitVars u = unitOf.get(it);
        if (once.contains(it)) {
            List<Var> load = new ArrayList<>();
            for (Var v : u.mentioned) if (perItem.contains(v)) load.add(v);
            return new Once(it.body(), load);
        }
        if (!it.body().isEmpty()) regions++;
        List<Var> load = new ArrayList<>(), store = new ArrayList<>();
        for (Var v : u.mentioned) {
            if (!perItem.contains(v)) continue;
            boolean written = u.written.contains(v);
            if (written) store.add(v);
            if (u.exposed.contains(v) || (written && (u.assignedAtEnd == null || !u.assignedAtEnd.contains(v)))) load.add(v);
        }
        return new Items(it.body(), load, store);
    }

    private Cond finish(Cond c, Set<Var> perItem) {
        if (c == null) return null;
        List<Var> load = new ArrayList<>();
        for (Var v : unitOf.get(c).mentioned) if (perItem.contains(v)) load.add(v);
        return new Cond(c.expr(), load);
    }
}
