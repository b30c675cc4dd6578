package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/** Calls the Dpnp function a differential-test case names (its NumPy name) with the case's arguments. */
final class Calls {

    private Calls() {
    }

    private static UsmNdArray[] one(UsmNdArray r) {
        return new UsmNdArray[] {r};
    }

    static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x, ArrayOptions on) {
        int[] ax = a.has("axes") ? a.axes("axes") : null;
        boolean kd = a.b("keepdims");
        int ddof = a.has("ddof") ? a.i("ddof") : 0;
        UsmNdArray x0 = x.length > 0 ? x[0] : null;
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        if (fn.startsWith("default:")) return DefaultCalls.run(fn.substring("default:".length()), a, x, on);
        return switch (fn) {
            case "arange" -> one(Dpnp.arange(a.d("start"), a.d("stop"), a.d("step"), on));
            case "linspace" -> one(Dpnp.linspace(a.d("start"), a.d("stop"), a.l("num"), a.b("endpoint"), on));
            case "logspace" -> one(Dpnp.logspace(a.d("start"), a.d("stop"), a.l("num"), a.b("endpoint"), a.d("base"), on));
            case "eye" -> one(Dpnp.eye(a.l("n"), a.l("m"), a.l("k"), on));
            case "identity" -> one(Dpnp.identity(a.l("n"), on));
            case "tri" -> one(Dpnp.tri(a.l("n"), a.l("m"), a.l("k"), on));
            case "tril" -> one(Dpnp.tril(x0, a.l("k")));
            case "triu" -> one(Dpnp.triu(x0, a.l("k")));
            case "zeros" -> one(Dpnp.zeros(a.longs("shape"), on));
            case "ones" -> one(Dpnp.ones(a.longs("shape"), on));
            case "full" -> one(Dpnp.full(a.longs("shape"), a.l("value"), on));
            case "empty" -> one(Dpnp.empty(a.longs("shape"), on));
            case "zeros_like" -> one(Dpnp.zerosLike(x0));
            case "ones_like" -> one(Dpnp.onesLike(x0));
            case "full_like" -> one(Dpnp.fullLike(x0, a.d("value")));
            case "empty_like" -> one(Dpnp.emptyLike(x0));
            case "array" -> one(Dpnp.array(x0, on));
            case "asarray" -> one(Dpnp.asarray(x0, on));
            case "copy" -> one(Dpnp.copy(x0));
            case "astype" -> one(Dpnp.astype(x0, DType.of(a.str("dtype"))));
            case "meshgrid" -> Dpnp.meshgrid(a.str("indexing"), x);
            case "indices" -> one(Dpnp.indices(a.longs("shape"), on));
            case "diag" -> one(Dpnp.diag(x0, a.l("k")));
            case "diagflat" -> one(Dpnp.diagflat(x0, a.l("k")));
            case "diagonal" -> one(Dpnp.diagonal(x0, a.l("offset"), a.i("axis1"), a.i("axis2")));
            case "add" -> one(Dpnp.add(x0, x1));
            case "subtract" -> one(Dpnp.subtract(x0, x1));
            case "multiply" -> one(Dpnp.multiply(x0, x1));
            case "divide" -> one(Dpnp.divide(x0, x1));
            case "true_divide" -> one(Dpnp.trueDivide(x0, x1));
            case "floor_divide" -> one(Dpnp.floorDivide(x0, x1));
            case "remainder" -> one(Dpnp.remainder(x0, x1));
            case "mod" -> one(Dpnp.mod(x0, x1));
            case "fmod" -> one(Dpnp.fmod(x0, x1));
            case "divmod" -> Dpnp.divmod(x0, x1);
            case "power" -> one(Dpnp.power(x0, x1));
            case "pow" -> one(Dpnp.pow(x0, x1));
            case "float_power" -> one(Dpnp.floatPower(x0, x1));
            case "maximum" -> one(Dpnp.maximum(x0, x1));
            case "minimum" -> one(Dpnp.minimum(x0, x1));
            case "fmax" -> one(Dpnp.fmax(x0, x1));
            case "fmin" -> one(Dpnp.fmin(x0, x1));
            case "arctan2" -> one(Dpnp.arctan2(x0, x1));
            case "atan2" -> one(Dpnp.atan2(x0, x1));
            case "hypot" -> one(Dpnp.hypot(x0, x1));
            case "logaddexp" -> one(Dpnp.logaddexp(x0, x1));
            case "logaddexp2" -> one(Dpnp.logaddexp2(x0, x1));
            case "copysign" -> one(Dpnp.copysign(x0, x1));
            case "heaviside" -> one(Dpnp.heaviside(x0, a.d("h0")));
            case "ldexp" -> one(Dpnp.ldexp(x0, x1));
            case "equal" -> one(Dpnp.equal(x0, x1));
            case "not_equal" -> one(Dpnp.notEqual(x0, x1));
            case "less" -> one(Dpnp.less(x0, x1));
            case "less_equal" -> one(Dpnp.lessEqual(x0, x1));
            case "greater" -> one(Dpnp.greater(x0, x1));
            case "greater_equal" -> one(Dpnp.greaterEqual(x0, x1));
            case "logical_and" -> one(Dpnp.logicalAnd(x0, x1));
            case "logical_or" -> one(Dpnp.logicalOr(x0, x1));
            case "logical_xor" -> one(Dpnp.logicalXor(x0, x1));
            case "logical_not" -> one(Dpnp.logicalNot(x0));
            case "bitwise_and" -> one(Dpnp.bitwiseAnd(x0, x1));
            case "bitwise_or" -> one(Dpnp.bitwiseOr(x0, x1));
            case "bitwise_xor" -> one(Dpnp.bitwiseXor(x0, x1));
            case "left_shift" -> one(Dpnp.leftShift(x0, x1));
            case "right_shift" -> one(Dpnp.rightShift(x0, x1));
            case "bitwise_left_shift" -> one(Dpnp.bitwiseLeftShift(x0, x1));
            case "bitwise_right_shift" -> one(Dpnp.bitwiseRightShift(x0, x1));
            case "invert" -> one(Dpnp.invert(x0));
            case "bitwise_not" -> one(Dpnp.bitwiseNot(x0));
            case "bitwise_invert" -> one(Dpnp.bitwiseInvert(x0));
            case "round" -> one(Dpnp.round(x0, a.i("decimals")));
            case "around" -> one(Dpnp.around(x0, a.i("decimals")));
            case "nan_to_num" -> one(Dpnp.nanToNum(x0, a.d("nan")));
            case "clip" -> one(Dpnp.clip(x0, a.d("lo"), a.d("hi")));
            case "where" -> x.length == 1 ? Dpnp.where(x0) : one(Dpnp.where(x0, x1, x[2]));
            case "select" -> one(Dpnp.select(new UsmNdArray[] {x0, x1}, new Object[] {x[2], x[3]}, 0.0));
            case "diff" -> one(Dpnp.diff(x0, a.i("n"), a.i("axis")));
            case "ediff1d" -> one(Dpnp.ediff1d(x0));
            case "interp" -> one(Dpnp.interp(x0, x1, x[2]));
            default -> UnaryCalls.run(fn, a, x, ax, kd, ddof);
        };
    }
}
