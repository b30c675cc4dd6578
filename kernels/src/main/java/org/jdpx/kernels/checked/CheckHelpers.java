package org.jdpx.kernels.checked;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;

/**
 * The IR helper functions a checked kernel calls when an index is out of range: {@code bounds_fail}
 * records the violation, {@code bounds_miss_T} records it and yields the 0 a skipped read or
 * atomic gives. Plain IR, so every emitter prints them as it prints any helper; made on first
 * use, one set per module. The in-range test itself is inline at each access.
 *
 * <p>The error record is five ints: the access site's code (its index + 1; 0 = no violation,
 * claimed by compare-and-swap so the first violation wins), the index as low and high 32 bits,
 * the length, and a zero.
 */
final class CheckHelpers {
    /** Ints in the error record a checked kernel writes. */
    static final int RECORD_INTS = 5;

    private final Map<Scalar, Function> misses = new LinkedHashMap<>();
    private Function fail;

    /** Every helper made so far, callees first. */
    List<Function> functions() {
        List<Function> out = new ArrayList<>();
        if (fail != null) out.add(fail);
        out.addAll(misses.values());
        return out;
    }

    /** {@code T bounds_miss_T(int* err, int code, long i, int n)}: records, then yields 0. */
    Function miss(Scalar elem) {
        return misses.computeIfAbsent(elem, t -> {
            IrBuilder b = IrBuilder.helper("bounds_miss_" + t.name().toLowerCase(), t);
            Var[] p = recordParams(b);
            b.add(new org.jdpx.kernels.ir.Stmt.Eval(new Expr.Call(fail(), List.of(b.read(p[0]), b.read(p[1]), b.read(p[2]), b.read(p[3])))));
            b.ret(zero(t));
            return b.build();
        });
    }

    /** {@code void bounds_fail(int* err, int code, long i, int n)}: claims the record once, then fills it. */
    Function fail() {
        if (fail == null) {
            IrBuilder b = IrBuilder.helper("bounds_fail", null);
            Var[] p = recordParams(b);
            Var err = p[0];
            Var was = b.local("was", Scalar.I32);
            b.assign(was, new Expr.Atomic(AtomicOp.CMPXCHG, b.read(err), b.i32(0), List.of(b.i32(0), b.read(p[1]))));
            b.ifThen(b.compare(CmpOp.EQ, b.read(was), b.i32(0)), () -> {
                b.store(b.read(err), b.i32(1), low(b, p[2]));
                b.store(b.read(err), b.i32(2), high(b, p[2]));
                b.store(b.read(err), b.i32(3), b.read(p[3]));
            });
            fail = b.build();
        }
        return fail;
    }

    /** {@code int* err, int code, long i, int n}. */
    private static Var[] recordParams(IrBuilder b) {
        return new Var[] {
            b.param("err", new PtrType(Scalar.I32, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL)),
            b.param("code", Scalar.I32, new ParamKind.HelperValue()),
            b.param("i", Scalar.I64, new ParamKind.HelperValue()),
            b.param("n", Scalar.I32, new ParamKind.HelperValue())
        };
    }

    private static Expr low(IrBuilder b, Var v) {
        return b.convert(Scalar.I32, b.read(v));
    }

    private static Expr high(IrBuilder b, Var v) {
        return b.convert(Scalar.I32, b.binary(BinOp.USHR, b.read(v), b.i32(32)));
    }

    private static Expr zero(Scalar t) {
        return switch (t) {
            case F32 -> Expr.Const.f32(0);
            case F64 -> Expr.Const.f64(0);
            case I64 -> Expr.Const.i64(0);
            case I32 -> Expr.Const.i32(0);
            default -> new Expr.Convert(t, Expr.Const.i32(0));
        };
    }
}
