package org.jdpx.kernels.jvm;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelArgs;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;

/**
 * Kernels the java device runs a block of work-items at a time with the Java Vector API instead
 * of one item at a time: float and double kernels without loops whose views step through
 * consecutive elements along one global id, such as the l2-distance sample's
 * {@code sub = a.get(i, j) - b.get(i, j); ctx.atomicAdd(c, 0, sub * sub)}, and whose branches
 * test int conditions of the ids only, such as the Jacobi sample's edge test ({@link LanePlan}
 * says which). Each path through the branches is a lane program, run as generated Vector API
 * code ({@link LaneCode}) or an operation at a time over blocks of {@value LaneLoops#BLOCK} items
 * ({@link LaneLoops}); {@link LaneSchedule} says which runs of a row take which path, and
 * {@link LaneLaunch} shares the runs among the pool threads. A launch sum adds each block's lanes
 * in float and the blocks in double.
 *
 * <p>Results: the same bits as the item-at-a-time kernel for every stored value (the same IEEE
 * operations per item); a launch sum adds in another order, as atomics from many items already
 * do. Where a launch does not fit (a stride that is not 1 along the id that walks memory, an
 * index outside its view's memory, int index arithmetic that would wrap, arguments of the wrong
 * type), the kernel runs one item at a time as before and so fails, where it fails, as before.
 *
 * <p>Needs {@code jdk.incubator.vector} in the JVM (as {@code ./jdpx} and the tests start it);
 * without it every kernel runs one item at a time.
 */
final class LaneKernels {
    private static final System.Logger LOG = System.getLogger(LaneKernels.class.getName());
    private static final boolean PRESENT = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    private static final Map<String, Optional<Program>> PLANS = new ConcurrentHashMap<>();

    /** Whether lane programs run (tests switch it off to compare with the item-at-a-time kernels). */
    static volatile boolean enabled = PRESENT;
    /** Whether one-type programs run as their generated code ({@link LaneCode}); off, they take {@link LaneLoops} (tests compare the two). */
    static volatile boolean generated = true;

    /**
     * Items a path runs an operation at a time before its generated code is warmed up to take over
     * ({@link LaneWarmup}); 0 (tests) takes the generated code from the first item.
     */
    static volatile long warmItems = 1L << 20;

    /**
     * One path of a kernel's lane program, its generated methods (null where {@link LaneCode#of}
     * makes none), and when it takes them.
     */
    record Path(LanePlan plan, LaneCode.Methods code, LaneWarmup warmup) {
    }

    /**
     * A kernel's lane programs, one per path through its branches, the comparisons their guards
     * make, and the schedule of its last branching launch (reused while launches keep the same
     * shape: {@link LaneSchedule#key}).
     */
    record Program(List<Path> paths, List<org.jdpx.kernels.ir.Expr.Compare> comparisons, AtomicReference<Cached> last) {
    }

    /** A schedule and the key it was built for. */
    record Cached(long[] key, LaneSchedule schedule) {
    }

    private LaneKernels() {
    }

    /** The lane program of {@code kernel}, null where it has none (why: logged once at DEBUG). */
    static Program plan(CompiledKernel kernel) {
        if (!enabled) return null;
        if (kernel.contentHash() == null) return compile(kernel).orElse(null);
        return PLANS.computeIfAbsent(kernel.contentHash() + "/" + kernel.name(), k -> compile(kernel)).orElse(null);
    }

