package org.jdpx.tensor.fusion;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jdpx.device.Device;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.ShortArray;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.Inliner;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.usm.UsmMemory;

/**
 * Writes one kernel for a graph through the kernels module's {@link IrBuilder}: parameters
 * for every memory, offset, stride and scalar the graph reads (in a fixed order), a prologue
 * combining reduction partials, the work-item's loop over its share of the index space, and
 * the graph evaluated once per element with shared nodes computed once. Alongside the IR it
 * records the launch arguments and a structural key: two graphs with equal keys get the same
 * kernel whatever their values, sizes and offsets.
 */
final class KernelWriter {
    private final IrBuilder b;
    private final Lowering low;
    private final Schedule.Mode mode;
    private final StringBuilder key = new StringBuilder();
    private final List<Object> args = new ArrayList<>();
    /** Per argument: the memory or scalar vertex it was made from ({@link MemoryArg}, {@link Node.Scalar}), else null. */
    private final List<Object> sources = new ArrayList<>();
    private final Map<UsmMemory, Var> views = new IdentityHashMap<>();
    private final Map<UsmMemory, Map<String, Access>> leaves = new IdentityHashMap<>();
    private final List<Access> accesses = new ArrayList<>();
    private final Map<Node, Var> values = new IdentityHashMap<>();
    private final Map<Node, Var> combined = new IdentityHashMap<>();
    private final List<Function> helpers = new ArrayList<>();
    private final Scalar ix;
    private final Device device;
    private boolean onePerItem;
    /** With {@link #onePerItem}: the launch has exactly as many work-items as elements, so no bounds test. */
    private boolean exactItems;
    private Space space;
    private Var linear;
    private Var[] coords;

    /** Where a leaf's element sits: a base (per work-item) plus the inner part. */
    private record Access(Var view, Var base, char mode, Var[] innerStrides) {
    }

    /** A view argument's memory and the storage type it is seen as. */
    record MemoryArg(UsmMemory memory, Scalar storage) {
    }

    private static final AtomicLong BUILT = new AtomicLong();

    KernelWriter(String name, Schedule.Mode mode, Device device) {
        BUILT.incrementAndGet();
        this.device = device;
        this.b = IrBuilder.kernel(name);
        this.low = new Lowering(b);
        this.mode = mode;
        // Chunked loops index in long, so the JVM's JIT sees addresses linear in the loop variable.
        this.ix = mode == Schedule.Mode.CHUNKED ? Scalar.I64 : Scalar.I32;
        key.append(mode).append('|');
    }

    Function function() { return b.build(); }

    List<Object> arguments() { return args; }

    /** What each argument was made from, by position: a {@link MemoryArg}, a {@link Node.Scalar} or null (a value of the structure). */
    List<Object> sources() { return sources; }

    /** Kernel IRs written since the JVM started (a repeated launch of a known graph writes none, {@link LaunchMemo}). */
    static long built() { return BUILT.get(); }

    String key() { return key.toString(); }

    // ---- parameters ----

    private Var viewOf(UsmMemory memory, DType dtype) {
        return views.computeIfAbsent(memory, m -> {
            Scalar s = Lowering.storage(dtype);
            int idx = args.size();
            args.add(viewArgument(m, s));
            sources.add(new MemoryArg(m, s));
            key.append("v").append(s).append(',');
            return b.view("m" + idx, s, idx);
        });
    }

    private Var intParam(String name, long value) {
        int idx = args.size();
        args.add(Math.toIntExact(value));
        sources.add(null);
        return b.value(name + idx, int.class, idx);
    }

    /** An index-typed parameter (element counts, offsets, strides, extents). */
    private Var indexParam(String name, long value) {
        if (ix == Scalar.I32) return intParam(name, value);
        int idx = args.size();
        args.add(value);
        sources.add(null);
        return b.value(name + idx, long.class, idx);
    }

    private Expr toIx(Expr e) {
        return b.convert(ix, e);
    }

    private Expr ixConst(long v) {
        return ix == Scalar.I64 ? b.i64(v) : b.i32((int) v);
    }

    private Var scalarParam(DType t, double d, long l, Node.Scalar from) {
        int idx = args.size();
        args.add(scalarValue(t, d, l));
        sources.add(from);
        Class<?> java = switch (Lowering.compute(t)) {
            case F32 -> float.class;
            case F64 -> double.class;
            case I64 -> long.class;
            default -> int.class;
        };
        return b.value("s" + idx, java, idx);
    }

