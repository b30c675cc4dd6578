package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.testutil.ArraysOnDevice;

/**
 * The IR's Java semantics at their edges, on every device: the java device runs the JVM emitter's
 * bytecode, OpenCL devices the OpenCL C (and rusticl shows an fp64-less device), all checked bit for
 * bit against one plain-Java reference: int and long wrap-around, division and remainder (with
 * {@code MIN / -1} and the devices' {@code x / 0 == 0}), shift counts beyond the width, float to
 * integer saturation with NaN to 0, conversions between every pair of scalars, and the OpenCL math
 * rules (fmin/fmax ignoring a NaN, sign, popcount, clz).
 */
class JvmSemanticsTest {

    static final int[] A = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, -7, 7, -7, 123456789, 5, -1, 0, 99,
        -99, 0x12345678, -0x12345678, 1 << 30, 3};
    static final int[] B = {-1, 0, 2, 2, -2, 0, 33, 31, 32, 63, -1, 65, 7, -3, Integer.MIN_VALUE, 1000};
    static final float[] F = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e9f, -3e9f, 1.5f, -1.5f,
        200.7f, -129.5f, 70000.5f, -0.0f, 1e20f, 65535.9f, -32768.5f, 2147483520f, 2.5f};
    static final float[] G = {2f, 1f, Float.NaN, Float.NaN, 5f, -2.5f, 7f, 1e9f, -1e9f, 0.5f, 3f, Float.NaN, -4f, 8f, 9f, 2.5f};
    static final long[] L = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, 1L << 40, -(1L << 40) - 3, 0x123456789ABCDEFL,
        300, -300, 70000, -70000, 1L << 31, 40000, 128, -129, 65535};
    static final int N = A.length;

    // ------------------------------------------------------------------ integer arithmetic

    static KernelModule intOps() {
        IrBuilder b = IrBuilder.kernel("int_ops");
        Var a = b.view("a", Scalar.I32, 0), bb = b.view("b", Scalar.I32, 1);
        Var out = b.view("out", Scalar.I32, 2), lout = b.view("lout", Scalar.I64, 3);
        Var i = b.local("i", Scalar.I32), x = b.local("x", Scalar.I32), y = b.local("y", Scalar.I32);
        Var lx = b.local("lx", Scalar.I64), ly = b.local("ly", Scalar.I64);
        b.assign(i, b.globalId(0));
        b.assign(x, b.load(b.read(a), b.read(i)));
        b.assign(y, b.load(b.read(bb), b.read(i)));
        BinOp[] ops = {BinOp.MUL, BinOp.ADD, BinOp.SUB, BinOp.DIV, BinOp.REM, BinOp.SHL, BinOp.SHR, BinOp.USHR, BinOp.AND, BinOp.XOR};
        for (int k = 0; k < ops.length; k++) {
            b.store(b.read(out), b.add(b.read(i), b.i32(k * N)), b.binary(ops[k], b.read(x), b.read(y)));
        }
        b.store(b.read(out), b.add(b.read(i), b.i32(ops.length * N)), new Expr.Unary(UnOp.NEG, b.read(x)));
        b.assign(lx, b.add(b.mul(b.convert(Scalar.I64, b.read(x)), b.i64(0x9E3779B97F4A7C15L)), b.convert(Scalar.I64, b.read(y))));
        b.assign(ly, b.convert(Scalar.I64, b.read(y)));
        BinOp[] lops = {BinOp.MUL, BinOp.ADD, BinOp.DIV, BinOp.REM};
        for (int k = 0; k < lops.length; k++) {
            b.store(b.read(lout), b.add(b.read(i), b.i32(k * N)), b.binary(lops[k], b.read(lx), b.read(ly)));
        }
        BinOp[] shifts = {BinOp.SHL, BinOp.SHR, BinOp.USHR};
        for (int k = 0; k < shifts.length; k++) {
            b.store(b.read(lout), b.add(b.read(i), b.i32((4 + k) * N)), b.binary(shifts[k], b.read(lx), b.read(y)));
        }
        b.store(b.read(lout), b.add(b.read(i), b.i32(7 * N)), new Expr.Unary(UnOp.NEG, b.read(lx)));
        return new KernelModule(b.build(), List.of());
    }

    @OnEveryDevice
    void integerArithmeticWrapsDividesAndShiftsLikeJava(Device device) {
        int[] out = new int[11 * N];
        long[] lout = new long[8 * N];
        ArraysOnDevice.launch(device, KernelCompiler.fromIr(intOps(), "test:int_ops"), Range.of(N), A.clone(), B.clone(), out, lout);
        for (int i = 0; i < N; i++) {
            int x = A[i], y = B[i];
            int[] e = {x * y, x + y, x - y, y == 0 ? 0 : x / y, y == 0 ? 0 : x % y, x << y, x >> y, x >>> y, x & y, x ^ y, -x};
            for (int k = 0; k < e.length; k++) assertEquals(e[k], out[k * N + i], "int op " + k + " on " + x + ", " + y);
            long lx = (long) x * 0x9E3779B97F4A7C15L + y, ly = y;
            long[] le = {lx * ly, lx + ly, ly == 0 ? 0 : lx / ly, ly == 0 ? 0 : lx % ly, lx << y, lx >> y, lx >>> y, -lx};
            for (int k = 0; k < le.length; k++) assertEquals(le[k], lout[k * N + i], "long op " + k + " on " + lx + ", " + y);
        }
    }

    // ------------------------------------------------------------------ conversions

    static final Scalar[] INTS = {Scalar.I8, Scalar.I16, Scalar.U16, Scalar.I32, Scalar.I64};

    /** Every source type converted to every target: integers widened to long for storage, floats stored as float or double. */
    static KernelModule conversions(boolean fp64) {
        IrBuilder b = IrBuilder.kernel(fp64 ? "conversions64" : "conversions");
        Var a = b.view("a", Scalar.I32, 0), l = b.view("l", Scalar.I64, 1), f = b.view("f", Scalar.F32, 2);
        Var outI = b.view("out_i", Scalar.I64, 3), outF = b.view("out_f", Scalar.F32, 4);
        Var outD = fp64 ? b.view("out_d", Scalar.F64, 5) : null;
        Var i = b.local("i", Scalar.I32);
        b.assign(i, b.globalId(0));
        Expr ai = b.load(b.read(a), b.read(i));
        List<Expr> sources = new java.util.ArrayList<>(List.of(b.convert(Scalar.I8, ai), b.convert(Scalar.I16, ai),
                b.convert(Scalar.U16, ai), ai, b.load(b.read(l), b.read(i)), b.load(b.read(f), b.read(i))));
        if (fp64) sources.add(b.mul(b.convert(Scalar.F64, b.load(b.read(f), b.read(i))), b.f64(1.0000001)));
        int slot = 0;
        for (Expr src : sources) {
            for (Scalar to : INTS) {
                b.store(b.read(outI), b.add(b.read(i), b.i32(slot++ * N)), b.convert(Scalar.I64, b.convert(to, src)));
            }
        }
        slot = 0;
        for (Expr src : sources) {
            b.store(b.read(outF), b.add(b.read(i), b.i32(slot * N)), b.convert(Scalar.F32, src));
            if (fp64) b.store(b.read(outD), b.add(b.read(i), b.i32(slot * N)), b.convert(Scalar.F64, src));
            slot++;
        }
        return new KernelModule(b.build(), List.of());
    }

    /** The reference: Java's own casts, narrowing a float through int as Java does. */
    static long toInt(Scalar to, double v, boolean isFloat, long bits) {
        long x = isFloat ? (to == Scalar.I64 ? (long) v : (int) v) : bits;
        return switch (to) {
            case I8 -> (byte) x;
            case I16 -> (short) x;
            case U16 -> (char) x;
            case I32 -> (int) x;
            default -> x;
        };
    }

    @OnEveryDevice
    void conversionsBetweenAllScalarsSaturateAndSendNanToZero(Device device) {
        boolean fp64 = device.hasAspect(Aspect.FP64);
        int sources = fp64 ? 7 : 6;
        long[] outI = new long[sources * INTS.length * N];
        float[] outF = new float[sources * N];
        double[] outD = new double[sources * N];
        CompiledKernel k = KernelCompiler.fromIr(conversions(fp64), "test:conversions:" + fp64);
        if (fp64) ArraysOnDevice.launch(device, k, Range.of(N), A.clone(), L.clone(), F.clone(), outI, outF, outD);
        else ArraysOnDevice.launch(device, k, Range.of(N), A.clone(), L.clone(), F.clone(), outI, outF);
        for (int i = 0; i < N; i++) {
            long[] ints = {(byte) A[i], (short) A[i], (char) A[i], A[i], L[i]};
            double[] floats = {F[i], fp64 ? (double) F[i] * 1.0000001 : 0};
            for (int s = 0; s < sources; s++) {
                boolean isFloat = s >= 5;
                double fv = isFloat ? floats[s - 5] : 0;
                for (int t = 0; t < INTS.length; t++) {
                    long e = toInt(INTS[t], fv, isFloat, isFloat ? 0 : ints[s]);
                    assertEquals(e, outI[(s * INTS.length + t) * N + i], "source " + s + " to " + INTS[t] + " at " + i + " on " + device);
                }
                float ef = isFloat ? (float) fv : (float) ints[s];
                assertEquals(Float.floatToIntBits(ef), Float.floatToIntBits(outF[s * N + i]), "source " + s + " to F32 at " + i);
                if (fp64) {
                    double ed = isFloat ? fv : (double) ints[s];
                    assertEquals(Double.doubleToLongBits(ed), Double.doubleToLongBits(outD[s * N + i]), "source " + s + " to F64 at " + i);
                }
            }
        }
    }

    // ------------------------------------------------------------------ OpenCL math rules

    static KernelModule mathRules() {
        IrBuilder b = IrBuilder.kernel("math_rules");
        Var f = b.view("f", Scalar.F32, 0), g = b.view("g", Scalar.F32, 1), a = b.view("a", Scalar.I32, 2);
        Var out = b.view("out", Scalar.F32, 3), outI = b.view("out_i", Scalar.I32, 4);
        Var i = b.local("i", Scalar.I32), x = b.local("x", Scalar.F32), y = b.local("y", Scalar.F32);
        b.assign(i, b.globalId(0));
        b.assign(x, b.load(b.read(f), b.read(i)));
        b.assign(y, b.load(b.read(g), b.read(i)));
        Expr[] r = {b.math(MathFn.FMIN, Scalar.F32, b.read(x), b.read(y)), b.math(MathFn.FMAX, Scalar.F32, b.read(x), b.read(y)),
            b.math(MathFn.SIGN, Scalar.F32, b.read(x)), b.math(MathFn.FABS, Scalar.F32, b.read(x)),
            b.math(MathFn.FLOOR, Scalar.F32, b.read(y)), b.binary(BinOp.REM, b.read(x), b.read(y))};
        for (int k = 0; k < r.length; k++) b.store(b.read(out), b.add(b.read(i), b.i32(k * N)), r[k]);
        Expr ai = b.load(b.read(a), b.read(i));
        Expr[] ri = {b.math(MathFn.POPCOUNT, Scalar.I32, ai), b.math(MathFn.CLZ, Scalar.I32, ai),
            b.math(MathFn.MIN, Scalar.I32, ai, b.i32(3)), b.math(MathFn.CLAMP, Scalar.I32, ai, b.i32(-5), b.i32(100)),
            b.convert(Scalar.I32, b.math(MathFn.ISNAN, Scalar.F32, b.read(x)))};
        for (int k = 0; k < ri.length; k++) b.store(b.read(outI), b.add(b.read(i), b.i32(k * N)), ri[k]);
        return new KernelModule(b.build(), List.of());
    }

    static float fmin(float a, float b) { return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.min(a, b); }
    static float fmax(float a, float b) { return Float.isNaN(a) ? b : Float.isNaN(b) ? a : Math.max(a, b); }

    @OnEveryDevice
    void fminFmaxIgnoreOneNanAndIntegerBuiltinsMatch(Device device) {
        float[] out = new float[6 * N];
        int[] outI = new int[5 * N];
        ArraysOnDevice.launch(device, KernelCompiler.fromIr(mathRules(), "test:math_rules"), Range.of(N), F.clone(), G.clone(),
                A.clone(), out, outI);
        for (int i = 0; i < N; i++) {
            float x = F[i], y = G[i];
            float[] e = {fmin(x, y), fmax(x, y), Float.isNaN(x) ? 0f : Math.signum(x), Math.abs(x), (float) Math.floor(y), x % y};
            for (int k = 0; k < e.length; k++) {
                float got = out[k * N + i];
                if (k == 2 && x == 0f) {
                    // OpenCL's sign(-0) is -0, which the java device gives; one OpenCL driver here returns +0
                    assertEquals(0f, Math.abs(got), "sign of a zero on " + device);
                    continue;
                }
                assertEquals(Float.floatToIntBits(e[k]), Float.floatToIntBits(got), "float rule " + k + " on " + x + ", " + y + " on " + device);
            }
            int v = A[i];
            int[] ei = {Integer.bitCount(v), Integer.numberOfLeadingZeros(v), Math.min(v, 3), Math.min(Math.max(v, -5), 100), Float.isNaN(x) ? 1 : 0};
            for (int k = 0; k < ei.length; k++) assertEquals(ei[k], outI[k * N + i], "int rule " + k + " on " + v);
        }
    }
}
