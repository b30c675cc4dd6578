package org.jdpx.kernels.jvm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;

/**
 * The lane program of a kernel the java device can run a block of work-items at a time
 * ({@link LaneKernels}): what the kernel does to one item, as operations on registers that hold
 * one float or double per item of a block.
 *
 * <p>Which kernels: a body of straight-line statements (no loop, barrier, helper call or local
 * memory) whose values are float32 or float64 and whose memory accesses read and write float or
 * double views at an index that moves with a global id ({@code a.get(i, j)}, {@code c.set(i, v)}):
 * each index is an int or long expression of global ids, global sizes, constants, by-value
 * arguments and the views' hidden strides, in which global ids are only added, subtracted and
 * multiplied by values that do not depend on them. Branches may test such int values (a stencil's
 * {@code if (i == 0 || j == n - 1)}, a guard {@code if (i >= n) return;}): an {@code if} that ends
 * the body forks it into two paths, one whose branch only returns ends a path that does nothing,
 * and each path is a lane program of its own with the {@link #guards} under which an item takes
 * it ({@link LaneSchedule} cuts each row of the launch where the guards change). The only atomics
 * allowed are the float or double adds of a {@link LaunchSums launch sum}. Everything else about
 * the launch (the strides, that one global id steps through consecutive elements, the bounds) is
 * checked when it runs ({@link LaneIndex}).
 */
final class LanePlan {

    /**
     * An access of element {@code index} (an IR expression of launch values and global ids) of a
     * view parameter, the kernel's parameter number {@code slot}.
     */
    record Access(Param view, int slot, Scalar elem, Expr index) {
        /** The view's position among the kernel's user arguments. */
        int argIndex() {
            return ((ParamKind.View) view.kind()).argIndex();
        }
    }

    /** A register holding, in every lane, a value that is the same for the whole launch. */
    record Fill(int reg, Expr value) {
    }

    /** One operation over the lanes of a block. */
    sealed interface Op permits Load, Store, Bin, Unary, Fma, Widen, Narrow, Sum {
    }

    /** {@code dst = view[index]} per item. */
    record Load(int dst, int access) implements Op {
    }

    /** {@code view[index] = src} per item. */
    record Store(int access, int src) implements Op {
    }

    /** {@code dst = a op b}: ADD, SUB, MUL or DIV. */
    record Bin(BinOp op, int dst, int a, int b) implements Op {
    }

    /** {@code dst = fn(a)}. */
    record Unary(Fn fn, int dst, int a) implements Op {
        /** The one-operand operations a lane program has. */
        enum Fn { NEG, ABS, SQRT }
    }

    /** {@code dst = fma(a, b, c)}, one rounding. */
    record Fma(int dst, int a, int b, int c) implements Op {
    }

    /** {@code dst = (double) a}. */
    record Widen(int dst, int a) implements Op {
    }

    /** {@code dst = (float) a}. */
    record Narrow(int dst, int a) implements Op {
    }

    /** Adds each item's {@code src} to the launch sum. */
    record Sum(int src) implements Op {
    }

    /** A condition an item's values make {@code holds} on this path. */
    record Guard(Expr cond, boolean holds) {
    }

    /** Why a kernel has no lane program; it then runs one item at a time. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    final String kernel;
    final List<Param> params;
    /** Each parameter's variable and its position in {@link #params}. */
    final Map<Var, Integer> paramIndex;
    final List<Op> ops = new ArrayList<>();
    final List<Access> accesses = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    /** The element type of each register. */
    final List<Scalar> registers = new ArrayList<>();
    /** The launch sum the {@link Sum} operations add to; null without one. */
    final LaunchSums.Site sum;
    /** What must hold for an item to take this path, in the order the kernel tests it (none without branches). */
    final List<Guard> guards = new ArrayList<>();

    private final Map<Var, Object> values = new HashMap<>();
    private final Map<Var, Param> paramOf = new HashMap<>();

    private LanePlan(Function k, LaunchSums.Site sum) {
        this.kernel = k.name();
        this.params = List.copyOf(k.params());
        this.sum = sum;
        Map<Var, Integer> index = new HashMap<>();
        for (int i = 0; i < params.size(); i++) {
            paramOf.put(params.get(i).var(), params.get(i));
            index.put(params.get(i).var(), i);
        }
        this.paramIndex = Map.copyOf(index);
    }

    /** The most paths a kernel's branches may make; more run one item at a time. */
    static final int MAX_PATHS = 8;