    /** A scalar's kernel argument: its value in the register form of {@code t}. */
    static Object scalarValue(DType t, double d, long l) {
        return switch (Lowering.compute(t)) {
            case F32 -> (float) d;
            case F64 -> d;
            case I64 -> l;
            default -> (int) l;
        };
    }

    /** A kernel-view argument spanning the whole allocation (offsets are passed separately). */
    static ArrayView viewArgument(UsmMemory m, Scalar s) {
        long n = m.byteSize() / s.bytes();
        return switch (s) {
            case I8 -> ByteArray.on(m, n);
            case I16, U16 -> ShortArray.on(m, n);
            case I32 -> IntArray.on(m, n);
            case I64 -> LongArray.on(m, n);
            case F32 -> FloatArray.on(m, n);
            case F64 -> DoubleArray.on(m, n);
            default -> throw new IllegalArgumentException(s.toString());
        };
    }

    // ---- the index space ----

    /**
     * Opens the kernel over {@code space}: declares its extents and the outer coordinates of
     * work-item {@code outerIndex}; the caller then declares leaves and runs {@link #loop}.
     */
    void enter(Space space, Expr outerIndex) {
        this.space = space;
        key.append("r").append(space.shape().length).append("o").append(java.util.Arrays.toString(space.outer()))
                .append('|');
        coords = new Var[space.shape().length];
        if (space.outer().length > 0) unravel(space.outer(), toIx(outerIndex));
    }

    /** Splits a C-order linear index over {@code axes} into their coordinates ({@link #coords}). */
    private void unravel(int[] axes, Expr linearIndex) {
        Expr rem = linearIndex;
        for (int k = axes.length - 1; k >= 0; k--) {
            int a = axes[k];
            Var c = coords[a] != null ? coords[a] : b.local("c" + a, ix);
            coords[a] = c;
            if (k == 0) {
                b.assign(c, rem);
            } else {
                Var ext = indexParam("e", space.shape()[a]);
                b.assign(c, b.binary(BinOp.REM, rem, b.read(ext)));
                rem = b.div(rem, b.read(ext));
            }
        }
    }

    /** Base index of a leaf (offset + outer coordinates); how its inner part is found. */
    private Access access(Node.Leaf leaf) {
        long[] strides = Shapes.broadcastStrides(leaf.view().shape(), leaf.view().strides(), space.shape());
        String id = leaf.view().offset() + java.util.Arrays.toString(strides);
        Map<String, Access> ofMemory = leaves.computeIfAbsent(leaf.memory(), m -> new LinkedHashMap<>());
        Access known = ofMemory.get(id);
        if (known != null) return known;
        Var view = viewOf(leaf.memory(), leaf.dtype());
        // A base is the element index of the work-item's first inner element, never negative.
        Var base = b.nonNegativeLocal("b" + accesses.size(), ix);
        Expr e = b.read(indexParam("off", leaf.view().offset()));
        StringBuilder used = new StringBuilder();
        for (int a : space.outer()) {
            boolean moves = strides[a] != 0 && space.shape()[a] != 1;
            used.append(moves ? '1' : '0');
            if (moves) {
                e = b.add(e, b.mul(b.read(coords[a]), b.read(indexParam("st", strides[a]))));
            }
        }
        // Which outer strides became parameters is structure: it must be part of the key.
        key.append("o").append(used);
        b.assign(base, e);
        char m = space.innerIsConstant(strides) ? 'Z' : space.innerIsLinear(strides) ? 'C' : 'S';
        Var[] inner = null;
        if (m == 'S') {
            inner = new Var[space.shape().length];
            for (int a : space.inner()) inner[a] = indexParam("st", strides[a]);
        }
        key.append("L").append(m).append(views.size()).append(',');
        Access acc = new Access(view, base, m, inner);
        ofMemory.put(id, acc);
        accesses.add(acc);
        return acc;
    }

    /** Declares leaves and combines reachable from {@code n} (before the loop, so bases are hoisted). */
    void prepare(Node n) {
        switch (n) {
            case Node.Leaf l -> access(l);
            case Node.Combine c -> { if (!combined.containsKey(c)) combined.put(c, combine(c)); }
            case Node.Scalar s -> values.computeIfAbsent(s, x -> scalarParam(s.dtype(), s.doubleValue(), s.longValue(), s));
            case Node.Cast c -> prepare(c.input());
            case Node.Op o -> o.inputs().forEach(this::prepare);
            case Node.Call c -> c.inputs().forEach(this::prepare);
        }
    }

