package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.NdRange;
import org.jdpx.kernels.corpus.Corpus;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;
import org.jdpx.usm.UsmMemory;
import org.junit.jupiter.api.Test;

/**
 * Kernels with barriers on the java device as loops over the work-items of a group split at each
 * barrier ({@link WorkItemLoops}): sizes that took tens of seconds with a virtual thread per item
 * (a 512 tiled matmul, a tree reduction over 2^24 elements), and the cases the splitting must get
 * right (values living across barriers, barriers in loops and nested loops, early returns, 2-D and
 * 3-D groups), each checked against plain Java and checked to have taken the work-item-loop path.
 */
class WorkItemLoopsTest {
    static final int TILE = 8; // Corpus.TILE

    /** Values of every scalar type computed before barriers and used after them. */
    @Kernel
    static void valuesAcrossBarriers(KernelContext ctx, DoubleArray out) {
        int lid = ctx.localId(0), n = ctx.localSize(0);
        long big = (1L << 40) + lid;
        double d = lid * 0.5;
        float f = lid + 0.25f;
        short s = (short) (lid * 3);
        byte b = (byte) (lid - 7);
        boolean odd = lid % 2 == 1;
        int[] buf = ctx.localInts(64);
        buf[lid] = lid * 10;
        ctx.localBarrier();
        int next = buf[(lid + 1) % n];
        ctx.localBarrier();
        buf[lid] = next + 1;
        ctx.localBarrier();
        out.set(ctx.globalId(0), (big - (1L << 40)) + d + f + s + b + (odd ? 1000 : 0) + buf[(lid + 2) % n] * 100_000.0 + next);
    }

