package org.jdpx.tensor.fusion;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.usm.UsmMemory;

/**
 * A fused graph as a list of whole-block operations for the java device ({@link VectorFusion}):
 * each node's value is a heap buffer of up to {@link #BLOCK} elements, and each operation one
 * vector loop over it ({@link BlockLanes}), so the interpretation costs once per block while the
 * arithmetic runs in SIMD lanes. Inputs that move along the inner axes with unit stride are
 * copied in per block; scalars, folded partials and inputs constant along the inner axes fill
 * their buffer once per output row. {@link #compile} answers null for any graph outside this
 * subset (another dtype, a cast, a user function, strided inputs, an operation without a block
 * loop), which then runs as an IR kernel.
 */
final class BlockProgram {
    /** Elements per block: a few buffers of it stay in the L1 cache. */
    static final int BLOCK = 2048;

    private static final Set<ElementOp> OPS = BlockLoops.elementwiseOps();
    private static final Set<ReduceOp> REDUCTIONS = BlockLoops.reductionOps();

    /**
     * {@link State#block}, called through a handle for the reason {@link BlockLoops} gives: one
     * block is a unit C2 compiles on its own, so when a new dtype, operation or sink deoptimises it
     * only it runs in the interpreter for a few hundred blocks, not the whole launch's loop (and
     * what it calls stays compiled).
     */
    private static final MethodHandle STEP;

