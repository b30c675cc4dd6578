package org.jdpx.tensor.fusion;

import java.math.BigDecimal;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;

/**
 * {@code exp} written out in IR arithmetic, so it vectorizes where a call to the device's
 * {@code exp} does not: PoCL compiles its built-in into scalar code inside loops, and the JVM's
 * {@code Math.exp} is an out-of-line intrinsic call. Only IEEE additions and multiplications (never fused),
 * selects, integer shifts and bit casts are used, so every device computes the same bits.
 *
 * <p>The method: {@code x} is clamped to a range whose ends already overflow to infinity or
 * underflow to zero (a NaN passes the clamp and propagates through the arithmetic);
 * {@code k = round(x / ln 2)} by adding and subtracting 1.5·2^p (p the mantissa width), which
 * also leaves {@code k} in the low bits of the sum; {@code r = x - k·ln 2} with ln 2 split in a
 * short high part (so {@code k·hi} and {@code x - k·hi} are exact) and a low part, giving
 * |r| ≤ ln 2 / 2 (plus rounding); {@code e^r} by its Taylor series to degree 7 (float32) or 13
 * (float64), whose truncation error is below 0.1 ulp there, summed as
 * {@code 1 + (r + r²·q(r))} so the last rounding dominates; and the result scaled by
 * {@code 2^k} as two powers of two built from exponent bits, so that neither overflows early and
 * a subnormal result is rounded once. In float32 the error is about 1 ulp of the exact value
 * (1.01 at worst over every 7th float of the range); {@code ExpLoweringTest} holds both
 * precisions within 2 ulp of {@link StrictMath#exp} on every device. {@link FloatBlocks} and
 * {@link DoubleBlocks} compute the same steps in Vector API lanes (the same bits) on the java device.
 */
final class ExpLowering {
    /** ln 2 to 60 digits, for the high/low split. */
    private static final BigDecimal LN2 = new BigDecimal("0.693147180559945309417232121458176568075500134360255254120680");
    /** 1/ln 2 rounded to double. */
    static final double LOG2E = 1.4426950408889634;

    /** Low mantissa bits cleared in ln 2's high part: the product with any k in range stays exact. */
    private static final int F32_CLEARED = 12;
    private static final int F64_CLEARED = 21;
    static final float F32_LN2_HI = Float.intBitsToFloat(Float.floatToRawIntBits((float) LN2.doubleValue())
            & -(1 << F32_CLEARED));
    static final float F32_LN2_LO = LN2.subtract(new BigDecimal(F32_LN2_HI)).floatValue();
    static final double F64_LN2_HI = Double.longBitsToDouble(Double.doubleToRawLongBits(LN2.doubleValue())
            & -(1L << F64_CLEARED));
    static final double F64_LN2_LO = LN2.subtract(new BigDecimal(F64_LN2_HI)).doubleValue();

    /** 1.5·2^23 and 1.5·2^52: adding one rounds to an integer and leaves it in the low mantissa bits. */
    static final float F32_SHIFTER = 12582912f;
    static final double F64_SHIFTER = 6755399441055744.0;

    /**
     * Clamp bounds: exp(89) overflows float32 and exp(-110) rounds to 0 (likewise 710 and -760 in
     * float64), while k stays within what two normal powers of two can scale by.
     */
    static final float F32_HI = 89f;
    static final float F32_LO = -110f;
    static final double F64_HI = 710.0;
    static final double F64_LO = -760.0;

    /** Taylor degrees: the truncation error (ln 2 / 2)^(d+1) / (d+1)! stays below 0.1 ulp. */
    static final int F32_DEGREE = 7;
    static final int F64_DEGREE = 13;

    private ExpLowering() {
    }