    private static Optional<Program> compile(CompiledKernel kernel) {
        try {
            List<Path> paths = new ArrayList<>();
            for (LanePlan p : LanePlan.of(kernel.ir())) {
                LaneCode.Methods code = LaneCode.of(p);
                paths.add(new Path(p, code, new LaneWarmup(p, code)));
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "kernel " + kernel.name() + " runs on the java device in lanes: "
                    + paths.size() + " path(s), " + paths.stream().filter(p -> p.code() != null).count() + " as generated code");
            return Optional.of(new Program(List.copyOf(paths),
                    LaneSchedule.comparisons(paths.stream().map(Path::plan).toList()), new AtomicReference<>()));
        } catch (LanePlan.Refused e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "kernel " + kernel.name() + " runs one item at a time on the java device: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Runs {@code kernel} over global range {@code g} in lanes where it has a lane program and this
     * launch fits it; answers whether it did (if not, nothing ran).
     *
     * @throws java.util.concurrent.CancellationException where the caller stopped waiting
     */
    static boolean run(CompiledKernel kernel, int[] g, int[] l, Object[] args) {
        Program program = plan(kernel);
        if (program == null) return false;
        LaneLaunch launch = bind(program, g, args);
        if (launch == null) return false;
        launch.run(l);
        return true;
    }

    /** The launch of {@code program} over {@code g} with {@code args}, or null where it does not fit lanes. */
    private static LaneLaunch bind(Program program, int[] g, Object[] args) {
        LanePlan first = program.paths().getFirst().plan();
        try {
            Object[] slots = slots(first, args);
            if (slots == null) return null;
            LaneIndex values = new LaneIndex(first.paramIndex, slots, g);
            List<LanePath> paths = new ArrayList<>();
            for (Path p : program.paths()) {
                LanePath bound = bind(p, slots, values);
                if (bound == null) return null;
                paths.add(bound);
            }
            int inner = innerDim(paths, g);
            if (inner < 0) return null;
            Object sumView = first.sum == null ? null : args[first.sum.argIndex()];
            boolean branches = paths.size() > 1 || !first.guards.isEmpty();
            LaneSchedule schedule = null;
            if (branches) {
                Map<org.jdpx.kernels.ir.Expr.Compare, LaneSchedule.Atom> atoms = LaneSchedule.atoms(program.comparisons(), values);
                long[] key = LaneSchedule.key(paths, program.comparisons(), atoms, g, inner);
                Cached last = program.last().get();
                if (last != null && java.util.Arrays.equals(last.key(), key)) {
                    schedule = last.schedule();
                } else {
                    schedule = LaneSchedule.of(paths, atoms, g, inner);
                    if (schedule == null) return null;
                    program.last().set(new Cached(key, schedule));
                }
            } else if (!inBounds(paths.getFirst(), g)) {
                return null;
            }
            return new LaneLaunch(paths, schedule, g, inner, first.sum, sumView, args);
        } catch (IllegalArgumentException | ClassCastException | ArithmeticException | LaneIndex.NotLinear e) {
            return null; // the item-at-a-time path reports bad arguments in its own words
        }
    }

    /** One launch value per kernel parameter (views, boxed arguments, hidden view facts); null where an argument is missing. */
    private static Object[] slots(LanePlan plan, Object[] args) {
        List<Param> params = plan.params;
        Object[] slots = new Object[params.size()];
        for (int i = 0; i < slots.length; i++) {
            Param p = params.get(i);
            String name = p.var().name();
            int arg = switch (p.kind()) {
                case ParamKind.View v -> v.argIndex();
                case ParamKind.Value v -> v.argIndex();
                case ParamKind.ViewInfo v -> v.argIndex();
                default -> -1;
            };
            if (arg < 0 || arg >= args.length) return null;
            slots[i] = switch (p.kind()) {
                case ParamKind.View v -> KernelArgs.view(plan.kernel, name, args[arg], v.elem());
                case ParamKind.Value v -> KernelArgs.scalar(plan.kernel, name, args[arg], v.javaType());
                case ParamKind.ViewInfo v -> KernelArgs.viewInfo(args[arg], v);
                default -> throw new IllegalStateException();
            };
        }
        return slots;
    }

    /** {@code path} with its indices and launch values for this launch; null where it stores into read-only memory. */
    private static LanePath bind(Path path, Object[] slots, LaneIndex values) throws LaneIndex.NotLinear {
        LanePlan plan = path.plan();
        int n = plan.accesses.size();
        LaneIndex.Affine[] at = new LaneIndex.Affine[n];
        MemorySegment[] memory = new MemorySegment[n];
        for (int k = 0; k < n; k++) {
            LanePlan.Access a = plan.accesses.get(k);
            ArrayView view = (ArrayView) slots[a.slot()];
            LaneIndex.Affine x = values.affine(a.index());
            at[k] = new LaneIndex.Affine(Math.addExact(x.c(), view.offset()), x.v0(), x.v1(), x.v2());
            memory[k] = view.segment();
        }
        for (LanePlan.Op op : plan.ops) {
            if (op instanceof LanePlan.Store st && memory[st.access()].isReadOnly()) return null;
        }
        double[] fills = new double[plan.fills.size()];
        for (int f = 0; f < fills.length; f++) fills[f] = values.real(plan.fills.get(f).value());
        return new LanePath(plan, generated ? path.code() : null, path.warmup(), at, fills, memory);
    }

    /** The global id every access of every path steps through consecutive elements along (stride 1), or -1. */
    private static int innerDim(List<LanePath> paths, int[] g) {
        if ((long) g[0] * g[1] * g[2] == 1) return 0;
        for (int d = 0; d < 3; d++) {
            boolean all = g[d] > 1;
            for (LanePath p : paths) for (LaneIndex.Affine a : p.at) all &= a.v(d) == 1;
            if (all) return d;
        }
        return -1;
    }

    /** Whether every access of {@code p} stays inside its memory over the whole launch. */
    private static boolean inBounds(LanePath p, int[] g) {
        for (int k = 0; k < p.at.length; k++) {
            long[] r = p.at[k].range(g);
            if (r[0] < 0 || Math.multiplyExact(r[1] + 1, (long) p.plan.accesses.get(k).elem().bytes()) > p.memory[k].byteSize()) {
                return false;
            }
        }
        return true;
    }
}