    /** A path's copy of {@code from}, taken where the path learns that {@code guard} holds. */
    private LanePlan(LanePlan from, Guard guard) {
        this.kernel = from.kernel;
        this.params = from.params;
        this.paramIndex = from.paramIndex;
        this.sum = from.sum;
        this.paramOf.putAll(from.paramOf);
        this.values.putAll(from.values);
        this.ops.addAll(from.ops);
        this.accesses.addAll(from.accesses);
        this.fills.addAll(from.fills);
        this.registers.addAll(from.registers);
        this.guards.addAll(from.guards);
        this.guards.add(guard);
    }

    /**
     * The lane programs of {@code module}'s kernel, one per path through its branches (one for a
     * kernel without branches), each with the {@link #guards} under which an item takes it.
     *
     * @throws Refused naming what keeps the kernel out of lanes
     */
    static List<LanePlan> of(KernelModule module) throws Refused {
        if (!module.helpers().isEmpty()) throw new Refused("it calls helper methods");
        Function k = module.kernel();
        LaunchSums.Site sum = LaunchSums.site(module);
        if (sum != null && !sum.type().isFloat()) throw new Refused("its atomics add integers");
        for (Param p : k.params()) {
            if (p.kind() instanceof ParamKind.LocalBuffer) throw new Refused("it takes local memory");
        }
        List<LanePlan> paths = new ArrayList<>();
        new LanePlan(k, sum).body(k.body(), paths);
        if (paths.stream().allMatch(p -> p.accesses.isEmpty())) throw new Refused("it reads and writes no view element by global id");
        return List.copyOf(paths);
    }

    /**
     * Adds this path's statements {@code body} and then the path to {@code paths}; an {@code if}
     * that ends the body forks the path in two, and an {@code if} whose branch only returns
     * ({@code if (i >= n) return;}) ends the items that take it as a path that does nothing.
     */
    private void body(List<Stmt> body, List<LanePlan> paths) throws Refused {
        for (int i = 0; i < body.size(); i++) {
            Stmt s = body.get(i);
            boolean last = i == body.size() - 1
                    || i == body.size() - 2 && body.getLast() instanceof Stmt.Return r && r.value() == null;
            if (s instanceof Stmt.Return r && r.value() == null && i == body.size() - 1) break;
            if (s instanceof Stmt.If f) {
                Expr c = condition(f.cond());
                if (last) {
                    new LanePlan(this, new Guard(c, true)).body(f.then(), paths);
                    new LanePlan(this, new Guard(c, false)).body(f.otherwise(), paths);
                    if (paths.size() > MAX_PATHS) throw new Refused("its branches make more than " + MAX_PATHS + " paths");
                    return;
                }
                boolean thenReturns = returnsOnly(f.then()) && f.otherwise().isEmpty();
                boolean elseReturns = returnsOnly(f.otherwise()) && f.then().isEmpty();
                if (!thenReturns && !elseReturns) throw new Refused("statements follow an if that does not end the kernel");
                paths.add(new LanePlan(this, new Guard(c, thenReturns)));
                guards.add(new Guard(c, !thenReturns));
                continue;
            }
            statement(s);
        }
        paths.add(this);
    }

    private static boolean returnsOnly(List<Stmt> body) {
        return body.size() == 1 && body.getFirst() instanceof Stmt.Return r && r.value() == null;
    }

    /**
     * A branch condition with locals replaced: comparisons of int, long or launch float values,
     * {@code &&}, {@code ||} and {@code !} of them. Global ids may appear, as in indices.
     */
    private Expr condition(Expr e) throws Refused {
        return switch (e) {
            case Expr.Const c when c.type() == Scalar.BOOL -> c;
            case Expr.Logic l -> new Expr.Logic(l.and(), condition(l.left()), condition(l.right()));
            case Expr.Unary u when u.op() == UnOp.NOT -> new Expr.Unary(UnOp.NOT, condition(u.operand()));
            case Expr.Compare c -> {
                if (isLane(c.left()) || isLane(c.right())) throw new Refused("it branches on values it reads from memory");
                Expr l = scalar(c.left()), r = scalar(c.right());
                if (l.type() != r.type()) throw new Refused("it compares " + l.type() + " with " + r.type());
                yield new Expr.Compare(c.op(), l, r);
            }
            default -> throw new Refused("it branches on " + describe(e));
        };
    }