    /** Folds a reduction's partials into one value, once per work-item. */
    private Var combine(Node.Combine c) {
        DType t = c.dtype();
        Var view = viewOf(c.partials(), t);
        Var parts = intParam("p", c.parts());
        Var acc = low.temp(Lowering.compute(t));
        Var k = low.temp(Scalar.I32);
        key.append("K").append(c.op()).append(c.op() == ReduceOp.SUM && t.isFloat() ? "k" : "").append(',');
        b.assign(acc, low.fromStorage(t, b.load(b.read(view), b.i32(0))));
        b.assign(k, b.i32(1));
        if (c.op() == ReduceOp.SUM && t.isFloat()) {
            // Compensated (Kahan) addition: hundreds of partials near 2^24 would otherwise round in float32.
            Var comp = low.temp(Lowering.compute(t));
            Var y = low.temp(Lowering.compute(t));
            Var sum = low.temp(Lowering.compute(t));
            b.assign(comp, low.zero(t));
            b.loop(b.compare(CmpOp.LT, b.read(k), b.read(parts)), () -> b.assign(k, b.add(b.read(k), b.i32(1))), l -> {
                b.assign(y, b.sub(low.fromStorage(t, b.load(b.read(view), b.read(k))), b.read(comp)));
                b.assign(sum, b.add(b.read(acc), b.read(y)));
                b.assign(comp, b.sub(b.sub(b.read(sum), b.read(acc)), b.read(y)));
                b.assign(acc, b.read(sum));
            });
            return acc;
        }
        b.loop(b.compare(CmpOp.LT, b.read(k), b.read(parts)), () -> b.assign(k, b.add(b.read(k), b.i32(1))),
                l -> low.accumulate(c.op(), t, acc, low.fromStorage(t, b.load(b.read(view), b.read(k)))));
        return acc;
    }

    /**
     * The work-item's loop over inner indices {@code [0, count)}: chunked (work-item {@code part}
     * takes a contiguous block of {@code chunk}) or strided (it takes every {@code parts}-th).
     */
    void loop(Expr part, Expr parts, long count, long chunk, Runnable body) {
        loop(part, parts, count, chunk, 1, u -> body.run());
    }

    /**
     * The same loop with a chunked body repeated {@code unroll} times per step (for independent
     * accumulators); {@code body} receives the copy number, the tail runs copy 0.
     */
    void loop(Expr part, Expr parts, long count, long chunk, int unroll, java.util.function.IntConsumer body) {
        loop(part, parts, count, chunk, unroll, body, null);
    }

    /**
     * The same loop with each step in two phases: {@code body} for every copy, then {@code commit}
     * for every copy (the tail runs both for copy 0; null: no commit phase). Stores in
     * {@code commit} come after all of a step's loads, so a CPU compiler may pack the copies into
     * vector operations, which it cannot do when a store (perhaps aliasing) separates the loads.
     */
    void loop(Expr part, Expr parts, long count, long chunk, int unroll, java.util.function.IntConsumer body,
              java.util.function.IntConsumer commit) {
        Var n = indexParam("n", count);
        Var i = b.local("i", ix);
        Var end = b.local("end", ix);
        key.append("u").append(unroll).append('|');
        if (mode == Schedule.Mode.CHUNKED) {
            Var ch = indexParam("chunk", chunk);
            b.assign(i, b.mul(toIx(part), b.read(ch)));
            b.assign(end, b.select(b.compare(CmpOp.LT, b.sub(b.read(n), b.read(i)), b.read(ch)), b.read(n),
                    b.add(b.read(i), b.read(ch))));
            if (unroll > 1) {
                Var li = b.local("li", ix);
                linear = li;
                b.loop(b.compare(CmpOp.LT, b.add(b.read(i), ixConst(unroll - 1)), b.read(end)),
                        () -> b.assign(i, b.add(b.read(i), ixConst(unroll))), l -> {
                            for (int u = 0; u < unroll; u++) {
                                b.assign(li, b.add(b.read(i), ixConst(u)));
                                int copy = u;
                                inner(() -> body.accept(copy));
                            }
                            for (int u = 0; commit != null && u < unroll; u++) {
                                b.assign(li, b.add(b.read(i), ixConst(u)));
                                int copy = u;
                                inner(() -> commit.accept(copy));
                            }
                        });
            }
            linear = i;
            b.loop(b.compare(CmpOp.LT, b.read(i), b.read(end)), () -> b.assign(i, b.add(b.read(i), ixConst(1))),
                    l -> inner(() -> both(body, commit)));
        } else if (onePerItem) {
            // No loop at all: a CPU OpenCL driver vectorizes across work-items only when the
            // kernel body has no inner loop.
            linear = i;
            b.assign(i, part);
            if (exactItems) {
                // No bounds test either: PoCL then vectorizes the body without masked loads and stores.
                inner(() -> both(body, commit));
            } else {
                b.ifThen(b.compare(CmpOp.LT, b.read(i), b.read(n)), () -> inner(() -> both(body, commit)));
            }
        } else {
            linear = i;
            b.assign(i, part);
            b.assign(end, b.read(n));
            b.loop(b.compare(CmpOp.LT, b.read(i), b.read(end)), () -> b.assign(i, b.add(b.read(i), parts)),
                    l -> inner(() -> both(body, commit)));
        }
    }

