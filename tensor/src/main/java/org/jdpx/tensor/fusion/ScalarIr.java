package org.jdpx.tensor.fusion;

import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;

/**
 * The shorthands the builders of the hand-written reduction kernels share (the dot's
 * {@link DotKernel}, the GPU plan's GEMV {@link GemvGroupKernel}): one {@link IrBuilder} and the
 * element type {@code s} of the kernel it builds.
 */
abstract class ScalarIr {
    final IrBuilder b;
    final Scalar s;

    ScalarIr(IrBuilder b, Scalar s) {
        this.b = b;
        this.s = s;
    }

    final Expr r(Var v) {
        return b.read(v);
    }

    final Expr i(int v) {
        return b.i32(v);
    }

    /** 0 in the element type. */
    final Expr zero() {
        return s == Scalar.F64 ? b.f64(0) : b.f32(0);
    }

    /** A new int local holding {@code e}. */
    Var let(String name, Expr e) {
        Var v = b.local(name, Scalar.I32);
        b.assign(v, e);
        return v;
    }

    /** {@code for (v = from; v < to; v += step) body} */
    final void range(Var v, Expr from, Expr to, Expr step, Runnable body) {
        b.assign(v, from);
        b.loop(b.compare(CmpOp.LT, r(v), to), () -> b.assign(v, b.add(r(v), step)), l -> body.run());
    }

    /** {@code for (v = from; v < to; v++) body} */
    final void range(Var v, Expr from, Expr to, Runnable body) {
        range(v, from, to, i(1), body);
    }

    /** {@code min(x, y)} of ints. */
    final Expr min(Expr x, Expr y) {
        return b.select(b.compare(CmpOp.LT, x, y), x, y);
    }
}
