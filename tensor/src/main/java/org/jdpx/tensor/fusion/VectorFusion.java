package org.jdpx.tensor.fusion;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.Cancellation;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.kernels.jvm.KernelSegments;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.kernels.jvm.HostThreads;
import org.jdpx.usm.UsmMemory;

/**
 * Fused float32/float64 elementwise graphs and sum/prod/min/max reductions on the java device,
 * run with the Java Vector API ({@link BlockProgram} over {@link FloatBlocks} or
 * {@link DoubleBlocks}) instead of as a scalar IR kernel: the JVM compiles the kernel's loops,
 * {@code exp}'s polynomial included, into scalar code, while here every operation is a SIMD loop
 * over a block of the JVM's preferred vector width. Results have the IR kernels' bits for
 * elementwise values; reductions add in another order (lanes, then blocks, then parts).
 *
 * <p>It needs {@code jdk.incubator.vector} in the JVM ({@code --add-modules
 * jdk.incubator.vector}, as {@code ./jdpx} and the tests start it); without it, and for graphs
 * outside the block subset, {@link FusedKernels} builds its IR kernel as before. Work runs as
 * one task on the array's queue, shared among the cores by {@link HostThreads}.
 */
final class VectorFusion {
    private static final System.Logger LOG = System.getLogger(VectorFusion.class.getName());
    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /** Elements below which one more task is not worth a hand-off (as {@link Schedule}'s chunks). */
    private static final long MIN_CHUNK = 16_384;

    /** Whether the block path is taken (tests switch it off to compare with the IR kernels). */
    static volatile boolean enabled = PRESENT;
    /** Shown the segments each task runs on, on its thread (tests check they are thread-confined views); null otherwise. */
    static volatile Consumer<List<MemorySegment>> taskSegments;

    static {
        if (!PRESENT) {
            LOG.log(System.Logger.Level.INFO, "jdk.incubator.vector is not in this JVM: the java device runs fused "
                    + "graphs as scalar kernels; start the JVM with --add-modules jdk.incubator.vector for SIMD ones");
        }
    }

    private VectorFusion() {
    }

    private static BlockLanes lanes(Queue queue, DType t) {
        if (!enabled || !queue.device().backend().equals("java")) return null;
        if (t == DType.FLOAT32) return Holder.F32;
        if (t == DType.FLOAT64) return Holder.F64;
        return null;
    }

    /** The loop classes, loaded only when the Vector API is present. */
    private static final class Holder {
        static final BlockLanes F32 = new FloatBlocks();
        static final BlockLanes F64 = new DoubleBlocks();
    }

    /**
     * Computes {@code root} into {@code out} as {@link FusedKernels#evaluate} does, when the graph
     * has a block form on this device; answers whether it did (enqueued on {@code queue}).
     */
    static boolean evaluate(Node root, Node.Leaf out, Queue queue, String why) {
        BlockLanes lanes = lanes(queue, out.dtype());
        if (lanes == null || root.dtype() != out.dtype() || streamsAsScalarLoop(root, out)) return false;
        // All axes in one loop; else rows of the last axis, for inputs broadcast along it (a row's maximum).
        Space space = Space.elementwise(out.shape());
        BlockProgram p = BlockProgram.compile(root, space, lanes, out.dtype());
        if (p == null && out.shape().length > 1) {
            int last = out.shape().length - 1;
            boolean[] inner = new boolean[last + 1];
            inner[last] = true;
            space = Space.reduction(out.shape(), inner);
            p = BlockProgram.compile(root, space, lanes, out.dtype());
        }
        if (p == null || !space.innerIsLinear(out.view().strides())) return false;
        long n = out.view().size();
        long rows = space.outerSize();
        BlockSplit split = BlockSplit.of(rows, space.innerSize(),
                Math.max(1, Math.min(Schedule.ceilDiv(n, MIN_CHUNK), 4L * HostThreads.threads())));
        List<UsmMemory> mems = new ArrayList<>(p.memories());
        if (!mems.contains(out.memory())) mems.add(out.memory());
        BlockProgram program = p;
        int outAt = mems.indexOf(out.memory());
        enqueue(queue, mems, "run a fused Vector API kernel on", (t, segments) -> {
            MemorySegment o = segments.get(outAt);
            try (BlockProgram.State state = program.state(segments)) {
                split.run(t, (r, from, to) -> {
                    long base = program.base(out.view().offset(), out.view().strides(), r);
                    state.run(r, from, to, (v, j, m) -> lanes.store(v, o, base + j, m));
                });
            }
        }, split.tasks());
        FusionDiagnostics.record("kernel fused in Vector API lanes on " + queue.device().filterString() + " [" + why + "]: "
                + FusionDiagnostics.operations(root) + " operations fused, " + n + " elements"
                + (rows > 1 ? " in " + rows + " rows" : "") + ": "
                + FusionDiagnostics.describe(root));
        return true;
    }