    private void statement(Stmt s) throws Refused {
        switch (s) {
            case Stmt.Assign a -> {
                if (!(a.var().type() instanceof Scalar t) || !LANE_OR_INDEX.contains(t)) {
                    throw new Refused("it assigns " + a.var().name() + " of type " + a.var().type());
                }
                values.put(a.var(), isLane(a.value()) ? (Object) lane(a.value()) : scalar(a.value()));
            }
            case Stmt.Store st -> {
                Param p = view(st.base());
                Scalar elem = ((ParamKind.View) p.kind()).elem();
                if (!elem.isFloat()) throw new Refused("it stores " + elem.clName() + " elements");
                Expr index = index(st.index());
                int src = operand(st.value(), elem);
                accesses.add(new Access(p, paramIndex.get(p.var()), elem, index));
                ops.add(new Store(accesses.size() - 1, src));
            }
            case Stmt.Eval e when e.expr() instanceof Expr.Atomic a && sum != null && a.operands().size() == 1 ->
                    ops.add(new Sum(operand(a.operands().getFirst(), sum.type())));
            default -> throw new Refused("it has a " + s.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                    + " statement");
        }
    }

    // ------------------------------------------------------------------ lane values

    /** True for a value that differs between items in a way only lanes can hold: it reads memory. */
    private boolean isLane(Expr e) {
        boolean[] lane = {false};
        Features.expr(e, x -> {
            if (x instanceof Expr.Load || x instanceof Expr.Read r && values.get(r.var()) instanceof Integer) lane[0] = true;
        });
        return lane[0];
    }

    /** The register holding lane value {@code e}, adding the operations that compute it. */
    private int lane(Expr e) throws Refused {
        Scalar t = e.type() instanceof Scalar s ? s : null;
        if (t == null || !t.isFloat()) throw new Refused("it computes per item in " + e.type());
        switch (e) {
            case Expr.Read r -> {
                return (Integer) values.get(r.var());
            }
            case Expr.Load l -> {
                Param p = view(l.base());
                Expr index = index(l.index());
                accesses.add(new Access(p, paramIndex.get(p.var()), t, index));
                int d = register(t);
                ops.add(new Load(d, accesses.size() - 1));
                return d;
            }
            case Expr.Binary b when b.op() == BinOp.ADD || b.op() == BinOp.SUB || b.op() == BinOp.MUL || b.op() == BinOp.DIV -> {
                int x = operand(b.left(), t), y = operand(b.right(), t);
                int d = register(t);
                ops.add(new Bin(b.op(), d, x, y));
                return d;
            }
            case Expr.Unary u when u.op() == UnOp.NEG -> {
                return unary(Unary.Fn.NEG, u.operand(), t);
            }
            case Expr.Convert c when c.operand().type() instanceof Scalar from && from.isFloat() -> {
                int x = operand(c.operand(), from);
                if (from == t) return x;
                int d = register(t);
                ops.add(t == Scalar.F64 ? new Widen(d, x) : new Narrow(d, x));
                return d;
            }
            case Expr.MathCall m when m.fn() == MathFn.SQRT && m.args().size() == 1 -> {
                return unary(Unary.Fn.SQRT, m.args().getFirst(), t);
            }
            case Expr.MathCall m when m.fn() == MathFn.FABS && m.args().size() == 1 -> {
                return unary(Unary.Fn.ABS, m.args().getFirst(), t);
            }
            case Expr.MathCall m when m.fn() == MathFn.FMA && m.args().size() == 3 -> {
                int x = operand(m.args().get(0), t), y = operand(m.args().get(1), t), z = operand(m.args().get(2), t);
                int d = register(t);
                ops.add(new Fma(d, x, y, z));
                return d;
            }
            default -> throw new Refused("it computes per item with " + describe(e));
        }
    }

    private int unary(Unary.Fn fn, Expr operand, Scalar t) throws Refused {
        int x = operand(operand, t);
        int d = register(t);
        ops.add(new Unary(fn, d, x));
        return d;
    }

    /** {@code e} of type {@code t} in a register: its lanes, or the launch value it is in every lane. */
    private int operand(Expr e, Scalar t) throws Refused {
        if (!(e.type() instanceof Scalar s) || s != t) throw new Refused("it mixes " + e.type() + " into " + t + " without a conversion");
        if (isLane(e)) return lane(e);
        Expr v = scalar(e);
        if (dependsOnId(v)) throw new Refused("it uses a global id as a " + t.clName() + " value");
        int r = register(t);
        fills.add(new Fill(r, v));
        return r;
    }

