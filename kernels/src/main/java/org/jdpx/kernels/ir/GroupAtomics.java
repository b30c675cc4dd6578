package org.jdpx.kernels.ir;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sums a work-group's contributions to one global atomic add before it reaches memory, so a
 * group sends one atomic instead of one per item: the pass behind a kernel like
 * {@code ctx.atomicAdd(c, 0, x * x)} run by 65,536 items, whose float add is otherwise a
 * compare-exchange loop they all contend on.
 *
 * <p>A statement of the kernel is rewritten when all of these hold, and left as it is otherwise:
 * <ul>
 *   <li>it is an atomic {@link AtomicOp#ADD} of an int, long, float or double whose old value is
 *       not used (a statement of its own, or assigned to a variable nothing reads);</li>
 *   <li>its address is the same for every item of a group: the base is a view parameter the
 *       kernel never reassigns, and the index reads only constants, group ids and sizes, and
 *       variables whose every assignment is such a value made at the top level of the kernel
 *       (no global or local id, no memory load, no call);</li>
 *   <li>every item reaches it in uniform control flow: it stands at the top level of the kernel
 *       body, and no statement before it can return.</li>
 * </ul>
 * The rewrite: each item stores its operand in a local array of {@code groupLength} elements
 * at its linear local id; then either a tree over the group's actual size (any size up to
 * {@code groupLength}, not only powers of two) folds the array with barriers in between (for
 * GPUs, whose items run in parallel), or item 0 adds the array up alone after one barrier (for
 * CPU drivers, which run a group's items one after another, so every tree level would be a pass
 * over all items; item 0 keeps eight running sums so its adds overlap); item 0 makes the one global atomic add of the sum. Integer sums are exact either way; float
 * sums are added in another order than one item after another, which changes rounding no more
 * than the run-time order of the atomics already does.
 */
public final class GroupAtomics {

    /** Running sums item 0 keeps on the CPU plan (a power of two). */
    static final int LANES = 8;

    private GroupAtomics() {
    }

    /**
     * {@code module} with every eligible atomic add rewritten for work-groups of at most
     * {@code groupLength} items, summed by a tree ({@code tree}) or by item 0 alone;
     * {@code module} itself when none is eligible. The input is not changed; the result shares
     * its helpers and parameters.
     *
     * @throws IllegalArgumentException when {@code groupLength} is below 1
     */
    public static KernelModule apply(KernelModule module, int groupLength, boolean tree) {
        if (groupLength < 1) throw new IllegalArgumentException("group length must be positive: " + groupLength);
        Function k = module.kernel();
        List<Integer> sites = eligible(k);
        if (sites.isEmpty()) return module;
        Function out = new Function(k.name(), true, null);
        out.params().addAll(k.params());
        out.locals().addAll(k.locals());
        Var lid = local(out, "group_item", Scalar.I32), size = local(out, "group_items", Scalar.I32);
        Var step = local(out, "fold_span", Scalar.I32), half = local(out, "fold_half", Scalar.I32);
        Map<Scalar, Var> scratch = new EnumMap<>(Scalar.class);
        List<Stmt> body = new ArrayList<>();
        for (int i = 0; i < k.body().size(); i++) {
            Stmt s = k.body().get(i);
            if (!sites.contains(i)) {
                body.add(s);
                continue;
            }
            Expr.Atomic a = atomicOf(s);
            Var buf = scratch.computeIfAbsent(a.scalar(), t ->
                    local(out, "group_sum_" + t.clName(), new ArrayType(t, groupLength, AddressSpace.LOCAL)));
            List<Var> acc = new ArrayList<>();
            if (!tree) {
                for (int j = 0; j < LANES; j++) acc.add(local(out, "group_acc" + i + "_" + j, a.scalar()));
            }
            reduce(body, a, buf, lid, size, step, half, acc);
        }
        out.setBody(body);
        return new KernelModule(out, module.helpers());
    }