    /**
     * Emits {@code exp(x)} for a float {@code x} of type {@code t} (F32 or F64) into {@code low}'s
     * builder and returns the expression holding the result.
     */
    static Expr exp(Lowering low, Scalar t, Expr x) {
        boolean f32 = t == Scalar.F32;
        if (!f32 && t != Scalar.F64) throw new IllegalArgumentException("exp of " + t + ": expected F32 or F64");
        IrBuilder b = low.builder();
        Scalar bits = f32 ? Scalar.I32 : Scalar.I64;
        Var xc = low.temp(t);
        b.assign(xc, x);
        // NaN fails both comparisons and stays NaN.
        b.assign(xc, b.select(b.compare(CmpOp.GT, b.read(xc), c(b, t, f32 ? F32_HI : F64_HI)), c(b, t, f32 ? F32_HI : F64_HI),
                b.read(xc)));
        b.assign(xc, b.select(b.compare(CmpOp.LT, b.read(xc), c(b, t, f32 ? F32_LO : F64_LO)), c(b, t, f32 ? F32_LO : F64_LO),
                b.read(xc)));
        Expr shifter = c(b, t, f32 ? F32_SHIFTER : F64_SHIFTER);
        Var shifted = low.temp(t);
        b.assign(shifted, b.add(b.mul(b.read(xc), c(b, t, LOG2E)), shifter));
        Var k = low.temp(t);
        b.assign(k, b.sub(b.read(shifted), shifter));
        Var r = low.temp(t);
        b.assign(r, b.sub(b.sub(b.read(xc), b.mul(b.read(k), c(b, t, f32 ? F32_LN2_HI : F64_LN2_HI))),
                b.mul(b.read(k), c(b, t, f32 ? F32_LN2_LO : F64_LN2_LO))));
        Var p = low.temp(t);
        polynomial(b, t, r, p, f32 ? F32_DEGREE : F64_DEGREE);
        // k as an integer: the low bits of shifted, less the shifter's.
        Var ki = low.temp(bits);
        b.assign(ki, b.sub(new Expr.Bitcast(bits, b.read(shifted)), new Expr.Bitcast(bits, shifter)));
        Var k1 = low.temp(bits);
        b.assign(k1, b.binary(BinOp.SHR, b.read(ki), b.i32(1)));
        Expr k2 = b.sub(b.read(ki), b.read(k1));
        return b.mul(b.mul(b.read(p), powerOfTwo(b, f32, b.read(k1))), powerOfTwo(b, f32, k2));
    }

    /** {@code p = 1 + (r + r²·(1/2! + r·(1/3! + ... + r/d!)))}, by Horner's rule. */
    private static void polynomial(IrBuilder b, Scalar t, Var r, Var p, int degree) {
        b.assign(p, c(b, t, inverseFactorial(degree)));
        for (int n = degree - 1; n >= 2; n--) {
            b.assign(p, b.add(b.mul(b.read(p), b.read(r)), c(b, t, inverseFactorial(n))));
        }
        b.assign(p, b.add(c(b, t, 1.0), b.add(b.read(r), b.mul(b.mul(b.read(r), b.read(r)), b.read(p)))));
    }

    /** 2^e for an integer e within the normal exponent range, from its exponent bits. */
    private static Expr powerOfTwo(IrBuilder b, boolean f32, Expr e) {
        if (f32) return new Expr.Bitcast(Scalar.F32, b.binary(BinOp.SHL, b.add(e, b.i32(127)), b.i32(23)));
        return new Expr.Bitcast(Scalar.F64, b.binary(BinOp.SHL, b.add(e, b.i64(1023)), b.i32(52)));
    }

    /** 1/n! rounded once to double (then to float for F32 constants). */
    static double inverseFactorial(int n) {
        BigDecimal f = BigDecimal.ONE;
        for (int i = 2; i <= n; i++) f = f.multiply(BigDecimal.valueOf(i));
        return 1.0 / f.doubleValue();
    }

    private static Expr c(IrBuilder b, Scalar t, double v) {
        return t == Scalar.F32 ? b.f32((float) v) : b.f64(v);
    }
}
