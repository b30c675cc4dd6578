package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Random straight-line float and double kernels, built as IR, run three ways on the java device:
 * as generated lane code ({@link LaneCode}), an operation at a time ({@link LaneLoops}) and one
 * item at a time (the JVM emitter's bytecode, lanes off). Every stored element must have the same
 * bits all three ways (any NaN equals any NaN; -0.0 differs from 0.0); launch sums, added in
 * another order, within a bound of the sum of the terms' magnitudes. Kernels mix operations
 * (+, -, *, /, negation, sqrt, fabs, fma), loads at small offsets, constants, a by-value argument
 * and, in some, a view of the other float type through a conversion (which keeps them off the
 * generated code); ranges are not multiples of a vector.
 */
@ExtendWith(LaneDefaults.class)
class LaneKernelsFuzzTest {
    private static final int KERNELS = 150;

    /** One random kernel: its IR, its element type, and whether it sums and mixes types. */
    private record Case(KernelModule module, Scalar type, boolean sums, boolean mixed) {
    }

    private static Case randomKernel(Random r, int id) {
        Scalar t = r.nextBoolean() ? Scalar.F32 : Scalar.F64;
        Scalar other = t == Scalar.F32 ? Scalar.F64 : Scalar.F32;
        boolean mixed = r.nextInt(4) == 0, sums = r.nextInt(3) == 0;
        IrBuilder b = IrBuilder.kernel("lanes_" + id);
        Var[] in = {b.view("in0", t, 0), b.view("in1", t, 1), b.view("in2", other, 2)};
        Var out = b.view("out", t, 3), out2 = b.view("out2", t, 4), sum = b.view("sum", t, 5);
        Var alpha = b.value("alpha", t == Scalar.F32 ? float.class : double.class, 6);
        Var i = b.local("i", Scalar.I32);
        b.assign(i, b.globalId(0));
        List<Var> temps = new ArrayList<>();
        Gen g = new Gen(r, b, t, in, alpha, i, temps, mixed);
        int n = 2 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            Var v = b.local("t" + k, t);
            b.assign(v, g.expr(3));
            temps.add(v);
        }
        b.store(b.read(out), b.read(i), b.read(temps.getLast()));
        // a summed value is also stored in out2, so the check knows the terms' size
        Var second = temps.get(r.nextInt(temps.size()));
        if (sums || r.nextBoolean()) b.store(b.read(out2), b.add(b.read(i), b.i32(1)), b.read(second));
        if (sums) b.add(new Stmt.Eval(new Expr.Atomic(AtomicOp.ADD, b.read(sum), b.i32(0), List.of(b.read(second)))));
        return new Case(new KernelModule(b.build(), List.of()), t, sums, mixed);
    }

    /** Random expressions of one float type. */
    private record Gen(Random r, IrBuilder b, Scalar t, Var[] in, Var alpha, Var i, List<Var> temps, boolean mixed) {
        Expr expr(int depth) {
            int pick = depth == 0 ? r.nextInt(4) : r.nextInt(10);
            return switch (pick) {
                case 0 -> load();
                case 1 -> temps.isEmpty() || r.nextBoolean() ? load() : b.read(temps.get(r.nextInt(temps.size())));
                case 2 -> r.nextBoolean() ? b.read(alpha) : constant();
                case 3 -> mixed ? b.convert(t, b.load(b.read(in[2]), index())) : load();
                case 4, 5, 6 -> b.binary(new BinOp[] {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.DIV}[r.nextInt(4)],
                        expr(depth - 1), expr(depth - 1));
                case 7 -> new Expr.Unary(UnOp.NEG, expr(depth - 1));
                case 8 -> b.math(r.nextBoolean() ? MathFn.SQRT : MathFn.FABS, t, expr(depth - 1));
                default -> b.math(MathFn.FMA, t, expr(depth - 1), expr(depth - 1), expr(depth - 1));
            };
        }

        private Expr load() {
            return b.load(b.read(in[r.nextInt(2)]), index());
        }

        private Expr index() {
            int off = r.nextInt(3);
            return off == 0 ? b.read(i) : b.add(b.read(i), b.i32(off));
        }

        private Expr constant() {
            double c = new double[] {0.0, -0.0, 1.0, -2.5, 1e-3, 3e7}[r.nextInt(6)];
            return t == Scalar.F32 ? b.f32((float) c) : b.f64(c);
        }
    }

    /** The kernel's outputs (out, out2, sum) over {@code n} items run one of three ways. */
    private static double[][] run(CompiledKernel k, Case c, int n, double[][] inputs, double alpha, int way) {
        LaneKernels.enabled = way < 2;
        LaneKernels.generated = way == 0;
        Object[] args = new Object[7];
        double[][] outs = new double[3][];
        Object[] views = new Object[6];
        for (int v = 0; v < 6; v++) {
            boolean f32 = (v == 2 ? (c.type() == Scalar.F32 ? Scalar.F64 : Scalar.F32) : c.type()) == Scalar.F32;
            int len = v == 5 ? 1 : n + 2;
            double[] init = v < 3 ? inputs[v] : new double[len];
            if (v == 5) init[0] = 0.5;
            if (f32) {
                float[] a = new float[len];
                for (int e = 0; e < len; e++) a[e] = (float) init[e];
                views[v] = a;
                args[v] = FloatArray.of(a);
            } else {
                double[] a = init.clone();
                views[v] = a;
                args[v] = DoubleArray.of(a);
            }
        }
        args[6] = c.type() == Scalar.F32 ? (Object) (float) alpha : (Object) alpha;
        JvmKernelRunner.run(k, new int[] {n}, null, args);
        for (int v = 3; v < 6; v++) {
            if (views[v] instanceof float[] f) {
                outs[v - 3] = new double[f.length];
                for (int e = 0; e < f.length; e++) outs[v - 3][e] = f[e];
            } else {
                outs[v - 3] = (double[]) views[v];
            }
        }
        return outs;
    }

    @Test
    void randomStraightLineKernelsGiveTheSameBitsInLanesAsItemByItem() {
        Random r = new Random(20261206);
        int generatedCode = 0, operationAtATime = 0;
        for (int id = 0; id < KERNELS; id++) {
            Case c = randomKernel(r, id);
            CompiledKernel k = KernelCompiler.fromIr(c.module(), "test:lanes_fuzz_" + id);
            try {
                LanePlan.of(c.module());
            } catch (LanePlan.Refused e) {
                throw new AssertionError("kernel " + id + " has no lane program: " + e.getMessage(), e);
            }
            LaneKernels.Program program = LaneKernels.plan(k);
            assertNotNull(program, "kernel " + id + " has a lane program");
            assertEquals(1, program.paths().size(), "kernel " + id + " has no branches");
            LaneKernels.Path p = program.paths().getFirst();
            boolean oneType = p.plan().registers.stream().distinct().count() == 1;
            assertEquals(oneType && p.plan().ops.size() <= LaneCode.MAX_OPS, p.code() != null,
                    "kernel " + id + ": generated code exactly where the registers hold one type and the operations are few");
            assertTrue(oneType || c.mixed(), "kernel " + id + " mixes types only through its view of the other type");
            if (p.code() != null) generatedCode++;
            else operationAtATime++;
            int n = new int[] {1, 5, 16, 33, 1000, 4099}[r.nextInt(6)];
            double[][] inputs = new double[3][n + 2];
            for (double[] in : inputs) for (int e = 0; e < in.length; e++) in[e] = r.nextInt(8) == 0 ? 0 : (r.nextDouble() * 8 - 4);
            double alpha = r.nextDouble() * 3 - 1;
            double[][] items = run(k, c, n, inputs, alpha, 2);
            for (int way = 0; way < 2; way++) {
                double[][] lanes = run(k, c, n, inputs, alpha, way);
                String what = "kernel " + id + " over " + n + (way == 0 ? ", generated code" : ", an operation at a time");
                for (int o = 0; o < 2; o++) {
                    for (int e = 0; e < items[o].length; e++) {
                        assertEquals(Double.doubleToLongBits(items[o][e]), Double.doubleToLongBits(lanes[o][e]),
                                what + ": out" + (o == 0 ? "" : "2") + "[" + e + "] " + items[o][e] + " vs " + lanes[o][e]);
                    }
                }
                if (c.sums()) checkSum(items[2][0], lanes[2][0], c.type(), items[1], n, what);
            }
        }
        assertTrue(generatedCode > 30 && operationAtATime > 10, generatedCode + " generated, " + operationAtATime + " an operation at a time");
    }

    /**
     * Launch sums add in another order: both within {@code n·eps·Σ|term|} of the exact sum (the
     * terms are {@code terms[1..n]}), so within twice that of each other; or both not finite.
     */
    private static void checkSum(double items, double lanes, Scalar t, double[] terms, int n, String what) {
        double magnitude = 0.5; // the sum's starting value
        for (int e = 1; e <= n; e++) magnitude += Math.abs(terms[e]);
        if (!Double.isFinite(items) || !Double.isFinite(lanes) || !Double.isFinite(magnitude)) {
            assertEquals(Double.isFinite(items), Double.isFinite(lanes), what + ": sum " + items + " vs " + lanes);
            return;
        }
        double eps = t == Scalar.F32 ? 0x1p-24 : 0x1p-53;
        assertEquals(items, lanes, 2.0 * (n + 1) * eps * magnitude, what + ": sum");
    }

    /** An int expression {@code a·i + b·j + c} or {@code k}, small coefficients. */
    private static Expr affine(Random r, IrBuilder b, Var i, Var j, Var k, int size) {
        if (r.nextInt(6) == 0) return b.read(k);
        Expr e = b.i32(r.nextInt(size + 6) - 3);
        int ci = r.nextInt(5) - 2, cj = r.nextInt(5) - 2;
        if (ci != 0) e = b.add(e, ci == 1 ? b.read(i) : b.binary(BinOp.MUL, b.i32(ci), b.read(i)));
        if (cj != 0) e = b.add(e, cj == 1 ? b.read(j) : b.binary(BinOp.MUL, b.read(j), b.i32(cj)));
        return e;
    }

    private static Expr condition(Random r, IrBuilder b, Var i, Var j, Var k, int size, int depth) {
        int pick = depth == 0 ? 0 : r.nextInt(4);
        return switch (pick) {
            case 1 -> new Expr.Logic(r.nextBoolean(), condition(r, b, i, j, k, size, depth - 1), condition(r, b, i, j, k, size, depth - 1));
            case 2 -> new Expr.Unary(UnOp.NOT, condition(r, b, i, j, k, size, depth - 1));
            default -> b.compare(org.jdpx.kernels.ir.CmpOp.values()[r.nextInt(6)], affine(r, b, i, j, k, size), affine(r, b, i, j, k, size));
        };
    }

    /** {@code out[i][j] = } a random float expression of {@code a[i][j]}, {@code b[i][j]} and constants. */
    private static void store(Random r, IrBuilder b, Var out, Var[] in, Expr at) {
        Expr x = b.load(b.read(in[r.nextInt(2)]), at);
        for (int t = r.nextInt(3); t > 0; t--) {
            Expr y = r.nextBoolean() ? b.load(b.read(in[r.nextInt(2)]), at) : b.f32(r.nextInt(7) - 3.5f);
            x = b.binary(new BinOp[] {BinOp.ADD, BinOp.SUB, BinOp.MUL, BinOp.DIV}[r.nextInt(4)], x, y);
        }
        b.store(b.read(out), at, x);
    }

    @Test
    void randomBranchesOnTheIdsGiveTheSameBitsInLanesAsItemByItem() {
        Random r = new Random(61206);
        int branching = 0;
        for (int id = 0; id < KERNELS; id++) {
            int rows = 1 + r.nextInt(40), cols = 1 + r.nextInt(300);
            if (r.nextInt(10) == 0) rows = 300; // more than one task's items
            IrBuilder b = IrBuilder.kernel("branches_" + id);
            Var[] in = {b.view("a", Scalar.F32, 0), b.view("b", Scalar.F32, 1)};
            Var out = b.view("out", Scalar.F32, 2);
            Var m = b.value("m", int.class, 3), k = b.value("k", int.class, 4);
            Var i = b.local("i", Scalar.I32), j = b.local("j", Scalar.I32);
            b.assign(i, b.globalId(0));
            b.assign(j, b.globalId(1));
            Expr at = b.add(b.binary(BinOp.MUL, b.read(i), b.read(m)), b.read(j));
            int size = Math.max(rows, cols);
            if (r.nextInt(3) == 0) {
                b.ifThen(condition(r, b, i, j, k, size, 1), () -> b.ret(null));
            }
            Expr c = condition(r, b, i, j, k, size, 2);
            b.ifThenElse(c, () -> store(r, b, out, in, at), () -> {
                if (r.nextBoolean()) {
                    b.ifThenElse(condition(r, b, i, j, k, size, 1), () -> store(r, b, out, in, at), () -> store(r, b, out, in, at));
                } else {
                    store(r, b, out, in, at);
                }
            });
            CompiledKernel kernel = KernelCompiler.fromIr(new KernelModule(b.build(), List.of()), "test:lanes_branches_" + id);
            LaneKernels.Program program = LaneKernels.plan(kernel);
            assertNotNull(program, "kernel " + id + " has a lane program");
            if (program.paths().size() > 1) branching++;
            float[] a = new float[rows * cols], bb = new float[rows * cols];
            for (int e = 0; e < a.length; e++) {
                a[e] = r.nextFloat() * 4 - 2;
                bb[e] = r.nextFloat() * 4 - 2;
            }
            int kv = r.nextInt(size + 4) - 2;
            float[][] outs = new float[3][];
            for (int way = 0; way < 3; way++) {
                float[] o = outs[way] = new float[rows * cols];
                java.util.Arrays.fill(o, 7f);
                LaneKernels.enabled = way < 2;
                LaneKernels.generated = way == 0;
                JvmKernelRunner.run(kernel, new int[] {rows, cols}, null, FloatArray.of(a), FloatArray.of(bb), FloatArray.of(o), cols, kv);
                LaneKernels.enabled = true;
                LaneKernels.generated = true;
            }
            for (int way = 0; way < 2; way++) {
                for (int e = 0; e < outs[2].length; e++) {
                    assertEquals(Float.floatToIntBits(outs[2][e]), Float.floatToIntBits(outs[way][e]), "kernel " + id + " (" + rows + " x "
                            + cols + ", k = " + kv + ", " + (way == 0 ? "generated code" : "an operation at a time") + "): item ("
                            + e / cols + ", " + e % cols + ") " + outs[2][e] + " vs " + outs[way][e]);
                }
            }
        }
        assertTrue(branching > KERNELS / 2, branching + " of " + KERNELS + " kernels branch");
    }
}