    /** True when {@code module}'s kernel has an atomic add this pass rewrites. */
    public static boolean applies(KernelModule module) {
        return !eligible(module.kernel()).isEmpty();
    }

    /**
     * True when {@code module} has atomics and every one of them, in the kernel and its helpers,
     * is an add this pass rewrites: no item then reads an atomic's old value, so a runner may sum
     * the adds of the items it runs one after another and make one atomic per address it saw.
     */
    public static boolean coversEveryAtomic(KernelModule module) {
        int[] all = {0};
        List<Function> fns = new ArrayList<>(module.helpers());
        fns.add(module.kernel());
        for (Function f : fns) {
            Features.forEachStmt(f.body(), s -> { }, e -> {
                if (e instanceof Expr.Atomic) all[0]++;
            });
        }
        return all[0] > 0 && eligible(module.kernel()).size() == all[0];
    }

    private static Var local(Function f, String name, Type t) {
        Var v = new Var(name, t);
        f.locals().add(v);
        return v;
    }

    private static void reduce(List<Stmt> out, Expr.Atomic a, Var buf, Var lid, Var size, Var step, Var half, List<Var> acc) {
        boolean tree = acc.isEmpty();
        Expr l0 = item(WorkItemFn.LOCAL_ID, 0), l1 = item(WorkItemFn.LOCAL_ID, 1), l2 = item(WorkItemFn.LOCAL_ID, 2);
        Expr s0 = item(WorkItemFn.LOCAL_SIZE, 0), s1 = item(WorkItemFn.LOCAL_SIZE, 1), s2 = item(WorkItemFn.LOCAL_SIZE, 2);
        out.add(new Stmt.Assign(lid, add(l0, mul(s0, add(l1, mul(s1, l2))))));
        out.add(new Stmt.Assign(size, mul(s0, mul(s1, s2))));
        Expr b = new Expr.Read(buf), id = new Expr.Read(lid), st = new Expr.Read(step), h = new Expr.Read(half);
        out.add(new Stmt.Store(b, id, a.operands().getFirst(), a.at()));
        out.add(new Stmt.Barrier(false));
        if (!tree) {
            // sizes asked again and item 0 told by its local ids, not by values kept across the
            // barrier: PoCL keeps such values per item in memory, which halved its speed here
            out.add(new Stmt.Assign(size, mul(s0, mul(s1, s2))));
            Expr first = new Expr.Logic(true, new Expr.Logic(true, isZero(l0), isZero(l1)), isZero(l2));
            serialSum(out, a, b, first, new Expr.Read(size), step, acc);
            return;
        }
        // the upper half [half, step) folds onto [0, step - half); step shrinks to half
        out.add(new Stmt.Assign(step, new Expr.Read(size)));
        List<Stmt> fold = new ArrayList<>();
        fold.add(new Stmt.Assign(half, new Expr.Binary(BinOp.SHR, add(st, Expr.Const.i32(1)), Expr.Const.i32(1))));
        fold.add(new Stmt.If(new Expr.Compare(CmpOp.LT, id, new Expr.Binary(BinOp.SUB, st, h)),
                new ArrayList<>(List.of(new Stmt.Store(b, id, new Expr.Binary(BinOp.ADD, new Expr.Load(b, id),
                        new Expr.Load(b, add(id, h)))))), new ArrayList<>()));
        fold.add(new Stmt.Barrier(false));
        fold.add(new Stmt.Assign(step, h));
        out.add(new Stmt.Loop(new Label("group_fold"), new Expr.Compare(CmpOp.GT, st, Expr.Const.i32(1)), fold, new ArrayList<>()));
        Expr.Atomic one = new Expr.Atomic(AtomicOp.ADD, a.base(), a.index(), List.of(new Expr.Load(b, Expr.Const.i32(0))), a.at());
        out.add(new Stmt.If(new Expr.Compare(CmpOp.EQ, id, Expr.Const.i32(0)),
                new ArrayList<>(List.of(new Stmt.Eval(one))), new ArrayList<>()));
    }

