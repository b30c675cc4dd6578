package org.jdpx.tensor.fusion;

import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jdpx.device.Device;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.WorkRange;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.usm.UsmMemory;

/**
 * Turns graphs into kernels and launches them on the queue their memory lives on: one
 * elementwise kernel per materialized graph, one reduction kernel per reduction (with the
 * elementwise graph feeding it inside). Kernels are cached by the graph's structural key, so
 * a loop that evaluates the same expression on new data compiles once. Launches are
 * asynchronous on the in-order queue; reading results back waits for them.
 */
public final class FusedKernels {
    private static final Map<String, CompiledKernel> CACHE = new ConcurrentHashMap<>();
    private static final AtomicLong LAUNCHES = new AtomicLong();
    private static final int UNROLL = 8;

    private FusedKernels() {
    }

    /** Kernels launched by tensor operations since the JVM started (for tests and diagnostics). */
    public static long launches() {
        return LAUNCHES.get();
    }

    /** Counts a launch made outside {@link #launch} (the java device's Vector API kernels). */
    static void countLaunch() {
        LAUNCHES.incrementAndGet();
    }

    /**
     * Kernel IRs written for tensor operations since the JVM started: a launch of a graph whose
     * structure, views, dtypes and device were launched before reuses that launch's kernel and
     * writes none (for tests and diagnostics).
     */
    public static long irBuilds() {
        return KernelWriter.built();
    }

    /** Distinct fused kernels compiled so far. */
    public static int cachedKernels() {
        return CACHE.size();
    }

    /**
     * Computes {@code root} into the elements {@code out} describes, as one kernel on
     * {@code queue}'s device.
     *
     * @param why what asked for the value (for diagnostics)
     */
    public static void evaluate(Node root, Node.Leaf out, Queue queue, String why) {
        long n = out.view().size();
        if (n == 0) return;
        checkSize(n);
        if (VectorFusion.evaluate(root, out, queue, why)) return;
        Device device = queue.device();
        if (Schedule.foldPartialsFirst(device, n) && hasCombine(root)) root = foldCombines(root, queue, new IdentityHashMap<>());
        LaunchMemo.Walk walk = new LaunchMemo.Walk(device, 1).node(out).node(root);
        LaunchMemo.Recipe known = LaunchMemo.find(walk);
        if (known != null) {
            known.launch(queue, walk, why);
            return;
        }
        // A complex output is two real outputs (its interleaved parts), written by one kernel.
        ComplexSplit split = new ComplexSplit(device);
        List<Node.Leaf> outs;
        List<Node> roots;
        if (out.dtype().isComplex()) {
            ComplexSplit.Parts p = split.as(root, out.dtype());
            outs = ComplexSplit.outputs(out);
            roots = List.of(p.re(), p.im());
        } else {
            outs = List.of(out);
            roots = List.of(split.real(root.dtype().isComplex() ? new Node.Cast(out.dtype(), root) : root));
        }
        KernelWriter w = new KernelWriter("fused", Schedule.mode(device), device);
        boolean prologue = hasCombine(root);
        long row = prologue ? 0 : rowLength(device, root, out);
        w.keyPart(row > 0 ? "ew-rows" : "ew");
        long[] shape = out.shape();
        if (row > 0) {
            // rows: one item per element, the last axis along dimension 0 and the rows along 1
            boolean[] last = new boolean[shape.length];
            last[shape.length - 1] = true;
            w.enter(Space.reduction(shape, last), w.builder().globalId(1));
        } else {
            w.enter(Space.elementwise(shape), null);
        }
        outs.forEach(w::prepare);
        roots.forEach(w::prepare);
        long items = row > 0 ? row : Schedule.elementwiseItems(device, n, prologue);
        long count = row > 0 ? row : n;
        long chunk = Schedule.ceilDiv(count, items);
        if (items >= count && Schedule.mode(device) == Schedule.Mode.STRIDED) w.onePerItem(items == count);
        w.loop(w.globalId(), w.globalSize(), count, chunk, () -> {
            if (outs.size() == 1) {
                w.store(out, w.lowering().cast(roots.get(0).dtype(), out.dtype(), w.eval(roots.get(0))));
                return;
            }
            // Every part is computed before any is stored: an in-place update reads both parts of its target.
            Var[] parts = new Var[outs.size()];
            for (int k = 0; k < parts.length; k++) {
                Node r = roots.get(k);
                parts[k] = w.lowering().temp(Lowering.compute(outs.get(k).dtype()));
                w.builder().assign(parts[k], w.lowering().cast(r.dtype(), outs.get(k).dtype(), w.eval(r)));
            }
            for (int k = 0; k < parts.length; k++) w.store(outs.get(k), w.builder().read(parts[k]));
        });
        CompiledKernel k = kernel(w);
        WorkRange range = row > 0 ? Range.of(row, n / row) : range(items, Schedule.elementwiseGroup(device));
        launch(queue, k, range, w.arguments().toArray());
        String[] note = {"kernel " + k.name() + " on " + device.filterString() + " [", "]: "
                + FusionDiagnostics.operations(root) + " operations fused, " + n + " elements"
                + (row > 0 ? " in " + n / row + " rows" : "") + ": " + FusionDiagnostics.describe(root)};
        LaunchMemo.remember(walk, w, k, range, note);
        FusionDiagnostics.record(note[0] + why + note[1]);
    }

