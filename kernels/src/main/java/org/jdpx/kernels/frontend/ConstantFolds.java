package org.jdpx.kernels.frontend;

import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;

/**
 * Float constants the frontend computes itself, exactly as Java does, instead of leaving them to
 * the device compiler. Found by the random kernel generator: PoCL folds some of these wrongly
 * ({@code rint(0x1p60f)} gave 1.0, {@code tanh(NaN)} and {@code expm1(-NaN)} gave 0) or never
 * finishes the launch ({@code rint(x / Float.NaN)}). Each fold gives Java's result on every device.
 */
final class ConstantFolds {
    private ConstantFolds() {
    }

    /** Negation; of a float constant, the negated constant. */
    static Expr negate(Expr a) {
        if (a instanceof Expr.Const c && c.type() == Scalar.F32) return Expr.Const.f32(-c.floatValue());
        if (a instanceof Expr.Const c && c.type() == Scalar.F64) return Expr.Const.f64(-c.doubleValue());
        return new Expr.Unary(UnOp.NEG, a);
    }

    /** {@code a op b}; NaN when either is a NaN constant and neither has a side effect (Java's + - * / % of NaN). */
    static Expr binary(BinOp op, Expr a, Expr b) {
        for (Expr e : new Expr[] {a, b}) {
            if (isNaN(e) && pure(a) && pure(b)) return e;
        }
        return new Expr.Binary(op, a, b);
    }

    /**
     * A one-argument float function: of a NaN constant, NaN (all but isnan and OpenCL's sign); floor,
     * ceil, rint or trunc of any constant, computed here.
     */
    static Expr mathCall(Expr.MathCall m) {
        if (m.args().size() != 1 || !(m.args().getFirst() instanceof Expr.Const c)
                || (c.type() != Scalar.F32 && c.type() != Scalar.F64)) {
            return m;
        }
        double v = c.type() == Scalar.F32 ? c.floatValue() : c.doubleValue();
        if (Double.isNaN(v) && m.fn() != MathFn.ISNAN && m.fn() != MathFn.SIGN) {
            return c;
        }
        double r;
        switch (m.fn()) {
            case FLOOR -> r = Math.floor(v);
            case CEIL -> r = Math.ceil(v);
            case RINT -> r = Math.rint(v);
            case TRUNC -> r = v < 0 ? Math.ceil(v) : Math.floor(v);
            default -> {
                return m;
            }
        }
        return c.type() == Scalar.F32 ? Expr.Const.f32((float) r) : Expr.Const.f64(r);
    }

    /** Java's {@code Math.round} of a float ({@code type} F32) or double constant. */
    static Expr round(Scalar type, Expr.Const c) {
        return type == Scalar.F32 ? Expr.Const.i32(Math.round(c.floatValue())) : Expr.Const.i64(Math.round(c.doubleValue()));
    }

    private static boolean isNaN(Expr e) {
        return e instanceof Expr.Const c && (c.type() == Scalar.F32 ? Float.isNaN(c.floatValue())
                : c.type() == Scalar.F64 && Double.isNaN(c.doubleValue()));
    }

    private static boolean pure(Expr e) {
        boolean[] effect = {false};
        Features.expr(e, x -> effect[0] |= x instanceof Expr.Atomic || x instanceof Expr.Call);
        return !effect[0];
    }
}