    /**
     * Item 0 adds the group's elements up in {@link #LANES} running sums (element k into sum
     * k mod LANES, so the adds do not wait on one another and a CPU driver overlaps them), adds
     * those in a tree, then makes the global atomic.
     */
    private static void serialSum(List<Stmt> out, Expr.Atomic a, Expr b, Expr isFirst, Expr size, Var k, List<Var> acc) {
        Expr zero = Expr.Const.i32(0), kr = new Expr.Read(k);
        Expr.Const none = new Expr.Const(a.scalar(), 0);
        List<Stmt> first = new ArrayList<>();
        for (Var s : acc) first.add(new Stmt.Assign(s, none));
        List<Stmt> lanes = new ArrayList<>();
        for (int j = 0; j < LANES; j++) lanes.add(addTo(acc.get(j), new Expr.Load(b, add(kr, Expr.Const.i32(j)))));
        first.add(new Stmt.Assign(k, zero));
        first.add(new Stmt.Loop(new Label("group_add"), new Expr.Compare(CmpOp.LE, add(kr, Expr.Const.i32(LANES)), size), lanes,
                new ArrayList<>(List.of(new Stmt.Assign(k, add(kr, Expr.Const.i32(LANES)))))));
        first.add(new Stmt.Loop(new Label("group_add_rest"), new Expr.Compare(CmpOp.LT, kr, size),
                new ArrayList<>(List.of(addTo(acc.getFirst(), new Expr.Load(b, kr)))),
                new ArrayList<>(List.of(new Stmt.Assign(k, add(kr, Expr.Const.i32(1)))))));
        List<Expr> level = new ArrayList<>();
        for (Var s : acc) level.add(new Expr.Read(s));
        while (level.size() > 1) {
            List<Expr> next = new ArrayList<>();
            for (int j = 0; j < level.size(); j += 2) next.add(new Expr.Binary(BinOp.ADD, level.get(j), level.get(j + 1)));
            level = next;
        }
        first.add(new Stmt.Eval(new Expr.Atomic(AtomicOp.ADD, a.base(), a.index(), List.of(level.getFirst()), a.at())));
        out.add(new Stmt.If(isFirst, first, new ArrayList<>()));
    }

    private static Expr isZero(Expr e) {
        return new Expr.Compare(CmpOp.EQ, e, Expr.Const.i32(0));
    }

    private static Stmt addTo(Var s, Expr v) {
        return new Stmt.Assign(s, new Expr.Binary(BinOp.ADD, new Expr.Read(s), v));
    }

    private static Expr item(WorkItemFn fn, int dim) {
        return new Expr.WorkItem(fn, dim);
    }

    private static Expr add(Expr a, Expr b) {
        return new Expr.Binary(BinOp.ADD, a, b);
    }

    private static Expr mul(Expr a, Expr b) {
        return new Expr.Binary(BinOp.MUL, a, b);
    }

    // ------------------------------------------------------------------ the conditions

    /** Indices of the kernel's top-level statements this pass rewrites. */
    private static List<Integer> eligible(Function k) {
        List<Integer> sites = new ArrayList<>();
        Set<Var> uniform = null;
        Set<Var> read = null;
        boolean mayHaveLeft = false;
        for (int i = 0; i < k.body().size() && !mayHaveLeft; i++) {
            Stmt s = k.body().get(i);
            Expr.Atomic a = atomicOf(s);
            if (a != null && a.op() == AtomicOp.ADD && isSummable(a.scalar())) {
                if (uniform == null) {
                    uniform = uniformVars(k);
                    read = readVars(k);
                }
                boolean resultUnused = s instanceof Stmt.Eval || (s instanceof Stmt.Assign as && !read.contains(as.var()));
                if (resultUnused && isFixedView(k, a.base()) && isUniform(a.index(), uniform)) sites.add(i);
            }
            mayHaveLeft = canReturn(s);
        }
        return sites;
    }

