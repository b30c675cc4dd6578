package org.jdpx.tensor.fusion;

import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;

/**
 * float16 in kernels that have no half type: the IEEE binary16 bits live in a short in memory
 * and are converted to and from float32 with integer operations (plus one {@code rint} for
 * the subnormal range), so the same code runs on the java device and on OpenCL devices with or
 * without {@code cl_khr_fp16}. Every float16 result is rounded to half (ties to even) after
 * each operation, as NumPy's float16 loops do, so fused kernels give NumPy's values.
 */
final class HalfLowering {
    private static final int EXP_REBIAS = (127 - 15) << 23;

    private HalfLowering() {
    }

    /** The float32 value of half bits {@code raw} (an I16 or I32 holding them). */
    static Expr toFloat(Lowering low, Expr raw) {
        IrBuilder b = low.builder();
        Var h = low.temp(Scalar.I32);
        b.assign(h, b.binary(BinOp.AND, b.convert(Scalar.I32, raw), b.i32(0xFFFF)));
        Var em = low.temp(Scalar.I32);
        b.assign(em, b.binary(BinOp.AND, b.read(h), b.i32(0x7FFF)));
        Expr shifted = b.binary(BinOp.SHL, b.read(em), b.i32(13));
        Expr normal = b.add(shifted, b.i32(EXP_REBIAS));
        Expr special = b.binary(BinOp.OR, shifted, b.i32(0x7F800000));
        Expr bits = b.select(b.compare(CmpOp.GE, b.read(em), b.i32(0x7C00)), special, normal);
        // Subnormal halves through an exact int-to-float product: no float32 subnormal is involved.
        Expr sub = new Expr.Bitcast(Scalar.I32, b.mul(b.convert(Scalar.F32, b.read(em)), b.f32(0x1p-24f)));
        Expr magnitude = b.select(b.compare(CmpOp.LT, b.read(em), b.i32(0x400)), sub, bits);
        Expr sign = b.binary(BinOp.SHL, b.binary(BinOp.AND, b.read(h), b.i32(0x8000)), b.i32(16));
        return new Expr.Bitcast(Scalar.F32, b.binary(BinOp.OR, magnitude, sign));
    }

    /**
     * The half bits (an I32 in 0..0xFFFF) nearest float32 {@code f}, ties to even. A NaN keeps the
     * top ten bits of its payload (at least one set), as NumPy's float-to-half does, so a float16
     * element loaded and stored again (a copy of a strided view) keeps its bits exactly.
     */
    static Expr toBits(Lowering low, Expr f) {
        IrBuilder b = low.builder();
        Var x = low.temp(Scalar.I32);
        b.assign(x, new Expr.Bitcast(Scalar.I32, f));
        Var a = low.temp(Scalar.I32);
        b.assign(a, b.binary(BinOp.AND, b.read(x), b.i32(0x7FFFFFFF)));
        Expr sign = b.binary(BinOp.AND, b.binary(BinOp.USHR, b.read(x), b.i32(16)), b.i32(0x8000));
        Expr m = b.sub(b.read(a), b.i32(EXP_REBIAS));
        Expr normal = b.binary(BinOp.SHR, b.add(b.add(m, b.i32(0xFFF)),
                b.binary(BinOp.AND, b.binary(BinOp.SHR, m, b.i32(13)), b.i32(1))), b.i32(13));
        Expr sub = b.convert(Scalar.I32, b.math(MathFn.RINT, Scalar.F32,
                b.mul(new Expr.Bitcast(Scalar.F32, b.read(a)), b.f32(0x1p24f))));
        Var nan = low.temp(Scalar.I32);
        b.assign(nan, b.binary(BinOp.OR, b.i32(0x7C00), b.binary(BinOp.AND, b.binary(BinOp.SHR, b.read(a), b.i32(13)),
                b.i32(0x3FF))));
        Expr nanBits = b.select(b.compare(CmpOp.EQ, b.read(nan), b.i32(0x7C00)), b.i32(0x7C01), b.read(nan));
        Expr magnitude = b.select(b.compare(CmpOp.GT, b.read(a), b.i32(0x7F800000)), nanBits,
                b.select(b.compare(CmpOp.GE, b.read(a), b.i32(0x477FF000)), b.i32(0x7C00),
                        b.select(b.compare(CmpOp.GE, b.read(a), b.i32(0x38800000)), normal, sub)));
        return b.binary(BinOp.OR, magnitude, sign);
    }

    /** {@code f} rounded to the nearest float16, as a float32 again. */
    static Expr round(Lowering low, Expr f) {
        return toFloat(low, toBits(low, f));
    }

    /**
     * A float64 as the float32 nearest it rounded to odd: converting that to half rounds once
     * (float32 has more than two bits beyond half's), as NumPy's direct double-to-half does.
     */
    static Expr toOddFloat(Lowering low, Expr d) {
        IrBuilder b = low.builder();
        Var f = low.temp(Scalar.F32);
        b.assign(f, b.convert(Scalar.F32, d));
        Var bits = low.temp(Scalar.I32);
        b.assign(bits, new Expr.Bitcast(Scalar.I32, b.read(f)));
        Expr back = b.convert(Scalar.F64, b.read(f));
        Expr inexactEven = new Expr.Logic(true, b.compare(CmpOp.NE, back, d),
                b.compare(CmpOp.EQ, b.binary(BinOp.AND, b.read(bits), b.i32(1)), b.i32(0)));
        Expr away = b.compare(CmpOp.GT, b.math(MathFn.FABS, Scalar.F64, d), b.math(MathFn.FABS, Scalar.F64, back));
        Expr moved = b.select(away, b.add(b.read(bits), b.i32(1)), b.sub(b.read(bits), b.i32(1)));
        return new Expr.Bitcast(Scalar.F32, b.select(inexactEven, moved, b.read(bits)));
    }
}