    private static void both(java.util.function.IntConsumer body, java.util.function.IntConsumer commit) {
        body.accept(0);
        if (commit != null) commit.accept(0);
    }

    private void inner(Runnable body) {
        values.keySet().removeIf(n -> !(n instanceof Node.Scalar));
        boolean strided = accesses.stream().anyMatch(a -> a.mode() == 'S');
        if (strided && space.inner().length > 0) unravel(space.inner(), b.read(linear));
        body.run();
    }

    /** The current element's index for a leaf. */
    private Expr index(Access a) {
        return switch (a.mode()) {
            case 'Z' -> b.read(a.base());
            case 'C' -> b.add(b.read(a.base()), b.read(linear));
            default -> {
                Expr e = b.read(a.base());
                for (int ax : space.inner()) {
                    if (a.innerStrides()[ax] != null) e = b.add(e, b.mul(b.read(coords[ax]), b.read(a.innerStrides()[ax])));
                }
                yield e;
            }
        };
    }

    /** The linear inner index of the current element (for arg reductions). */
    Expr linearIndex() { return b.read(linear); }

    /** Evaluates {@code n} at the current element, in register form of its dtype. */
    Expr eval(Node n) {
        Var known = values.get(n);
        if (known != null) {
            key.append('#').append(known.name()).append(' ');
            return b.read(known);
        }
        Expr e = switch (n) {
            case Node.Leaf l -> {
                Access a = access(l);
                // The dtype too: bool, int8 and uint8 share a storage type but load differently.
                key.append('a').append(accesses.indexOf(a)).append(':').append(l.dtype()).append(' ');
                yield low.fromStorage(l.dtype(), b.load(b.read(a.view()), index(a)));
            }
            case Node.Combine c -> {
                Var v = combined.get(c);
                key.append('#').append(v.name()).append(' ');
                yield b.read(v);
            }
            case Node.Scalar s -> throw new IllegalStateException("scalar not prepared");
            case Node.Cast c -> {
                key.append("C").append(c.input().dtype()).append('>').append(c.dtype()).append('(');
                Expr in = eval(c.input());
                key.append(')');
                yield low.cast(c.input().dtype(), c.dtype(), in);
            }
            case Node.Op o -> op(o);
            case Node.Call c -> call(c);
        };
        if (n instanceof Node.Leaf || n instanceof Node.Combine) return e;
        Var v = low.temp(Lowering.compute(n.dtype()));
        b.assign(v, e);
        values.put(n, v);
        return b.read(v);
    }

    private Expr op(Node.Op o) {
        DType t = operandType(o);
        key.append(o.op()).append(':').append(o.dtype()).append(':').append(t).append('(');
        List<Expr> in = new ArrayList<>();
        for (int k = 0; k < o.inputs().size(); k++) {
            Node x = o.inputs().get(k);
            boolean condition = o.op().isLogical() || (o.op() == ElementOp.WHERE && k == 0);
            DType want = condition ? DType.BOOL : t;
            key.append(x.dtype()).append(' ');
            in.add(low.cast(x.dtype(), want, eval(x)));
        }
        key.append(')');
        Expr r = low.apply(o.op(), t, in);
        // NumPy's float16 loops compute in float32 and round every result to half.
        return o.dtype() == DType.FLOAT16 ? HalfLowering.round(low, r) : r;
    }