    private static boolean isSummable(Scalar t) {
        return t == Scalar.I32 || t == Scalar.I64 || t == Scalar.F32 || t == Scalar.F64;
    }

    private static Expr.Atomic atomicOf(Stmt s) {
        Expr e = switch (s) {
            case Stmt.Eval v -> v.expr();
            case Stmt.Assign a -> a.value();
            default -> null;
        };
        return e instanceof Expr.Atomic a ? a : null;
    }

    /** A global view parameter of the kernel that no statement reassigns. */
    private static boolean isFixedView(Function k, Expr base) {
        if (!(base instanceof Expr.Read r) || !(r.var().type() instanceof PtrType p) || p.space() != AddressSpace.GLOBAL) {
            return false;
        }
        boolean param = k.params().stream().anyMatch(x -> x.var() == r.var());
        return param && !assigned(k.body()).contains(r.var());
    }

    private static boolean canReturn(Stmt s) {
        boolean[] found = {false};
        Features.forEachStmt(List.of(s), x -> {
            if (x instanceof Stmt.Return) found[0] = true;
        }, e -> { });
        return found[0];
    }

    private static Set<Var> assigned(List<Stmt> body) {
        Set<Var> out = new HashSet<>();
        Features.forEachStmt(body, s -> {
            if (s instanceof Stmt.Assign a) out.add(a.var());
        }, e -> { });
        return out;
    }

    private static Set<Var> readVars(Function k) {
        Set<Var> out = new HashSet<>();
        Features.forEachStmt(k.body(), s -> { }, e -> {
            if (e instanceof Expr.Read r) out.add(r.var());
        });
        return out;
    }

    /**
     * Scalars with one value across a group: parameters and locals whose every assignment is a
     * top-level statement of a uniform value (iterated, as one such variable may feed another).
     */
    private static Set<Var> uniformVars(Function k) {
        Set<Var> nested = new HashSet<>();
        for (Stmt s : k.body()) {
            if (!(s instanceof Stmt.Assign)) nested.addAll(assigned(List.of(s)));
        }
        Set<Var> uniform = new HashSet<>();
        for (Param p : k.params()) if (p.var().type() instanceof Scalar) uniform.add(p.var());
        for (Var v : k.locals()) if (v.type() instanceof Scalar) uniform.add(v);
        uniform.removeAll(nested);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Stmt s : k.body()) {
                if (s instanceof Stmt.Assign a && uniform.contains(a.var()) && !isUniform(a.value(), uniform)) {
                    uniform.remove(a.var());
                    changed = true;
                }
            }
        }
        return uniform;
    }

    /** True when {@code e} has one value across a work-group, given the uniform variables. */
    static boolean isUniform(Expr e, Set<Var> uniform) {
        return switch (e) {
            case Expr.Const c -> true;
            case Expr.Read r -> uniform.contains(r.var());
            case Expr.WorkItem w -> w.fn() != WorkItemFn.GLOBAL_ID && w.fn() != WorkItemFn.LOCAL_ID;
            case Expr.Unary u -> isUniform(u.operand(), uniform);
            case Expr.Binary b -> isUniform(b.left(), uniform) && isUniform(b.right(), uniform);
            case Expr.Compare c -> isUniform(c.left(), uniform) && isUniform(c.right(), uniform);
            case Expr.Logic l -> isUniform(l.left(), uniform) && isUniform(l.right(), uniform);
            case Expr.Convert c -> isUniform(c.operand(), uniform);
            case Expr.Bitcast c -> isUniform(c.operand(), uniform);
            case Expr.Select s -> isUniform(s.cond(), uniform) && isUniform(s.ifTrue(), uniform) && isUniform(s.ifFalse(), uniform);
            case Expr.MathCall m -> m.args().stream().allMatch(x -> isUniform(x, uniform));
            case Expr.Load l -> false;
            case Expr.Call c -> false;
            case Expr.Atomic a -> false;
        };
    }
}