    /**
     * {@code n} with every reduction still spread over partials ({@link Node.Combine}) replaced
     * by its value, folded by a one-item kernel of its own into a one-element array: what an
     * elementwise kernel with one element per work-item reads instead of folding the partials
     * in every work-item (a loop per element that also keeps a CPU driver from vectorizing
     * across work-items). {@code done} keeps a shared vertex shared: a Combine is folded once, and
     * an operation used twice is rebuilt once.
     */
    private static Node foldCombines(Node n, Queue queue, Map<Node, Node> done) {
        Node known = done.get(n);
        if (known != null) return known; // a shared vertex stays shared, so the kernel computes it once
        Node r = switch (n) {
            case Node.Combine c -> {
                UsmMemory one = UsmMemory.allocate(queue, UsmType.DEVICE, c.dtype().itemSize());
                Node.Leaf value = new Node.Leaf(one, org.jdpx.tensor.View.contiguous(c.shape()), c.dtype());
                evaluate(c, value, queue, "partials of " + c.op().numpyName());
                yield value;
            }
            case Node.Cast c -> new Node.Cast(c.dtype(), foldCombines(c.input(), queue, done));
            case Node.Op o -> new Node.Op(o.op(), o.dtype(), o.shape(),
                    o.inputs().stream().map(i -> foldCombines(i, queue, done)).toList(), o.size());
            case Node.Call c -> new Node.Call(c.function(), c.shape(),
                    c.inputs().stream().map(i -> foldCombines(i, queue, done)).toList(), c.size());
            default -> n;
        };
        done.put(n, r);
        return r;
    }

    /**
     * The result of a reduction kernel: {@code parts} partial values per output in
     * {@code values} (and positions in {@code positions} for argmin/argmax, else null).
     */
    public record Reduced(UsmMemory values, UsmMemory positions, long parts, DType dtype) {
    }

    /**
     * Reduces {@code root} over the axes marked in {@code reduced} on {@code queue}: each output
     * gets {@code parts} partials, in C order of the kept axes. One kernel on the CPU and java
     * plans; on the GPU plan a tree per work-group and, when several groups share an output, a
     * second small kernel folding their results ({@link TreeReduction}), so parts is then 1.
     */
    public static Reduced reduce(ReduceOp op, Node root, boolean[] reduced, Queue queue) {
        return reduce(op, root, reduced, queue, null);
    }

