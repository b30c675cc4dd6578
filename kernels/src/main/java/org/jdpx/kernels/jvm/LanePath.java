package org.jdpx.kernels.jvm;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jdpx.kernels.ir.Scalar;

/**
 * One lane program ({@link LanePlan}) bound to a launch: each access's element index as a function
 * of the global ids ({@code at}, the view's offset included), the launch values of its filled
 * registers, and the memory of its views. A {@link Task} runs it over runs of consecutive items on
 * one thread, through the program's generated code ({@link LaneCode}) or an operation at a time
 * ({@link LaneLoops}).
 */
final class LanePath {
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED;

    final LanePlan plan;
    /** The generated methods, or null to run an operation at a time. */
    final LaneCode.Methods code;
    /**
     * Items below which a run takes the operation-at-a-time loops even where there is generated
     * code: a kernel cut into many short runs (a stencil's edge items) kept its generated methods
     * in slow, interpreted or deoptimised code for dozens of launches.
     */
    static final int SHORT_RUN = 64;
    final LaneIndex.Affine[] at;
    final double[] fills;
    /** The memory of each access's view, as the launch passed it. */
    final MemorySegment[] memory;

    /** When the path takes its generated code. */
    private final LaneWarmup warmup;

    LanePath(LanePlan plan, LaneCode.Methods code, LaneWarmup warmup, LaneIndex.Affine[] at, double[] fills,
             MemorySegment[] memory) {
        this.plan = plan;
        this.code = code;
        this.warmup = warmup;
        this.at = at;
        this.fills = fills;
        this.memory = memory;
    }

    /** The most accesses any of {@code paths} makes: the length of a {@link #starts} array they share. */
    static int maxAccesses(java.util.List<LanePath> paths) {
        int n = 0;
        for (LanePath p : paths) n = Math.max(n, p.at.length);
        return n;
    }

    /** Whether the accesses' elements {@code start[k] .. start[k] + n - 1} all lie in their memory. */
    boolean inBounds(long[] start, long n) {
        for (int k = 0; k < at.length; k++) {
            long bytes = plan.accesses.get(k).elem().bytes();
            if (start[k] < 0 || (start[k] + n) * bytes > memory[k].byteSize()) return false;
        }
        return true;
    }

    /** Sets {@code start[k]} to access k's element for the item at ids {@code (x, y, z)} along dimensions {@code (inner, o1, o2)}. */
    void starts(long[] start, long x, long y, long z, int inner, int o1, int o2) {
        for (int k = 0; k < at.length; k++) start[k] = at[k].c() + at[k].v(inner) * x + at[k].v(o1) * y + at[k].v(o2) * z;
    }

    /** Runs on the calling thread, with views of the memory confined to it and registers of {@code block} items. */
    final class Task {
        private final MemorySegment[] segs = new MemorySegment[at.length];
        private final long[] base = new long[at.length];
        private Object[] regs;
        private final int block;

        Task(int block) {
            this.block = block;
            for (int k = 0; k < at.length; k++) segs[k] = KernelSegments.of(memory[k]);
        }

        /** Runs the {@code n} consecutive items whose accesses start at elements {@code start}; returns their launch-sum contributions. */
        double run(long[] start, long n) {
            System.arraycopy(start, 0, base, 0, base.length);
            // runs of whole blocks loop long enough in the generated code for C2 to compile it within a
            // few launches (the l2 sample's 64 blocks a launch); shorter runs wait for the warm-up
            boolean generated = code != null && (n >= LaneLoops.BLOCK || warmup.generated(n));
            double sum = -0.0d;
            for (long done = 0; done < n; ) {
                int m = (int) Math.min(block, n - done);
                sum += generated && m >= SHORT_RUN ? generated(m) : operations(m);
                for (int k = 0; k < base.length; k++) base[k] += m;
                done += m;
            }
            return sum;
        }

        private double generated(int n) {
            return code.run(segs, base, fills, n);
        }

        /** The program over {@code n} items an operation at a time. */
        private double operations(int n) {
            if (regs == null) regs = registers(block);
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

        /** The registers, {@code length} items each, the launch values filled in. */
        private Object[] registers(int length) {
            Object[] out = new Object[plan.registers.size()];
            for (int r = 0; r < out.length; r++) {
                out[r] = plan.registers.get(r) == Scalar.F32 ? new float[length] : new double[length];
            }
            for (int f = 0; f < fills.length; f++) {
                Object reg = out[plan.fills.get(f).reg()];
                if (reg instanceof float[] fs) java.util.Arrays.fill(fs, (float) fills[f]);
                else java.util.Arrays.fill((double[]) reg, fills[f]);
            }
            return out;
        }
    }
}