    /** A user function: inputs converted to its parameter dtypes, its body inlined ({@link Inliner}). */
    private Expr call(Node.Call c) {
        ScalarFunction f = c.function();
        key.append('F').append(f.key()).append('(');
        List<Expr> in = new ArrayList<>();
        for (int k = 0; k < c.inputs().size(); k++) {
            Node x = c.inputs().get(k);
            key.append(x.dtype()).append(' ');
            in.add(low.cast(x.dtype(), f.params()[k], eval(x)));
        }
        key.append(')');
        return inline(f.compiled(), in, Map.of(), f.result());
    }

    /**
     * Inlines a compiled user function here and returns its result in register form of
     * {@code result}; the function's helpers join the kernel's module.
     */
    Expr inline(org.jdpx.kernels.frontend.Frontend.FunctionResult fn, List<Expr> args, Map<Var, Expr> extra, DType result) {
        for (Function h : fn.helpers()) if (!helpers.contains(h)) helpers.add(h);
        Expr r = Inliner.inline(b, fn.function(), args, extra);
        return result == DType.BOOL ? low.boolValue(low.truthy(DType.INT32, r)) : low.normalize(result, r);
    }

    /** Helper functions the kernel calls, callees first. */
    List<Function> helpers() { return helpers; }

    /**
     * The dtype an op's operands were converted to, recovered from its inputs and result (a
     * comparison's promoted float64 is float32 on a device without fp64, as Elementwise chose it).
     */
    private DType operandType(Node.Op o) {
        if (o.op().isLogical()) return DType.BOOL;
        if (o.op() == ElementOp.WHERE) return o.dtype();
        if (o.dtype() != DType.BOOL) return o.dtype();
        DType t = null;
        for (Node x : o.inputs()) t = t == null ? x.dtype() : org.jdpx.tensor.Promotion.result(t, x.dtype());
        return org.jdpx.tensor.DTypes.forDevice(t, device, false);
    }

    /** {@code out[index] = v} for an output described as a leaf. */
    void store(Node.Leaf out, Expr v) {
        key.append("s:").append(out.dtype()).append(' ');
        Access a = access(out);
        b.store(b.read(a.view()), index(a), low.toStorage(out.dtype(), v));
    }

    /** Stores at a plain element index of an output memory. */
    void storeAt(UsmMemory out, DType t, Expr index, Expr v) {
        b.store(b.read(viewOf(out, t)), index, low.toStorage(t, v));
    }

    /** Loads a plain element index of a memory (register form of {@code t}). */
    Expr loadAt(UsmMemory in, DType t, Expr index) {
        return low.fromStorage(t, b.load(b.read(viewOf(in, t)), index));
    }

    /**
     * Runs {@code body} at the inner index held in {@code index}, outside {@link #loop}: for
     * kernels whose work-items must all reach the same barriers, so the caller guards the range.
     */
    void at(Var index, Runnable body) {
        linear = index;
        inner(body);
    }

    Lowering lowering() { return low; }

    Device device() { return device; }

    IrBuilder builder() { return b; }

    Var param(String name, long value) { return intParam(name, value); }

    /** An index-typed parameter (I32 or I64 as the schedule indexes). */
    Var index(String name, long value) { return indexParam(name, value); }

    /** The kernel parameter of {@code memory} seen as elements of {@code t} (one per memory). */
    Var view(UsmMemory memory, DType t) { return viewOf(memory, t); }

    /** A scalar parameter holding {@code value} in register form of {@code t}. */
    Var scalar(DType t, double value) { return scalarParam(t, value, (long) value, null); }

    Expr globalId() { return b.globalId(0); }

    Expr globalSize() { return b.workItem(WorkItemFn.GLOBAL_SIZE, 0); }

    /**
     * Strided mode with at least as many work-items as elements: each handles at most one.
     *
     * @param exact whether the launch has exactly as many work-items as elements (the CPU plan's
     *              elementwise launches), so the kernel needs no bounds test; the caller must then
     *              launch exactly that many
     */
    void onePerItem(boolean exact) {
        onePerItem = true;
        exactItems = exact;
        key.append(exact ? "one=|" : "one|");
    }

    /** Adds free text to the structural key (kernel kind, reduction op). */
    void keyPart(String s) { key.append(s).append('|'); }
}