    static {
        try {
            STEP = MethodHandles.lookup().findVirtual(State.class, "block",
                    MethodType.methodType(void.class, long.class, int.class, Sink.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** An input copied in block by block: element {@code base(row) + j}. */
    private record Stream(UsmMemory memory, long offset, long[] strides, int slot) {
    }

    /** A value fixed within a row: a scalar, a reduction's partials folded, or a leaf constant along the inner axes. */
    private record Uniform(Node source, long offset, long[] strides, int slot) {
    }

    private record Step(ElementOp op, int out, int x, int y) {
    }

    /** Thrown inside {@link #compile} for a graph outside the subset. */
    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private final BlockLanes lanes;
    private final Space space;
    private final DType dtype;
    private final List<Stream> streams = new ArrayList<>();
    private final List<Uniform> uniforms = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<Node, Integer> slotOf = new IdentityHashMap<>();
    private final List<UsmMemory> memories = new ArrayList<>();
    private int slots;
    private int result;

    private BlockProgram(BlockLanes lanes, Space space, DType dtype) {
        this.lanes = lanes;
        this.space = space;
        this.dtype = dtype;
    }

    /** Whether {@code op} has a block loop. */
    static boolean reduces(ReduceOp op) {
        return REDUCTIONS.contains(op);
    }

    /** The program computing {@code root} (of dtype {@code t}) over {@code space}, or null when it has no block form. */
    static BlockProgram compile(Node root, Space space, BlockLanes lanes, DType t) {
        BlockProgram p = new BlockProgram(lanes, space, t);
        try {
            p.result = p.slot(root);
        } catch (Unsupported u) {
            return null;
        }
        return p;
    }

    /** The memories the program reads, each once. */
    List<UsmMemory> memories() {
        return memories;
    }

    /** The dtype's loops. */
    BlockLanes lanes() {
        return lanes;
    }

    private int slot(Node n) throws Unsupported {
        Integer known = slotOf.get(n);
        if (known != null) return known;
        int s = switch (n) {
            case Node.Leaf l -> leaf(l);
            case Node.Scalar sc -> {
                boolean exact = sc.dtype().isFloat() || Math.abs(sc.longValue()) <= (1L << 53) && sc.dtype() != DType.BOOL;
                if (!exact || sc.dtype().isComplex()) throw new Unsupported();
                yield uniform(sc, 0, null);
            }
            case Node.Combine c -> {
                if (c.dtype() != dtype || !REDUCTIONS.contains(c.op())) throw new Unsupported();
                use(c.partials());
                yield uniform(c, 0, null);
            }
            case Node.Cast c -> {
                if (c.dtype() != c.input().dtype() || c.dtype() != dtype) throw new Unsupported();
                yield slot(c.input());
            }
            case Node.Op o -> op(o);
            case Node.Call c -> throw new Unsupported();
        };
        slotOf.put(n, s);
        return s;
    }

    private int leaf(Node.Leaf l) throws Unsupported {
        if (l.dtype() != dtype) throw new Unsupported();
        long[] strides = Shapes.broadcastStrides(l.view().shape(), l.view().strides(), space.shape());
        use(l.memory());
        if (space.innerIsConstant(strides)) return uniform(l, l.view().offset(), strides);
        if (!space.innerIsLinear(strides)) throw new Unsupported();
        streams.add(new Stream(l.memory(), l.view().offset(), strides, slots));
        return slots++;
    }

    private int uniform(Node source, long offset, long[] strides) {
        uniforms.add(new Uniform(source, offset, strides, slots));
        return slots++;
    }

    private int op(Node.Op o) throws Unsupported {
        if (o.dtype() != dtype || !OPS.contains(o.op())) throw new Unsupported();
        for (Node in : o.inputs()) {
            if (in.dtype() != dtype && !(in instanceof Node.Scalar)) throw new Unsupported();
        }
        int x = slot(o.inputs().get(0));
        int y = o.inputs().size() > 1 ? slot(o.inputs().get(1)) : -1;
        steps.add(new Step(o.op(), slots, x, y));
        return slots++;
    }

    private void use(UsmMemory m) {
        if (!memories.contains(m)) memories.add(m);
    }

    /** Receives the root's value block by block: {@code n} elements from inner index {@code j}. */
    interface Sink {
        void accept(Object values, long j, int n);
    }

    /**
     * One worker's buffers and view of the memory; made per task, since it holds the buffers,
     * which it takes from the thread's spares ({@link BlockBuffers}): {@link State#close} gives
     * them back.
     *
     * @param segments the segment of each of {@link #memories()}, in that order
     */
    State state(List<MemorySegment> segments) {
        return new State(segments);
    }

    /** Buffers and the folded uniform values of one worker. */
    final class State implements AutoCloseable {
        private final Object[] buffers;
        private final MemorySegment[] streamSegments = new MemorySegment[streams.size()];
        private final long[] bases = new long[streams.size()];
        private final List<MemorySegment> segments;
        /** {@link #STEP} read from a field of this object: a static final handle is a constant C2 would inline. */
        private final MethodHandle step = STEP;
        private long row = -1;

        private State(List<MemorySegment> segments) {
            this.segments = segments;
            int padded = (BLOCK + lanes.lanes() - 1) / lanes.lanes() * lanes.lanes();
            buffers = BlockBuffers.take(lanes, slots, padded);
            for (int i = 0; i < streams.size(); i++) streamSegments[i] = segment(streams.get(i).memory());
        }

        /** Gives the buffers back to this thread's spares; the state must not run after. */
        @Override
        public void close() {
            BlockBuffers.give(lanes, buffers);
        }

        private MemorySegment segment(UsmMemory m) {
            return segments.get(memories.indexOf(m));
        }

        /** Runs the program over inner indices {@code from..to-1} of output row {@code r}, handing each block to {@code sink}. */
        void run(long r, long from, long to, Sink sink) {
            if (r != row) enterRow(r);
            for (long j = from; j < to; j += BLOCK) {
                try {
                    step.invokeExact(this, j, (int) Math.min(BLOCK, to - j), sink);
                } catch (Throwable t) {
                    throw BlockLoops.rethrow(t);
                }
            }
        }

        /** One block: {@code n} elements from inner index {@code j} (called through {@link #STEP}). */
        private void block(long j, int n, Sink sink) {
            int w = lanes.lanes();
            int padded = (n + w - 1) / w * w;
            for (int i = 0; i < streamSegments.length; i++) {
                lanes.load(streamSegments[i], bases[i] + j, buffers[streams.get(i).slot()], n);
            }
            for (Step s : steps) {
                lanes.apply(s.op(), buffers[s.x()], s.y() < 0 ? null : buffers[s.y()], buffers[s.out()], padded);
            }
            sink.accept(buffers[result], j, n);
        }

        private void enterRow(long r) {
            for (int i = 0; i < bases.length; i++) {
                Stream s = streams.get(i);
                bases[i] = base(s.offset(), s.strides(), r);
            }
            for (Uniform u : uniforms) {
                // Scalars and folded partials are filled once; nothing writes a uniform's buffer.
                if (row >= 0 && !(u.source() instanceof Node.Leaf)) continue;
                double v = switch (u.source()) {
                    case Node.Leaf l -> lanes.get(segment(l.memory()), base(u.offset(), u.strides(), r));
                    case Node.Combine c -> fold(c.op(), segment(c.partials()), c.parts());
                    case Node.Scalar s -> lanes.round(s.dtype().isFloat() ? s.doubleValue() : (double) s.longValue());
                    default -> throw new IllegalStateException("uniform " + u.source());
                };
                lanes.fill(buffers[u.slot()], v);
            }
            row = r;
        }
    }

    /** Element index of inner index 0 of output row {@code r}: the offset plus the row's outer coordinates times their strides. */
    long base(long offset, long[] strides, long r) {
        long at = offset;
        int[] outer = space.outer();
        for (int k = outer.length - 1; k >= 0; k--) {
            int a = outer[k];
            long extent = space.shape()[a];
            at += (r % extent) * strides[a];
            r /= extent;
        }
        return at;
    }

    /** {@code op}'s partials folded as {@link KernelWriter} folds them (compensated for float sums). */
    private double fold(ReduceOp op, MemorySegment partials, int parts) {
        double acc = lanes.get(partials, 0);
        if (op == ReduceOp.SUM) {
            double comp = 0;
            for (int k = 1; k < parts; k++) {
                double y = lanes.round(lanes.get(partials, k) - comp);
                double sum = lanes.round(acc + y);
                comp = lanes.round(lanes.round(sum - acc) - y);
                acc = sum;
            }
            return acc;
        }
        for (int k = 1; k < parts; k++) acc = accumulate(op, acc, lanes.get(partials, k));
        return acc;
    }

    /** One more value into a running {@code op}, in the program's dtype, with {@link Lowering#accumulate}'s rules (a NaN wins). */
    double accumulate(ReduceOp op, double acc, double v) {
        return switch (op) {
            case SUM -> lanes.round(acc + v);
            case PROD -> lanes.round(acc * v);
            case MAX -> v > acc || Double.isNaN(v) ? v : acc;
            case MIN -> v < acc || Double.isNaN(v) ? v : acc;
            default -> throw new IllegalStateException(op + " has no block loop");
        };
    }

    /** {@code op}'s starting value. */
    static double identity(ReduceOp op) {
        return switch (op) {
            case SUM -> 0;
            case PROD -> 1;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> throw new IllegalStateException(op + " has no block loop");
        };
    }
}