    /**
     * The same, also storing every element of {@code root} into {@code sideOut} (C order, the
     * root's shape) in the same pass: how a lazy input whose math is expensive is computed once
     * for both the reduction and its later readers.
     */
    public static Reduced reduce(ReduceOp op, Node graph, boolean[] reduced, Queue queue, Node.Leaf sideOut) {
        Node root = realGraph(graph, op.numpyName(), queue.device());
        Reduced vector = VectorFusion.reduce(op, root, reduced, queue, sideOut);
        if (vector != null) return vector;
        Device device = queue.device();
        Space space = Space.reduction(root.shape(), reduced);
        long outputs = space.outerSize();
        long inner = space.innerSize();
        checkSize(Math.max(outputs, inner));
        DType acc = op.accumulatorType(root.dtype());
        Schedule.Reduction plan = Schedule.reduction(device, outputs, inner, op.isArg());
        if (plan.shape() == Schedule.Shape.TREE && outputs > 0) {
            return TreeReduction.reduce(op, root, space, acc, plan, queue, sideOut);
        }
        long parts = plan.parts();
        long items = outputs * parts;
        UsmMemory values = UsmMemory.allocate(queue, UsmType.DEVICE, Math.max(1, items) * acc.itemSize());
        UsmMemory positions = op.isArg() ? UsmMemory.allocate(queue, UsmType.DEVICE, Math.max(1, items) * 8) : null;
        if (items == 0) return new Reduced(values, positions, parts, acc);
        LaunchMemo.Walk walk = new LaunchMemo.Walk(device, 2).add(op.ordinal()).flags(reduced).node(root)
                .add(sideOut == null ? 0 : 1).memory(values);
        if (sideOut != null) walk.node(sideOut);
        if (positions != null) walk.memory(positions);
        LaunchMemo.Recipe known = LaunchMemo.find(walk);
        if (known != null) {
            known.launch(queue, walk, op.numpyName());
            return new Reduced(values, positions, parts, acc);
        }
        KernelWriter w = new KernelWriter("reduce", Schedule.reductionMode(device), device);
        w.keyPart("red:" + op + ":" + acc);
        var b = w.builder();
        long launched = plan.group() > 0 ? Schedule.ceilDiv(items, plan.group()) * plan.group() : items;
        if (launched == items) {
            itemLoops(w, op, root, space, acc, parts, values, positions, sideOut);
        } else {
            // Whole groups: the work-items past the last output do nothing.
            w.keyPart("guarded");
            Var count = w.param("items", items);
            b.ifThen(b.compare(org.jdpx.kernels.ir.CmpOp.LT, w.globalId(), b.read(count)),
                    () -> itemLoops(w, op, root, space, acc, parts, values, positions, sideOut));
        }
        CompiledKernel k = kernel(w);
        WorkRange range = range(launched, plan.group());
        launch(queue, k, range, w.arguments().toArray());
        String[] note = {"kernel " + k.name() + " on " + device.filterString() + " [", "]: reduction fused with "
                + FusionDiagnostics.operations(root) + " operations, " + outputs + " outputs x " + inner
                + " elements in " + parts + " parts: " + FusionDiagnostics.describe(root)};
        LaunchMemo.remember(walk, w, k, range, note);
        FusionDiagnostics.record(note[0] + op.numpyName() + note[1]);
        return new Reduced(values, positions, parts, acc);
    }

    /** The body of a reduction whose work-items each loop over their part of one output. */
    private static void itemLoops(KernelWriter w, ReduceOp op, Node root, Space space, DType acc, long parts,
                                  UsmMemory values, UsmMemory positions, Node.Leaf sideOut) {
        Device device = w.device();
        long inner = space.innerSize();
        Lowering low = w.lowering();
        var b = w.builder();
        Var p = w.param("parts", parts);
        w.enter(space, b.div(w.globalId(), b.read(p)));
        if (sideOut != null) {
            w.keyPart("side");
            w.prepare(sideOut);
        }
        w.prepare(root);
        Var part = b.local("part", Scalar.I32);
        b.assign(part, b.binary(org.jdpx.kernels.ir.BinOp.REM, w.globalId(), b.read(p)));
        // Independent accumulators let the loop run several additions at once (reassociation is allowed).
        int unroll = op.isArg() || Schedule.reductionMode(device) != Schedule.Mode.CHUNKED ? 1 : UNROLL;
        Var[] accs = new Var[unroll];
        for (int u = 0; u < unroll; u++) {
            accs[u] = low.temp(Lowering.compute(acc));
            b.assign(accs[u], low.identity(op, acc));
        }
        Var a = accs[0];
        Var pos = op.isArg() ? low.temp(Scalar.I64) : null;
        if (pos != null) b.assign(pos, b.i64(0));
        Var[] kept = new Var[unroll];
        w.loop(b.read(part), b.read(p), inner, Schedule.ceilDiv(inner, parts), unroll, u -> {
            Expr rv = w.eval(root);
            if (sideOut != null) {
                kept[u] = low.temp(Lowering.compute(root.dtype()));
                b.assign(kept[u], rv);
                rv = b.read(kept[u]);
            }
            Expr v = low.cast(root.dtype(), acc, rv);
            if (pos != null) {
                low.accumulateArg(op, acc, a, pos, v, b.convert(Scalar.I64, w.linearIndex()));
            } else {
                low.accumulate(op, acc, accs[u], v);
            }
        }, sideOut == null ? null : u -> w.store(sideOut, b.read(kept[u]))); // after the step's loads: it aliases none
        for (int u = 1; u < unroll; u++) low.accumulate(op, acc, a, b.read(accs[u]));
        if (pos != null) {
            // The first element is the answer when nothing beat the starting value.
            w.storeAt(positions, DType.INT64, w.globalId(), b.read(pos));
        }
        w.storeAt(values, acc, w.globalId(), b.read(a));
    }

