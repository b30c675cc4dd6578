package org.jdpx.kernels.jvm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jdpx.device.spi.Cancellation;
import org.jdpx.kernels.ArrayView;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelArgs;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Scalar;

/**
 * Kernels the java device runs a block of work-items at a time with the Java Vector API instead
 * of one item at a time: straight-line float and double kernels whose views step through
 * consecutive elements along one global id, such as the l2-distance sample's
 * {@code sub = a.get(i, j) - b.get(i, j); ctx.atomicAdd(c, 0, sub * sub)} ({@link LanePlan} says
 * which). Each operation of the kernel becomes one SIMD loop over a block of {@value LaneLoops#BLOCK}
 * items ({@link LaneLoops}); a launch sum adds each block's lanes in float and the blocks in double.
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
    /** Items below which a launch runs on the caller only. */
    private static final long INLINE_LIMIT = 1 << 16;
    /** Least items per task handed to another thread: fewer cost more to hand over than they save. */
    private static final long MIN_CHUNK = 1 << 15;
    private static final Map<String, Optional<Program>> PLANS = new ConcurrentHashMap<>();

    /** Whether lane programs run (tests switch it off to compare with the item-at-a-time kernels). */
    static volatile boolean enabled = PRESENT;
    /** Whether one-type programs run as their generated code ({@link LaneCode}); off, they take {@link LaneLoops} (tests compare the two). */
    static volatile boolean generated = true;

    /** A kernel's lane program, and its generated {@code block} method (null where its registers mix float and double). */
    record Program(LanePlan plan, java.lang.invoke.MethodHandle code) {
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
            LanePlan p = LanePlan.of(kernel.ir());
            java.lang.invoke.MethodHandle code = LaneCode.of(p);
            LOG.log(System.Logger.Level.DEBUG, () -> "kernel " + kernel.name() + " runs on the java device in lanes: "
                    + p.ops.size() + " operations, " + p.registers.size() + " registers, "
                    + (code == null ? "an operation at a time" : "as generated code"));
            return Optional.of(new Program(p, code));
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
        Launch launch = bind(program, g, args);
        if (launch == null) return false;
        launch.run(l);
        return true;
    }

    /** The launch of {@code plan} over {@code g} with {@code args}, or null where it does not fit lanes. */
    private static Launch bind(Program program, int[] g, Object[] args) {
        LanePlan plan = program.plan();
        List<Param> params = plan.params;
        Object[] slots = new Object[params.size()];
        try {
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
            LaneIndex values = new LaneIndex(plan.paramIndex, slots, g);
            int n = plan.accesses.size();
            LaneIndex.Affine[] at = new LaneIndex.Affine[n];
            for (int k = 0; k < n; k++) {
                LanePlan.Access a = plan.accesses.get(k);
                ArrayView view = (ArrayView) slots[a.slot()];
                LaneIndex.Affine x = values.affine(a.index());
                at[k] = new LaneIndex.Affine(Math.addExact(x.c(), view.offset()), x.v0(), x.v1(), x.v2());
            }
            int inner = innerDim(at, g);
            if (inner < 0 || !inBounds(plan, slots, at, g)) return null;
            double[] fills = new double[plan.fills.size()];
            for (int f = 0; f < fills.length; f++) fills[f] = values.real(plan.fills.get(f).value());
            Object sumView = plan.sum == null ? null : args[plan.sum.argIndex()];
            return new Launch(plan, generated ? program.code() : null, slots, at, g, inner, fills, sumView, args);
        } catch (IllegalArgumentException | ClassCastException | ArithmeticException | LaneIndex.NotLinear e) {
            return null; // the item-at-a-time path reports bad arguments in its own words
        }
    }

    /** The global id every access steps through consecutive elements along (stride 1), or -1. */
    private static int innerDim(LaneIndex.Affine[] at, int[] g) {
        if ((long) g[0] * g[1] * g[2] == 1) return 0;
        for (int d = 0; d < 3; d++) {
            boolean all = g[d] > 1;
            for (LaneIndex.Affine a : at) all &= a.v(d) == 1;
            if (all) return d;
        }
        return -1;
    }

    /** Whether every access stays inside its view's memory over the whole launch, and stores go to writable memory. */
    private static boolean inBounds(LanePlan plan, Object[] slots, LaneIndex.Affine[] at, int[] g) {
        for (int k = 0; k < at.length; k++) {
            LanePlan.Access a = plan.accesses.get(k);
            MemorySegment s = ((ArrayView) slots[a.slot()]).segment();
            long[] r = at[k].range(g);
            if (r[0] < 0 || Math.multiplyExact(r[1] + 1, (long) a.elem().bytes()) > s.byteSize()) return false;
        }
        for (LanePlan.Op op : plan.ops) {
            if (op instanceof LanePlan.Store st
                    && ((ArrayView) slots[plan.accesses.get(st.access()).slot()]).segment().isReadOnly()) {
                return false;
            }
        }
        return true;
    }

    /** One launch: the plan with its views, indices and launch values. */
    private record Launch(LanePlan plan, java.lang.invoke.MethodHandle code, Object[] slots, LaneIndex.Affine[] at, int[] g, int inner, double[] fills,
                          Object sumView, Object[] args) {

        void run(int[] l) {
            BooleanSupplier stop = Cancellation.current();
            long total = (long) g[0] * g[1] * g[2];
            if (total <= INLINE_LIMIT) {
                chunk(0, total, l, stop);
            } else {
                long chunk = Math.max(MIN_CHUNK, total / (HostThreads.threads() * 4L));
                AtomicLong cursor = new AtomicLong();
                HostThreads.onAllCores((total + chunk - 1) / chunk, () -> {
                    long s;
                    while (!stop.getAsBoolean() && (s = cursor.getAndAdd(chunk)) < total) {
                        chunk(s, Math.min(total, s + chunk), l, stop);
                    }
                }, "java device's kernel");
            }
            if (stop.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("the java device stopped this kernel early because its"
                        + " caller's timeout passed; its results are incomplete");
            }
        }

        /**
         * Items {@code start..end-1} in linear order, the inner id fastest: runs of consecutive items
         * along it (a whole range at once where every view's other strides make rows follow one
         * another in memory), a block at a time.
         */
        private void chunk(long start, long end, int[] l, BooleanSupplier stop) {
            LanePlan p = plan;
            int o1 = inner == 0 ? 1 : 0, o2 = inner == 2 ? 1 : 2;
            long gi = g[inner], g1 = g[o1];
            boolean flat = true;
            for (LaneIndex.Affine a : at) {
                flat &= (g[o1] == 1 || a.v(o1) == gi) && (g[o2] == 1 || a.v(o2) == gi * g1);
            }
            int block = (int) Math.min(LaneLoops.BLOCK, roundUp(flat ? end - start : gi));
            Object[] regs = code != null ? null : registers(block);
            java.util.function.Consumer<Object[]> probe = JvmKernelRunner.taskArgs;
            if (probe != null) probe.accept(KernelSegments.confined(args));
            MemorySegment[] segs = new MemorySegment[at.length];
            for (int k = 0; k < at.length; k++) {
                segs[k] = KernelSegments.of(((ArrayView) slots[p.accesses.get(k).slot()]).segment());
            }
            long[] base = new long[at.length];
            double sum = -0.0d;
            long i = start;
            while (i < end && !stop.getAsBoolean()) {
                long run;
                if (flat) {
                    for (int k = 0; k < at.length; k++) base[k] = at[k].c() + i;
                    run = Math.min(block, end - i);
                } else {
                    long row = i / gi, x = i % gi;
                    long y = row % g1, z = row / g1;
                    for (int k = 0; k < at.length; k++) base[k] = at[k].c() + x + at[k].v(o1) * y + at[k].v(o2) * z;
                    run = Math.min(Math.min(block, gi - x), end - i);
                }
                sum += code != null ? generated(segs, base, (int) run) : block(regs, segs, base, (int) run);
                i += run;
            }
            if (p.sum != null) {
                JvmKernelContext c = new JvmKernelContext(g, l, null);
                c.sumSite = p.sum;
                c.sumView = sumView;
                if (p.sum.type() == Scalar.F32) c.sumFloat = (float) sum;
                else c.sumDouble = sum;
                c.flushSums();
            }
        }

        /** The registers of {@link #block}, {@code length} items each, the launch values filled in. */
        private Object[] registers(int length) {
            Object[] regs = new Object[plan.registers.size()];
            for (int r = 0; r < regs.length; r++) {
                regs[r] = plan.registers.get(r) == Scalar.F32 ? new float[length] : new double[length];
            }
            for (int f = 0; f < fills.length; f++) {
                Object reg = regs[plan.fills.get(f).reg()];
                if (reg instanceof float[] fs) java.util.Arrays.fill(fs, (float) fills[f]);
                else java.util.Arrays.fill((double[]) reg, fills[f]);
            }
            return regs;
        }

        /** {@link #block} through the generated code. */
        private double generated(MemorySegment[] segs, long[] base, int n) {
            try {
                return (double) code.invokeExact(segs, base, fills, n);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** Runs the program over {@code n} items whose accesses start at elements {@code base}; returns their sum contributions. */
        private double block(Object[] regs, MemorySegment[] segs, long[] base, int n) {
            double sum = -0.0d;
            for (LanePlan.Op op : plan.ops) {
                switch (op) {
                    case LanePlan.Load ld -> {
                        int k = ld.access();
                        if (regs[ld.dst()] instanceof float[] fs) MemorySegment.copy(segs[k], F32, base[k] * 4, fs, 0, n);
                        else MemorySegment.copy(segs[k], F64, base[k] * 8, (double[]) regs[ld.dst()], 0, n);
                    }
                    case LanePlan.Store st -> {
                        int k = st.access();
                        if (regs[st.src()] instanceof float[] fs) MemorySegment.copy(fs, 0, segs[k], F32, base[k] * 4, n);
                        else MemorySegment.copy((double[]) regs[st.src()], 0, segs[k], F64, base[k] * 8, n);
                    }
                    case LanePlan.Bin b -> {
                        if (regs[b.dst()] instanceof float[] d) LaneLoops.binary(b.op(), (float[]) regs[b.a()], (float[]) regs[b.b()], d, n);
                        else LaneLoops.binary(b.op(), (double[]) regs[b.a()], (double[]) regs[b.b()], (double[]) regs[b.dst()], n);
                    }
                    case LanePlan.Unary u -> {
                        if (regs[u.dst()] instanceof float[] d) LaneLoops.unary(u.fn(), (float[]) regs[u.a()], d, n);
                        else LaneLoops.unary(u.fn(), (double[]) regs[u.a()], (double[]) regs[u.dst()], n);
                    }
                    case LanePlan.Fma f -> {
                        if (regs[f.dst()] instanceof float[] d) {
                            LaneLoops.fma((float[]) regs[f.a()], (float[]) regs[f.b()], (float[]) regs[f.c()], d, n);
                        } else {
                            LaneLoops.fma((double[]) regs[f.a()], (double[]) regs[f.b()], (double[]) regs[f.c()], (double[]) regs[f.dst()], n);
                        }
                    }
                    case LanePlan.Widen w -> LaneLoops.widen((float[]) regs[w.a()], (double[]) regs[w.dst()], n);
                    case LanePlan.Narrow w -> LaneLoops.narrow((double[]) regs[w.a()], (float[]) regs[w.dst()], n);
                    case LanePlan.Sum s -> sum += regs[s.src()] instanceof float[] fs ? LaneLoops.sum(fs, n)
                            : LaneLoops.sum((double[]) regs[s.src()], n);
                }
            }
            return sum;
        }
    }

    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    /** {@code n} rounded up to whole vectors of either type. */
    private static long roundUp(long n) {
        long unit = LaneLoops.UNIT;
        return Math.max(unit, (n + unit - 1) / unit * unit);
    }
}