    /** Operations C2 turns into SIMD code itself in a loop over contiguous arrays (SuperWord). */
    private static final Set<ElementOp> SUPERWORD = EnumSet.of(ElementOp.ADD, ElementOp.SUBTRACT,
            ElementOp.MULTIPLY, ElementOp.DIVIDE, ElementOp.NEGATIVE, ElementOp.POSITIVE, ElementOp.SQUARE,
            ElementOp.ABS, ElementOp.SQRT);

    /**
     * Whether the IR kernel does this graph better: arithmetic alone over arrays of the output's
     * shape, all C-contiguous, which its generated loop reads in order, so that C2 compiles it
     * into SIMD code of its own that streams each array once. Here each operation is a pass over
     * a block buffer: the triad {@code out = b + 3c} over 2^25 float32 took 15.2-16.3 ms a call
     * in lanes against 8.7-9.6 ms as the IR kernel (java:cpu:0, warm, one JVM each). Graphs with
     * other functions ({@code exp}'s polynomial), broadcasts or strides stay in lanes.
     */
    static boolean streamsAsScalarLoop(Node root, Node.Leaf out) {
        return out.view().isCContiguous() && denseLeaves(root, out.view().shape(), out.dtype()) >= 0;
    }

    /**
     * How many array inputs {@code root} reads when it is arithmetic alone ({@link #SUPERWORD}
     * operations in {@code t}, scalars) over C-contiguous arrays of {@code shape}; -1 otherwise.
     */
    private static int denseLeaves(Node root, long[] shape, DType t) {
        int[] leaves = {0};
        boolean dense = Node.everyVertex(List.of(root), n -> switch (n) {
            case Node.Scalar s -> true;
            case Node.Leaf l -> {
                leaves[0]++;
                yield Arrays.equals(l.view().shape(), shape) && l.view().isCContiguous();
            }
            case Node.Op o -> SUPERWORD.contains(o.op()) && o.dtype() == t;
            default -> false;
        });
        return dense ? leaves[0] : -1;
    }

    /**
     * Whether the IR kernel sums this graph better: a full sum of arithmetic alone over two or
     * more C-contiguous arrays of the graph's shape, such as {@code sum((a - b)²)}. Its one loop
     * keeps every value in registers, while here each operation is a pass over a block buffer,
     * which made lanes compute-bound at about 0.4 ns an element: {@code sum((a - b)²)} over 2^25
     * float32 took 11.7-13.2 ms in lanes and 6.7-7.4 ms as the IR kernel, over 2^20 float64 0.68-0.71
     * ms and 0.38-0.48 ms, and {@code sum(a * b)} over 2^24 float64 9.4-11.3 and 5.4-6.6 (java:cpu:0,
     * warm, one JVM each; below 2^20 the two were level). A sum of one array, {@code max}, and
     * graphs with broadcasts, strides or other functions ({@code exp}) stay in lanes, which were
     * as fast or faster there.
     */
    static boolean sumsAsScalarLoop(ReduceOp op, Node root, boolean[] reduced, Node.Leaf sideOut) {
        if (op != ReduceOp.SUM || sideOut != null) return false;
        for (boolean r : reduced) {
            if (!r) return false;
        }
        return denseLeaves(root, root.shape(), root.dtype()) >= 2;
    }