    /**
     * Running {@code op} (sum or prod) of {@code root} along {@code axis} into {@code out}: one
     * work-item per line walking it in order, or on the GPU plan block scans by work-groups
     * ({@link BlockScan}), as {@link Schedule#scan} decides.
     */
    public static void scan(ReduceOp op, Node graph, int axis, Node.Leaf out, Queue queue) {
        Node root = realGraph(graph, "cum" + op.numpyName(), queue.device());
        boolean[] along = new boolean[root.shape().length];
        along[axis] = true;
        Space space = Space.reduction(root.shape(), along);
        long lines = space.outerSize();
        long inner = space.innerSize();
        if (lines * inner == 0) return;
        checkSize(lines * inner);
        Device device = queue.device();
        Schedule.Scan plan = Schedule.scan(device, lines, inner);
        if (plan.blocks()) {
            BlockScan.scan(op, root, space, out, plan, queue);
            return;
        }
        DType acc = out.dtype();
        KernelWriter w = new KernelWriter("scan", Schedule.reductionMode(device), device);
        w.keyPart("scan:" + op + ":" + acc);
        Lowering low = w.lowering();
        var b = w.builder();
        w.enter(space, w.globalId());
        w.prepare(out);
        w.prepare(root);
        Var a = low.temp(Lowering.compute(acc));
        b.assign(a, low.identity(op, acc));
        w.loop(b.i32(0), b.i32(1), inner, inner, () -> {
            low.accumulate(op, acc, a, low.cast(root.dtype(), acc, w.eval(root)));
            w.store(out, b.read(a));
        });
        CompiledKernel k = kernel(w);
        launch(queue, k, lines, plan.group(), w);
        FusionDiagnostics.record("kernel " + k.name() + " on " + device.filterString() + " [cum" + op.numpyName()
                + "]: " + lines + " lines of " + inner + ": " + FusionDiagnostics.describe(root));
    }

    /**
     * Whether recomputing {@code n} on {@code device} costs more than storing and re-reading it:
     * it holds a transcendental function, a power or a division (a few cycles per element each,
     * against one extra array write and read). {@code exp} is {@link ExpLowering}'s IR arithmetic,
     * which OpenCL drivers vectorize (across work-items on CPUs), and the java device runs in Vector
     * API lanes ({@link VectorFusion}), so there it is cheaper to compute twice than to store; a java
     * device without {@code jdk.incubator.vector} runs it as scalar code, where it is not.
     */
    public static boolean expensive(Node n, Device device) {
        boolean vectorExp = !device.backend().equals("java") || VectorFusion.enabled;
        return switch (n) {
            case Node.Op o -> switch (o.op()) {
                case EXP -> !vectorExp || o.dtype().isComplex() || o.inputs().stream().anyMatch(i -> expensive(i, device));
                case EXP2, EXPM1, LOG, LOG2, LOG10, LOG1P, SIN, COS, TAN, ARCSIN, ARCCOS, ARCTAN, ARCTAN2,
                     SINH, COSH, TANH, POWER, SQRT, CBRT, HYPOT, DIVIDE -> true;
                default -> o.inputs().stream().anyMatch(i -> expensive(i, device));
            };
            case Node.Cast c -> expensive(c.input(), device);
            case Node.Call c -> true; // a user function may hold anything
            default -> false;
        };
    }