    /** A barrier in a loop inside a loop. */
    @Kernel
    static void nestedLoops(KernelContext ctx, LongArray out) {
        int[] buf = ctx.localInts(64);
        int lid = ctx.localId(0), n = ctx.localSize(0);
        long acc = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                buf[lid] = lid * 10 + i * 100 + j;
                ctx.localBarrier();
                acc += buf[(lid + i + j) % n];
                ctx.localBarrier();
            }
        }
        out.set(ctx.globalId(0), acc);
    }

    /** Item {@code t} of each group returns in round {@code t}, before that round's barrier; the others go on. */
    @Kernel
    static void returnsInsideTheLoop(KernelContext ctx, IntArray out, int rounds) {
        int[] buf = ctx.localInts(64);
        int lid = ctx.localId(0), n = ctx.localSize(0);
        int seen = 0;
        for (int t = 0; t < rounds; t++) {
            if (lid == t) {
                out.set(ctx.globalId(0), -1000 - seen);
                return;
            }
            buf[lid] = lid + t;
            ctx.localBarrier();
            seen += buf[(lid + 1) % n];
            ctx.localBarrier();
        }
        out.set(ctx.globalId(0), seen);
    }

    /** Items past {@code n} leave before the barrier (the frontend makes the rest of the kernel the body of an if). */
    @Kernel
    static void guardedExchange(KernelContext ctx, IntArray out, int n) {
        int[] buf = ctx.localInts(64);
        int gid = ctx.globalId(0), lid = ctx.localId(0);
        if (gid >= n) return;
        buf[lid] = gid * 2;
        ctx.localBarrier();
        out.set(gid, buf[(lid + 1) % ctx.localSize(0)]);
    }

    /** Every id of a 3-D group, and a neighbour's global linear id through local memory. */
    @Kernel
    static void ids3d(KernelContext ctx, IntArray out) {
        int[] buf = ctx.localInts(64);
        int l = ctx.localLinearId();
        int items = ctx.localSize(0) * ctx.localSize(1) * ctx.localSize(2);
        int g = ctx.globalLinearId();
        buf[l] = g;
        ctx.localBarrier();
        out.set(3 * g, buf[(l + 1) % items]);
        out.set(3 * g + 1, ctx.localId(0) + 10 * ctx.localId(1) + 100 * ctx.localId(2));
        out.set(3 * g + 2, ctx.groupId(0) + 10 * ctx.groupId(1) + 100 * ctx.groupId(2) + 1000 * ctx.globalId(2));
    }

    /**
     * Two loops whose counters share a Java local slot, so one IR variable: per-item bounds first,
     * then the tree's barrier loop (the samples' work-group pi has this shape).
     */
    @Kernel
    static void reusedSlot(KernelContext ctx, IntArray out) {
        int[] buf = ctx.localInts(64);
        int lid = ctx.localId(0);
        int s = 0;
        for (int i = 0; i < lid; i++) s += i;
        buf[lid] = s;
        ctx.localBarrier();
        for (int half = 32; half > 0; half >>= 1) {
            if (lid < half) buf[lid] += buf[lid + half];
            ctx.localBarrier();
        }
        out.set(ctx.globalId(0), buf[0] + lid);
    }

    /** {@code c} is uniform, but each item reads it before assigning it in the region: one shared copy would count items. */
    @Kernel
    static void uniformCounter(KernelContext ctx, IntArray out) {
        int[] buf = ctx.localInts(64);
        int lid = ctx.localId(0), n = ctx.localSize(0);
        int c = 0;
        for (int r = 0; r < 3; r++) {
            c = c + 1;
            buf[lid] = c * 100 + lid;
            ctx.localBarrier();
            out.set(ctx.globalId(0), out.get(ctx.globalId(0)) + buf[(lid + 1) % n]);
            ctx.localBarrier();
        }
    }

    /** A barrier in a loop whose bound is read from memory: uniform in fact, not provably so. */
    @Kernel
    static void boundFromMemory(KernelContext ctx, IntArray rounds, IntArray out) {
        int[] buf = ctx.localInts(64);
        int lid = ctx.localId(0), n = ctx.localSize(0);
        int acc = 0;
        for (int r = 0; r < rounds.get(0); r++) {
            buf[lid] = lid * r;
            ctx.localBarrier();
            acc += buf[(lid + 1) % n];
            ctx.localBarrier();
        }
        out.set(ctx.globalId(0), acc);
    }

    private static CompiledKernel kernel(String name) {
        return KernelCompiler.compile(WorkItemLoopsTest.class, name);
    }

    /** The kernel runs as work-item loops, not on virtual threads. */
    private static CompiledKernel loops(String name) {
        return loops(kernel(name));
    }

    private static CompiledKernel loops(CompiledKernel k) {
        String name = k.name();
        assertNotNull(JvmIrProgram.workItemLoops(k), name + " should run as work-item loops");
        return k;
    }

    private static float[] random(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = r.nextFloat() * 2 - 1;
        return a;
    }

    @Test
    void tiledMatmul512OnTheJavaDevice() {
        int n = 512;
        Device java = TestDevices.java();
        float[] a = random(n * n, 1), b = random(n * n, 2);
        loops(KernelCompiler.compile(Corpus.class, "matmulTiled"));
        try (UsmMemory am = UsmMemory.allocateDevice(java, 4L * n * n); UsmMemory bm = UsmMemory.allocateDevice(java, 4L * n * n);
             UsmMemory cm = UsmMemory.allocateDevice(java, 4L * n * n)) {
            am.copyFromHost(a);
            bm.copyFromHost(b);
            Kernels.launch(Corpus::matmulTiled, NdRange.of(new long[] {n, n}, new long[] {TILE, TILE}),
                    FloatArray.on(am, n, n), FloatArray.on(bm, n, n), FloatArray.on(cm, n, n), n);
            float[] c = new float[n * n];
            cm.copyToHost(c);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    float ref = 0f; // the kernel's own order: k ascending, tile by tile, float sums
                    for (int k = 0; k < n; k++) ref += a[i * n + k] * b[k * n + j];
                    assertEquals(ref, c[i * n + j], 0f, "c[" + i + "][" + j + "]");
                }
            }
        }
    }

    /** Integer values as floats, so that every group sum (and sums of 256 of those) is exact in float whatever the order. */
    @Test
    void treeReductionOver2To24ElementsOnTheJavaDevice() {
        int n = 1 << 24, group = 256, groups = n / group;
        Device java = TestDevices.java();
        float[] in = new float[n];
        for (int i = 0; i < n; i++) in[i] = (int) ((i * 2654435761L >>> 7) % 101) - 50;
        CompiledKernel reduceSum = loops(KernelCompiler.compile(Corpus.class, "reduceSum"));
        try (UsmMemory im = UsmMemory.allocateDevice(java, 4L * n); UsmMemory pm = UsmMemory.allocateDevice(java, 4L * groups);
             UsmMemory qm = UsmMemory.allocateDevice(java, 4L * groups / group)) {
            im.copyFromHost(in);
            Kernels.launch(reduceSum.method(), NdRange.of(n, group), FloatArray.on(im), FloatArray.on(pm), LocalMemory.floats(group));
            Kernels.launch(reduceSum.method(), NdRange.of(groups, group), FloatArray.on(pm), FloatArray.on(qm), LocalMemory.floats(group));
            float[] partial = new float[groups], second = new float[groups / group];
            pm.copyToHost(partial);
            qm.copyToHost(second);
            long total = 0, totalOfSeconds = 0;
            for (int g = 0; g < groups; g++) {
                long ref = 0;
                for (int i = 0; i < group; i++) ref += (long) in[g * group + i];
                assertEquals(ref, partial[g], 0f, "group " + g);
                total += ref;
            }
            for (float s : second) totalOfSeconds += (long) s;
            assertEquals(total, totalOfSeconds, "the sum of all 2^24 elements, from the 256 second-level sums");
        }
    }

    @Test
    void valuesOfEveryTypeLiveAcrossBarriers() {
        int n = 128, group = 32;
        double[] out = new double[n];
        JvmKernelRunner.run(loops("valuesAcrossBarriers"), new int[] {n}, new int[] {group}, DoubleArray.of(out));
        for (int i = 0; i < n; i++) {
            int lid = i % group;
            int next = ((lid + 1) % group) * 10;
            int after = ((lid + 2) % group + 1) % group * 10 + 1;
            double ref = lid + lid * 0.5 + (lid + 0.25f) + (short) (lid * 3) + (byte) (lid - 7) + (lid % 2 == 1 ? 1000 : 0)
                    + after * 100_000.0 + next;
            assertEquals(ref, out[i], 0.0, "item " + i);
        }
    }

    @Test
    void barrierInsideALoopScansEachGroup() {
        int n = 256, group = 64;
        int[] in = new int[n], out = new int[n];
        for (int i = 0; i < n; i++) in[i] = (i * 37) % 11 - 5;
        JvmKernelRunner.run(loops(KernelCompiler.compile(Corpus.class, "scanBlock")), new int[] {n}, new int[] {group},
                IntArray.of(in), IntArray.of(out));
        for (int g = 0; g < n / group; g++) {
            int sum = 0;
            for (int i = g * group; i < (g + 1) * group; i++) {
                sum += in[i];
                assertEquals(sum, out[i], "item " + i);
            }
        }
    }

    @Test
    void barrierInsideNestedLoops() {
        int n = 96, group = 48;
        long[] out = new long[n];
        JvmKernelRunner.run(loops("nestedLoops"), new int[] {n}, new int[] {group}, LongArray.of(out));
        for (int x = 0; x < n; x++) {
            int lid = x % group;
            long ref = 0;
            for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) ref += ((lid + i + j) % group) * 10 + i * 100 + j;
            assertEquals(ref, out[x], "item " + x);
        }
    }

    @Test
    void itemsReturningInsideALoopAreSkippedByLaterRegions() {
        int n = 64, group = 16, rounds = 5;
        int[] out = new int[n];
        JvmKernelRunner.run(loops("returnsInsideTheLoop"), new int[] {n}, new int[] {group}, IntArray.of(out), rounds);
        for (int x = 0; x < n; x++) {
            int lid = x % group;
            int seen = 0;
            int ref = Integer.MIN_VALUE;
            for (int t = 0; t < rounds && ref == Integer.MIN_VALUE; t++) {
                if (lid == t) {
                    ref = -1000 - seen;
                } else {
                    // the neighbour wrote buf in this round unless it returned in this or an earlier round (local memory starts at 0)
                    int nb = (lid + 1) % group;
                    seen += nb <= t && nb < rounds ? lastWrite(nb, t) : nb + t;
                }
            }
            if (ref == Integer.MIN_VALUE) ref = seen;
            assertEquals(ref, out[x], "item " + x);
        }
    }

    /** What buf[nb] holds in round t when item nb returned in round nb ≤ t: its last write, from round nb - 1 (or 0). */
    private static int lastWrite(int nb, int t) {
        return nb == 0 ? 0 : nb + nb - 1;
    }

    @Test
    void itemsReturningBeforeABarrierLeaveTheOthersRunning() {
        int global = 64, group = 16, n = 37;
        int[] out = new int[global];
        JvmKernelRunner.run(loops("guardedExchange"), new int[] {global}, new int[] {group}, IntArray.of(out), n);
        for (int gid = 0; gid < global; gid++) {
            int nb = gid - gid % group + (gid % group + 1) % group;
            int ref = gid >= n ? 0 : nb < n ? nb * 2 : 0;
            assertEquals(ref, out[gid], "item " + gid);
        }
    }

    @Test
    void aVariableReusedForAUniformLoopAfterAVaryingOneStillSplits() {
        int n = 128, group = 64;
        int[] out = new int[n];
        JvmKernelRunner.run(loops("reusedSlot"), new int[] {n}, new int[] {group}, IntArray.of(out));
        int total = 0;
        for (int lid = 0; lid < group; lid++) total += lid * (lid - 1) / 2;
        for (int x = 0; x < n; x++) assertEquals(total + x % group, out[x], "item " + x);
    }

    @Test
    void aUniformVariableReadBeforeItsAssignmentInARegionStaysPerItem() throws WorkItemLoops.Refused {
        CompiledKernel k = loops("uniformCounter");
        WorkItemLoops.Plan plan = WorkItemLoops.plan(k.ir());
        assertTrue(names(plan.perItem()).contains("c"), "per item: " + names(plan.perItem()));
        assertTrue(names(plan.shared()).containsAll(List.of("n", "r")), "shared: " + names(plan.shared()));
        int n = 64, group = 32;
        int[] out = new int[n];
        JvmKernelRunner.run(k, new int[] {n}, new int[] {group}, IntArray.of(out));
        for (int x = 0; x < n; x++) {
            int nb = (x % group + 1) % group;
            assertEquals(100 + 200 + 300 + 3 * nb, out[x], "item " + x);
        }
    }

    @Test
    void threeDimensionalGroupsSeeTheirIds() {
        int[] g = {8, 6, 4}, l = {4, 3, 2};
        int total = g[0] * g[1] * g[2], items = l[0] * l[1] * l[2];
        int[] out = new int[3 * total];
        JvmKernelRunner.run(loops("ids3d"), g, l, IntArray.of(out));
        for (int z = 0; z < g[2]; z++) {
            for (int y = 0; y < g[1]; y++) {
                for (int x = 0; x < g[0]; x++) {
                    int gl = (z * g[1] + y) * g[0] + x;
                    int lx = x % l[0], ly = y % l[1], lz = z % l[2];
                    int ll = (lz * l[1] + ly) * l[0] + lx;
                    int nl = (ll + 1) % items;
                    int nx = x - lx + nl % l[0], ny = y - ly + nl / l[0] % l[1], nz = z - lz + nl / (l[0] * l[1]);
                    assertEquals((nz * g[1] + ny) * g[0] + nx, out[3 * gl], "neighbour of " + x + "," + y + "," + z);
                    assertEquals(lx + 10 * ly + 100 * lz, out[3 * gl + 1]);
                    assertEquals(x / l[0] + 10 * (y / l[1]) + 100 * (z / l[2]) + 1000 * z, out[3 * gl + 2]);
                }
            }
        }
    }

    @Test
    void twoDimensionalGroupsOfAKernelWithoutLocalIdsInDimensionZero() {
        int n = 32;
        float[] a = random(n * n, 3), b = random(n * n, 4), c = new float[n * n];
        JvmKernelRunner.run(loops(KernelCompiler.compile(Corpus.class, "matmulTiled")), new int[] {n, n}, new int[] {TILE, TILE},
                matrix(a, n), matrix(b, n), matrix(c, n), n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float ref = 0f;
                for (int k = 0; k < n; k++) ref += a[i * n + k] * b[k * n + j];
                assertEquals(ref, c[i * n + j], 0f, "c[" + i + "][" + j + "]");
            }
        }
    }

    private static FloatArray matrix(float[] a, int n) {
        return FloatArray.wrap(java.lang.foreign.MemorySegment.ofArray(a), n, n);
    }

    @Test
    void aBarrierUnderAConditionThatIsNotProvablyUniformKeepsVirtualThreads() {
        CompiledKernel k = kernel("boundFromMemory");
        WorkItemLoops.Refused e = assertThrows(WorkItemLoops.Refused.class, () -> WorkItemLoops.plan(k.ir()));
        assertTrue(e.getMessage().contains("condition may differ"), e.getMessage());
        assertNull(JvmIrProgram.workItemLoops(k));
        int n = 64, group = 16;
        int[] out = new int[n];
        JvmKernelRunner.run(k, new int[] {n}, new int[] {group}, IntArray.of(new int[] {3}), IntArray.of(out));
        for (int x = 0; x < n; x++) {
            int nb = (x % group + 1) % group;
            assertEquals(nb * 0 + nb * 1 + nb * 2, out[x], "item " + x);
        }
    }

    /** An IR kernel (no Java method) with an explicit return before its barrier, and the IR group reduction of the corpus. */
    static KernelModule irEarlyReturn() {
        IrBuilder b = IrBuilder.kernel("ir_early_return");
        Var out = b.view("out", Scalar.I32, 0), n = b.value("n", int.class, 1);
        Var buf = b.local("buf", new org.jdpx.kernels.ir.ArrayType(Scalar.I32, 64, org.jdpx.kernels.ir.AddressSpace.LOCAL));
        Var lid = b.local("lid", Scalar.I32), v = b.local("v", Scalar.I32);
        b.assign(lid, b.workItem(WorkItemFn.LOCAL_ID, 0));
        b.assign(v, b.mul(b.globalId(0), b.i32(3)));
        b.ifThen(b.compare(CmpOp.GE, b.globalId(0), b.read(n)), () -> b.ret(null));
        b.store(b.read(buf), b.read(lid), b.read(v));
        b.barrier(false);
        b.store(b.read(out), b.globalId(0), b.add(b.read(v), b.load(b.read(buf), b.i32(0))));
        return new KernelModule(b.build(), List.of());
    }

    private static List<String> names(List<Var> vars) {
        return vars.stream().map(Var::name).toList();
    }

    @Test
    void irKernelsSplitToo() throws WorkItemLoops.Refused {
        WorkItemLoops.Plan reduction = WorkItemLoops.plan(JvmIrKernelsTest.groupReduction());
        assertEquals(List.of("lid"), names(reduction.perItem()));
        assertEquals(List.of("s"), names(reduction.shared()), "the tree's stride is uniform: one copy per group");
        CompiledKernel k = KernelCompiler.fromIr(irEarlyReturn(), "test:ir_early_return");
        WorkItemLoops.Plan plan = WorkItemLoops.plan(k.ir());
        assertTrue(plan.returns());
        assertEquals(List.of("v"), names(plan.perItem()));
        int global = 32, group = 8, n = 13;
        int[] out = new int[global];
        JvmIr.run(k, new int[] {global}, new int[] {group}, IntArray.of(out), n);
        int[] ref = new int[global];
        for (int gid = 0; gid < n; gid++) ref[gid] = gid * 3 + (gid - gid % group) * 3;
        assertArrayEquals(ref, out);
    }
}