    private int register(Scalar t) {
        registers.add(t);
        return registers.size() - 1;
    }

    // ------------------------------------------------------------------ launch values and indices

    private static final Set<Scalar> LANE_OR_INDEX = Set.of(Scalar.I32, Scalar.I64, Scalar.F32, Scalar.F64);

    /** An element index: an int or long expression that moves with some global id. */
    private Expr index(Expr e) throws Refused {
        Expr x = scalar(e);
        if (!dependsOnId(x)) throw new Refused("it reads or writes one element for every item");
        if (x.type() != Scalar.I32 && x.type() != Scalar.I64) throw new Refused("an index is " + x.type());
        return x;
    }

    /**
     * {@code e} with the kernel's local variables replaced by what they hold: an expression of
     * constants, by-value arguments, hidden view facts and global ids and sizes, in which global
     * ids are only added, subtracted, multiplied by id-free values and widened from int to long.
     */
    private Expr scalar(Expr e) throws Refused {
        if (!(e.type() instanceof Scalar t) || !LANE_OR_INDEX.contains(t)) throw new Refused("it computes in " + e.type());
        return switch (e) {
            case Expr.Const c -> c;
            case Expr.Read r -> {
                Object v = values.get(r.var());
                if (v instanceof Expr x) yield x;
                Param p = paramOf.get(r.var());
                if (v == null && p != null && (p.kind() instanceof ParamKind.Value || p.kind() instanceof ParamKind.ViewInfo)) yield r;
                throw new Refused("it reads " + r.var().name() + " before assigning it");
            }
            case Expr.WorkItem w when w.fn() == WorkItemFn.GLOBAL_ID || w.fn() == WorkItemFn.GLOBAL_SIZE -> w;
            case Expr.Binary b -> {
                Expr l = scalar(b.left()), r = scalar(b.right());
                boolean dl = dependsOnId(l), dr = dependsOnId(r);
                boolean ok = switch (b.op()) {
                    case ADD, SUB -> t.isInt() || !dl && !dr;
                    case MUL -> t.isInt() ? !(dl && dr) : !dl && !dr;
                    case DIV -> !dl && !dr;
                    default -> t.isInt() && !dl && !dr;
                };
                if (!ok) throw new Refused("it computes " + b.op() + " of a global id");
                yield new Expr.Binary(b.op(), l, r);
            }
            case Expr.Unary u when u.op() == UnOp.NEG -> new Expr.Unary(UnOp.NEG, scalar(u.operand()));
            case Expr.MathCall m when t.isFloat() && (m.fn() == MathFn.SQRT || m.fn() == MathFn.FABS || m.fn() == MathFn.FMA)
                    && m.args().size() == m.fn().arity() -> {
                List<Expr> args = new ArrayList<>();
                for (Expr a : m.args()) {
                    Expr x = scalar(a);
                    if (dependsOnId(x) || x.type() != t) throw new Refused("it computes " + m.fn().clName() + " of a global id");
                    args.add(x);
                }
                yield new Expr.MathCall(m.fn(), m.operandType(), args);
            }
            case Expr.Convert c -> {
                Expr o = scalar(c.operand());
                Scalar from = o.scalar();
                if (dependsOnId(o) && from != c.to() && !(from == Scalar.I32 && c.to() == Scalar.I64)) {
                    throw new Refused("it converts a global id to " + c.to().clName());
                }
                yield new Expr.Convert(c.to(), o);
            }
            default -> throw new Refused("it computes with " + describe(e));
        };
    }

    /** True when {@code e} reads a global id. */
    static boolean dependsOnId(Expr e) {
        boolean[] found = {false};
        Features.expr(e, x -> {
            if (x instanceof Expr.WorkItem w && w.fn() == WorkItemFn.GLOBAL_ID) found[0] = true;
        });
        return found[0];
    }

    /** The view parameter {@code base} reads. */
    private Param view(Expr base) throws Refused {
        if (base instanceof Expr.Read r && r.var().type() instanceof PtrType p && p.space() == AddressSpace.GLOBAL) {
            Param param = paramOf.get(r.var());
            if (param != null && param.kind() instanceof ParamKind.View) return param;
        }
        throw new Refused("it addresses memory through " + describe(base));
    }

    private static String describe(Expr e) {
        return switch (e) {
            case Expr.MathCall m -> m.fn().clName();
            case Expr.Binary b -> "operator " + b.op().symbol() + " on " + b.type();
            case Expr.WorkItem w -> w.fn().clName();
            default -> e.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