    /**
     * {@code root} with its complex inner values split into real parts ({@link ComplexSplit});
     * a complex root is the caller's to reduce part by part.
     */
    private static Node realGraph(Node root, String what, Device device) {
        if (root.dtype().isComplex()) {
            throw new IllegalStateException(what + " kernels take real values; reduce a complex array's parts separately");
        }
        return new ComplexSplit(device).real(root);
    }

    /** Rows shorter than this keep the flat form: a range this narrow leaves a CPU driver's vectors part empty. */
    private static final long MIN_ROW = 16;

    /**
     * The row length when an elementwise kernel on {@code device} runs as rows, else 0. On a CPU
     * OpenCL driver (one work-item per element) an output of two or more axes that some operand
     * (or the output itself) reads with steps that are not one flat sequence, such as the
     * interior views of a Jacobi sweep, otherwise finds each element's coordinates from its
     * linear id by division and remainder, which the driver cannot vectorize; as rows each
     * item's coordinates are its ids. The GPU plan keeps its groups of the flat form.
     */
    private static long rowLength(Device device, Node root, Node.Leaf out) {
        long[] shape = out.shape();
        int rank = shape.length;
        if (rank < 2 || Schedule.mode(device) != Schedule.Mode.STRIDED || DevicePlan.of(device).isGpu()) return 0;
        long row = shape[rank - 1];
        long n = out.view().size();
        if (row < MIN_ROW || n / row < 2) return 0;
        Space flat = Space.elementwise(shape);
        boolean[] strided = {!flat.innerIsLinear(out.view().strides())};
        Node.everyVertex(List.of(root), v -> {
            if (v instanceof Node.Leaf l) {
                long[] st = Shapes.broadcastStrides(l.view().shape(), l.view().strides(), shape);
                if (!flat.innerIsLinear(st) && !flat.innerIsConstant(st)) strided[0] = true;
            }
            return !strided[0];
        });
        return strided[0] ? row : 0;
    }

    private static boolean hasCombine(Node n) {
        return switch (n) {
            case Node.Combine c -> true;
            case Node.Cast c -> hasCombine(c.input());
            case Node.Op o -> o.inputs().stream().anyMatch(FusedKernels::hasCombine);
            case Node.Call c -> c.inputs().stream().anyMatch(FusedKernels::hasCombine);
            default -> false;
        };
    }

    static void checkSize(long n) {
        if (n > Integer.MAX_VALUE - 65536) {
            throw new UnsupportedOperationException("arrays of more than 2^31 elements are not supported by jdpx "
                    + "kernels yet (got " + n + "); split the work into smaller arrays");
        }
    }

    static CompiledKernel kernel(KernelWriter w) {
        return cached(w.key(), w::function, w.helpers());
    }

    /**
     * The compiled kernel for structural {@code key}, building its IR only on the first request.
     * Every tensor kernel goes through here; the key's SHA-256 names the kernel in this process,
     * and the disk program cache adds the OpenCL C it prints, so a kernel whose code changed
     * under the same key is built again rather than served from an old binary.
     */
    static CompiledKernel cached(String key, java.util.function.Supplier<org.jdpx.kernels.ir.Function> build) {
        return cached(key, build, List.of());
    }

    /** The same for a kernel that calls {@code helpers} (those of inlined user functions), callees first. */
    static CompiledKernel cached(String key, java.util.function.Supplier<org.jdpx.kernels.ir.Function> build,
                                 List<org.jdpx.kernels.ir.Function> helpers) {
        return CACHE.computeIfAbsent(key, k -> KernelCompiler.fromIr(new KernelModule(build.get(), helpers), hash(k)));
    }

    static void launch(Queue queue, CompiledKernel k, long items, long group, KernelWriter w) {
        launch(queue, k, items, group, w.arguments().toArray());
    }

    static void launch(Queue queue, CompiledKernel k, long items, long group, Object[] args) {
        launch(queue, k, range(items, group), args);
    }

    /** {@code items} work-items in groups of {@code group}, or groups of the driver's choice when it is 0. */
    static WorkRange range(long items, long group) {
        return group > 0 ? NdRange.of(items, group) : Range.of(items);
    }

    /** Launches {@code k} over {@code range} (counted in {@link #launches()}). */
    static void launch(Queue queue, CompiledKernel k, WorkRange range, Object[] args) {
        Kernels.launchOn(queue, k, range, List.of(), args);
        LAUNCHES.incrementAndGet();
    }

    private static String hash(String key) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