    /**
     * Reduces {@code root} as {@link FusedKernels#reduce} does, when the graph and {@code op} have
     * a block form on this device that beats the IR kernel ({@link #sumsAsScalarLoop}); null
     * otherwise. A full reduction leaves one partial per part (as many as the IR kernel's),
     * several outputs one value each.
     */
    static FusedKernels.Reduced reduce(ReduceOp op, Node root, boolean[] reduced, Queue queue, Node.Leaf sideOut) {
        DType t = root.dtype();
        BlockLanes lanes = lanes(queue, t);
        if (lanes == null || !BlockProgram.reduces(op) || op.accumulatorType(t) != t) return null;
        if (sumsAsScalarLoop(op, root, reduced, sideOut)) return null;
        Space space = Space.reduction(root.shape(), reduced);
        long outputs = space.outerSize();
        long inner = space.innerSize();
        if (outputs == 0 || inner == 0) return null;
        FusedKernels.checkSize(Math.max(outputs, inner));
        long[] sideStrides = null;
        if (sideOut != null) {
            if (sideOut.dtype() != t) return null;
            sideStrides = Shapes.broadcastStrides(sideOut.view().shape(), sideOut.view().strides(), space.shape());
            if (!space.innerIsLinear(sideStrides)) return null;
        }
        BlockProgram p = BlockProgram.compile(root, space, lanes, t);
        if (p == null) return null;
        long parts = outputs == 1 ? Schedule.reduction(queue.device(), 1, inner, false).parts() : 1;
        BlockSplit split = BlockSplit.of(outputs, inner, outputs == 1 ? parts : 4L * HostThreads.threads());
        UsmMemory values = UsmMemory.allocate(queue, UsmType.DEVICE, outputs * parts * t.itemSize());
        List<UsmMemory> mems = new ArrayList<>(p.memories());
        for (UsmMemory m : sideOut == null ? List.of(values) : List.of(values, sideOut.memory())) {
            if (!mems.contains(m)) mems.add(m);
        }
        long[] side = sideStrides;
        int outAt = mems.indexOf(values), sideAt = sideOut == null ? -1 : mems.indexOf(sideOut.memory());
        enqueue(queue, mems, "run a fused Vector API reduction on", (task, segments) -> {
            MemorySegment out = segments.get(outAt);
            MemorySegment so = sideAt < 0 ? null : segments.get(sideAt);
            try (BlockProgram.State s = p.state(segments)) {
                split.run(task, (r, from, to) -> {
                    double[] acc = {BlockProgram.identity(op)};
                    long sideBase = so == null ? 0 : p.base(sideOut.view().offset(), side, r);
                    if (from < to) {
                        s.run(r, from, to, (v, j, m) -> {
                            if (so != null) lanes.store(v, so, sideBase + j, m);
                            acc[0] = p.accumulate(op, acc[0], lanes.reduce(op, v, m));
                        });
                    }
                    lanes.put(out, outputs == 1 ? task : r, acc[0]);
                });
            }
        }, split.tasks());
        FusionDiagnostics.record("kernel reduce in Vector API lanes on " + queue.device().filterString() + " [" + op.numpyName()
                + "]: " + FusionDiagnostics.operations(root) + " operations fused, " + outputs + " outputs x " + inner
                + " elements in " + parts + " parts: " + FusionDiagnostics.describe(root));
        return new FusedKernels.Reduced(values, null, parts, t);
    }

    /** Task {@code t} of one launch over the memories' segments (as the running thread sees them). */
    private interface Body {
        void run(long t, List<MemorySegment> segments);
    }

    /**
     * Enqueues {@code tasks} numbered tasks as one command on {@code queue}, holding {@code mems}
     * while it runs; a caller that stopped waiting ({@link Cancellation}) stops the remaining tasks.
     *
     * <p>Each task sees the memories through {@link KernelSegments#of}, as the java device's
     * generated kernels do: views confined to the thread that runs it. The JDK's liveness check of
     * a shared segment has one branch profile for the whole JVM, and once any confined arena was
     * used C2 hoists its owner test out of the block loops as a predicate that fails on every
     * launch here, so the loops deoptimised and ran in profiled code for several launches, with
     * the Vector API operations not intrinsified (the quick bench's triad at 4x its loop's time
     * after {@code alloc_pool_hit}'s confined arena). The memory cannot be freed while the task
     * runs: the command holds it, so the task reads the blocks themselves ({@link
     * UsmMemory#withSegments}), not views that each temporary's close would invalidate.
     */
    private static void enqueue(Queue queue, List<UsmMemory> mems, String what, Body body, long tasks) {
        FusedKernels.countLaunch();
        EventDriver ev = UsmMemory.withSegments(mems, what, segments -> queue.spi().hostTask(() -> {
            BooleanSupplier cancelled = Cancellation.current();
            HostThreads.run(tasks, tasks == 1, "fused Vector API kernel", t -> {
                if (cancelled.getAsBoolean()) throw new CancellationException("the fused Vector API kernel was cancelled");
                List<MemorySegment> mine = new ArrayList<>(segments.size());
                for (MemorySegment s : segments) mine.add(KernelSegments.of(s));
                Consumer<List<MemorySegment>> probe = taskSegments;
                if (probe != null) probe.accept(mine);
                body.run(t, mine);
            });
        }, List.of()));
        queue.wrap(ev, what, null);
    }
}
