package org.jdpx.dpnp;

import java.nio.file.Path;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * The NumPy-compatible functions over {@link UsmNdArray}, as Intel's {@code dpnp} is over
 * {@code dpctl.tensor}. Named {@code Dpnp} because that is the package a Python user of this
 * stack imports (as {@code np}); a static import ({@code import static org.jdpx.dpnp.Dpnp.*})
 * makes code read like theirs. Methods carry NumPy's names in camelCase ({@code expand_dims} is
 * {@link #expandDims}); where that rule does not give NumPy's name, {@link NumpyName} does.
 * NumPy's default arguments are overloads ({@code Dpnp.sum(x)}, {@code Dpnp.eye(3)},
 * {@code Dpnp.sort(x)} along the last axis), inherited from {@code NumpyDefaults}; the forms
 * declared here take every argument, {@code null} meaning NumPy's {@code None}.
 *
 * <p><b>Where it runs.</b> Every function runs on the queue of its array arguments and returns
 * its result there (compute follows data); creation functions take {@link ArrayOptions}, dpnp's
 * {@code device=}, {@code sycl_queue=}, {@code usm_type=}, {@code dtype=} and {@code order=}
 * keywords. Nothing is computed on the host: where NumPy's output size depends on the data
 * (nonzero, unique, bincount) the size alone is read back, as dpnp does. Random numbers come
 * from {@link RandomState}.
 *
 * <p><b>What it throws.</b> Arrays on different queues: {@link org.jdpx.device.ExecutionPlacementError};
 * bad shapes, axes or arguments: {@link IllegalArgumentException} or {@link IndexOutOfBoundsException}
 * with NumPy's wording; a variant jdpx does not implement: {@link UnsupportedOperationException}
 * naming the function and what to use instead. float64 results become float32 on a device without fp64.
 */
public final class Dpnp extends MoreFunctions {

    private Dpnp() {
    }

    // ---------------------------------------------------------------- creation

    /** A new array from a flat Java primitive array and a shape (1-D when null). */
    public static UsmNdArray array(Object javaArray, long[] shape, ArrayOptions o) { return Tensor.asarray(javaArray, shape, o); }
    /** A new array from a flat Java primitive array on the default device. */
    public static UsmNdArray array(Object javaArray, long... shape) { return Tensor.asarray(javaArray, shape.length == 0 ? null : shape, ArrayOptions.defaults()); }
    /** A copy of {@code x}, moved and converted as the options say. */
    public static UsmNdArray array(UsmNdArray x, ArrayOptions o) { return Tensor.asarray(x, o).copy().eval(); }
    /** Java data as an array (see {@link #array(Object, long[], ArrayOptions)}). */
    public static UsmNdArray asarray(Object javaArray, long[] shape, ArrayOptions o) { return Tensor.asarray(javaArray, shape, o); }
    /** {@code x} on the options' device and dtype; no copy when nothing changes. */
    public static UsmNdArray asarray(UsmNdArray x, ArrayOptions o) { return Tensor.asarray(x, o); }
    /** A copy of {@code x} on its device. */
    public static UsmNdArray copy(UsmNdArray x) { return x.copy().eval(); }
    /** {@code x} converted to {@code t} (NumPy 2's astype function). */
    public static UsmNdArray astype(UsmNdArray x, DType t) { return x.astype(t).eval(); }
    /** An uninitialized array. */
    public static UsmNdArray empty(long[] shape, ArrayOptions o) { return Tensor.empty(shape, o); }
    /** Zeros. */
    public static UsmNdArray zeros(long[] shape, ArrayOptions o) { return Tensor.zeros(shape, o); }
    /** Ones. */
    public static UsmNdArray ones(long[] shape, ArrayOptions o) { return Tensor.ones(shape, o); }
    /** {@code value} everywhere. */
    public static UsmNdArray full(long[] shape, Object value, ArrayOptions o) { return Tensor.full(shape, value, o); }
    /** Uninitialized, like {@code x}. */
    public static UsmNdArray emptyLike(UsmNdArray x) { return Tensor.emptyLike(x); }
    /** Zeros like {@code x}. */
    public static UsmNdArray zerosLike(UsmNdArray x) { return Tensor.zerosLike(x); }
    /** Ones like {@code x}. */
    public static UsmNdArray onesLike(UsmNdArray x) { return Tensor.onesLike(x); }
    /** {@code value} everywhere, like {@code x}. */
    public static UsmNdArray fullLike(UsmNdArray x, Object value) { return Tensor.fullLike(x, value); }
    /** Evenly spaced values in {@code [start, stop)}, computed on the device (int64 when all are integral). */
    public static UsmNdArray arange(double start, double stop, double step, ArrayOptions o) { return Creation.arange(start, stop, step, o); }
    /** {@code 0..stop-1}. */
    public static UsmNdArray arange(long stop, ArrayOptions o) { return Creation.arange(0, stop, 1, o); }
    /** {@code num} evenly spaced values from start to stop. */
    public static UsmNdArray linspace(double start, double stop, long num, boolean endpoint, ArrayOptions o) { return Creation.linspace(start, stop, num, endpoint, o); }
    /** {@code base ** linspace(start, stop, num)}. */
    public static UsmNdArray logspace(double start, double stop, long num, boolean endpoint, double base, ArrayOptions o) { return Creation.logspace(start, stop, num, endpoint, base, o); }
    /** Ones on diagonal {@code k} of an {@code n x m} array. */
    public static UsmNdArray eye(long n, long m, long k, ArrayOptions o) { return Creation.eye(n, m, k, o); }
    /** The {@code n x n} identity. */
    public static UsmNdArray identity(long n, ArrayOptions o) { return Creation.eye(n, n, 0, o); }
    /** Ones at and below diagonal {@code k}. */
    public static UsmNdArray tri(long n, long m, long k, ArrayOptions o) { return Creation.tri(n, m, k, o); }
    /** {@code x} with elements above diagonal {@code k} zeroed (last two axes). */
    public static UsmNdArray tril(UsmNdArray x, long k) { return Creation.triangle(x, k, true); }
    /** {@code x} with elements below diagonal {@code k} zeroed (last two axes). */
    public static UsmNdArray triu(UsmNdArray x, long k) { return Creation.triangle(x, k, false); }
    /** Coordinate matrices; {@code indexing} is "xy" or "ij". */
    public static UsmNdArray[] meshgrid(String indexing, UsmNdArray... xs) {
        if (!indexing.equals("xy") && !indexing.equals("ij")) throw new IllegalArgumentException("meshgrid: indexing must be 'xy' or 'ij', not '" + indexing + "'");
        return Creation.meshgrid(indexing.equals("xy"), xs);
    }
    /** An index grid of shape {@code (len(dims), *dims)}. */
    public static UsmNdArray indices(long[] dims, ArrayOptions o) { return Creation.indices(dims, o); }
    /** The diagonal of a 2-D array (copy), or a 2-D array with {@code v} on diagonal {@code k}. */
    public static UsmNdArray diag(UsmNdArray v, long k) { return Creation.diag(v, k); }
    /** A 2-D array with the flattened {@code v} on diagonal {@code k}. */
    public static UsmNdArray diagflat(UsmNdArray v, long k) { return Creation.diag(v.reshape(-1), k); }
    /** The diagonal {@code offset} of axes {@code axis1, axis2} (a view). */
    public static UsmNdArray diagonal(UsmNdArray x, long offset, int axis1, int axis2) { return Creation.diagonal(x, offset, axis1, axis2); }
    /** Reads a .npy file onto the options' device. */
    public static UsmNdArray load(Path path, ArrayOptions o) { return Tensor.load(path, o); }
    /** Writes {@code x} as a .npy file. */
    public static void save(Path path, UsmNdArray x) { Tensor.save(path, x); }

    // ---------------------------------------------------------------- elementwise (lazy, fused)

    /** NumPy's {@code add}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray add(Object a, Object b) { return Tensor.add(a, b); }
    /** NumPy's {@code subtract}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray subtract(Object a, Object b) { return Tensor.subtract(a, b); }
    /** NumPy's {@code multiply}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray multiply(Object a, Object b) { return Tensor.multiply(a, b); }
    /** NumPy's {@code divide}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray divide(Object a, Object b) { return Tensor.divide(a, b); }
    /** NumPy's {@code true_divide}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray trueDivide(Object a, Object b) { return Tensor.divide(a, b); }
    /** NumPy's {@code floor_divide}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray floorDivide(Object a, Object b) { return Tensor.floorDivide(a, b); }
    /** NumPy's {@code remainder}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray remainder(Object a, Object b) { return Tensor.remainder(a, b); }
    /** NumPy's {@code mod}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray mod(Object a, Object b) { return Tensor.remainder(a, b); }
    /** C's fmod, exact: the remainder takes the dividend's sign (integer division by zero gives 0, as NumPy); fused, on the operands' device. */
    public static UsmNdArray fmod(Object a, Object b) { return MathFns.fmod(a, b); }
    /** {@code {floor_divide(a, b), remainder(a, b)}}. */
    public static UsmNdArray[] divmod(Object a, Object b) { return new UsmNdArray[] {Tensor.floorDivide(a, b), Tensor.remainder(a, b)}; }
    /** NumPy's {@code power}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray power(Object a, Object b) { return Tensor.pow(a, b); }
    /** NumPy's {@code pow}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray pow(Object a, Object b) { return Tensor.pow(a, b); }
    /** Power computed in float64 (float32 without fp64). */
    public static UsmNdArray floatPower(UsmNdArray a, Object b) { return MathFns.floatPower(a, b); }
    /** NumPy's {@code maximum}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray maximum(Object a, Object b) { return Tensor.maximum(a, b); }
    /** NumPy's {@code minimum}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray minimum(Object a, Object b) { return Tensor.minimum(a, b); }
    /** NumPy's {@code fmax}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray fmax(Object a, Object b) { return Tensor.fmax(a, b); }
    /** NumPy's {@code fmin}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray fmin(Object a, Object b) { return Tensor.fmin(a, b); }
    /** NumPy's {@code arctan2}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray arctan2(Object a, Object b) { return Tensor.arctan2(a, b); }
    /** NumPy's {@code atan2}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray atan2(Object a, Object b) { return Tensor.arctan2(a, b); }
    /** NumPy's {@code hypot}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray hypot(Object a, Object b) { return Tensor.hypot(a, b); }
    /** NumPy's {@code logaddexp}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray logaddexp(Object a, Object b) { return MathFns.logaddexp(a, b); }
    /** NumPy's {@code logaddexp2}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray logaddexp2(Object a, Object b) { return MathFns.logaddexp2(a, b); }
    /** NumPy's {@code copysign}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray copysign(UsmNdArray a, UsmNdArray b) { return MathFns.copysign(a, b); }
    /** NumPy's {@code heaviside}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray heaviside(UsmNdArray x, Object h0) { return MathFns.heaviside(x, h0); }
    /** NumPy's {@code ldexp}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray ldexp(UsmNdArray x, UsmNdArray e) { return MathFns.ldexp(x, e); }
    /** NumPy's {@code negative}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray negative(Object a) { return Tensor.negative(a); }
    /** NumPy's {@code positive}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray positive(Object a) { return Tensor.positive(a); }
    /** NumPy's {@code abs}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray abs(Object a) { return Tensor.abs(a); }
    /** NumPy's {@code absolute}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray absolute(Object a) { return Tensor.abs(a); }
    /** NumPy's {@code fabs}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray fabs(Object a) { return Tensor.abs(a); }
    /** NumPy's {@code sign}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray sign(Object a) { return Tensor.sign(a); }
    /** NumPy's {@code signbit}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray signbit(UsmNdArray a) { return MathFns.signbit(a); }
    /** NumPy's {@code square}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray square(Object a) { return Tensor.square(a); }
    /** NumPy's {@code sqrt}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray sqrt(Object a) { return Tensor.sqrt(a); }
    /** NumPy's {@code cbrt}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray cbrt(Object a) { return Tensor.cbrt(a); }
    /** NumPy's {@code reciprocal}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray reciprocal(Object a) { return Tensor.reciprocal(a); }
    /** NumPy's {@code exp}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray exp(Object a) { return Tensor.exp(a); }
    /** NumPy's {@code exp2}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray exp2(Object a) { return Tensor.exp2(a); }
    /** NumPy's {@code expm1}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray expm1(Object a) { return Tensor.expm1(a); }
    /** NumPy's {@code log}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray log(Object a) { return Tensor.log(a); }
    /** NumPy's {@code log2}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray log2(Object a) { return Tensor.log2(a); }
    /** NumPy's {@code log10}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray log10(Object a) { return Tensor.log10(a); }
    /** NumPy's {@code log1p}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray log1p(Object a) { return Tensor.log1p(a); }
    /** NumPy's {@code sin}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray sin(Object a) { return Tensor.sin(a); }
    /** NumPy's {@code cos}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray cos(Object a) { return Tensor.cos(a); }
    /** NumPy's {@code tan}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray tan(Object a) { return Tensor.tan(a); }
    /** NumPy's {@code arcsin}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray arcsin(Object a) { return Tensor.arcsin(a); }
    /** NumPy's {@code arccos}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray arccos(Object a) { return Tensor.arccos(a); }
    /** NumPy's {@code arctan}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray arctan(Object a) { return Tensor.arctan(a); }
    /** NumPy's {@code asin}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray asin(Object a) { return Tensor.arcsin(a); }
    /** NumPy's {@code acos}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray acos(Object a) { return Tensor.arccos(a); }
    /** NumPy's {@code atan}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray atan(Object a) { return Tensor.arctan(a); }
    /** NumPy's {@code sinh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray sinh(Object a) { return Tensor.sinh(a); }
    /** NumPy's {@code cosh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray cosh(Object a) { return Tensor.cosh(a); }
    /** NumPy's {@code tanh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray tanh(Object a) { return Tensor.tanh(a); }
    /** NumPy's {@code arcsinh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray arcsinh(UsmNdArray a) { return MathFns.arcsinh(a); }
    /** NumPy's {@code arccosh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray arccosh(UsmNdArray a) { return MathFns.arccosh(a); }
    /** NumPy's {@code arctanh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray arctanh(UsmNdArray a) { return MathFns.arctanh(a); }
    /** NumPy's {@code asinh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray asinh(UsmNdArray a) { return MathFns.arcsinh(a); }
    /** NumPy's {@code acosh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray acosh(UsmNdArray a) { return MathFns.arccosh(a); }
    /** NumPy's {@code atanh}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray atanh(UsmNdArray a) { return MathFns.arctanh(a); }
    /** NumPy's {@code deg2rad}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray deg2rad(Object a) { return Tensor.deg2rad(a); }
    /** NumPy's {@code rad2deg}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray rad2deg(Object a) { return Tensor.rad2deg(a); }
    /** NumPy's {@code radians}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray radians(Object a) { return Tensor.deg2rad(a); }
    /** NumPy's {@code degrees}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray degrees(Object a) { return Tensor.rad2deg(a); }
    /** NumPy's {@code floor}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray floor(Object a) { return Tensor.floor(a); }
    /** NumPy's {@code ceil}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray ceil(Object a) { return Tensor.ceil(a); }
    /** NumPy's {@code trunc}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray trunc(Object a) { return Tensor.trunc(a); }
    /** NumPy's {@code fix}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray fix(Object a) { return Tensor.trunc(a); }
    /** NumPy's {@code rint}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray rint(Object a) { return Tensor.round(a); }
    /** Round half to even at {@code decimals} digits (scale, round, unscale, as NumPy). */
    public static UsmNdArray round(UsmNdArray a, int decimals) { return MathFns.around(a, decimals); }
    /** NumPy's {@code around}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray around(UsmNdArray a, int decimals) { return MathFns.around(a, decimals); }
    /** NumPy's {@code nan_to_num}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray nanToNum(UsmNdArray a, double nan) { return MathFns.nanToNum(a, nan); }
    /** NumPy's {@code clip}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray clip(UsmNdArray x, Object lo, Object hi) { return Tensor.clip(x, lo, hi); }
    /** NumPy's {@code isnan}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray isnan(Object a) { return Tensor.isnan(a); }
    /** NumPy's {@code isinf}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray isinf(Object a) { return Tensor.isinf(a); }
    /** NumPy's {@code isfinite}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray isfinite(Object a) { return Tensor.isfinite(a); }
    /** NumPy's {@code isposinf}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray isposinf(UsmNdArray a) { return MathFns.isposinf(a); }
    /** NumPy's {@code isneginf}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray isneginf(UsmNdArray a) { return MathFns.isneginf(a); }
    /** NumPy's {@code equal}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray equal(Object a, Object b) { return Tensor.equal(a, b); }
    /** NumPy's {@code not_equal}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray notEqual(Object a, Object b) { return Tensor.notEqual(a, b); }
    /** NumPy's {@code less}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray less(Object a, Object b) { return Tensor.less(a, b); }
    /** NumPy's {@code less_equal}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray lessEqual(Object a, Object b) { return Tensor.lessEqual(a, b); }
    /** NumPy's {@code greater}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray greater(Object a, Object b) { return Tensor.greater(a, b); }
    /** NumPy's {@code greater_equal}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray greaterEqual(Object a, Object b) { return Tensor.greaterEqual(a, b); }
    /** NumPy's {@code logical_and}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray logicalAnd(Object a, Object b) { return Tensor.logicalAnd(a, b); }
    /** NumPy's {@code logical_or}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray logicalOr(Object a, Object b) { return Tensor.logicalOr(a, b); }
    /** NumPy's {@code logical_xor}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray logicalXor(Object a, Object b) { return Tensor.logicalXor(a, b); }
    /** NumPy's {@code logical_not}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray logicalNot(Object a) { return Tensor.logicalNot(a); }
    /** NumPy's {@code bitwise_and}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray bitwiseAnd(Object a, Object b) { return Tensor.bitwiseAnd(a, b); }
    /** NumPy's {@code bitwise_or}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray bitwiseOr(Object a, Object b) { return Tensor.bitwiseOr(a, b); }
    /** NumPy's {@code bitwise_xor}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray bitwiseXor(Object a, Object b) { return Tensor.bitwiseXor(a, b); }
    /** NumPy's {@code bitwise_not}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray bitwiseNot(Object a) { return Tensor.bitwiseNot(a); }
    /** NumPy's {@code bitwise_invert}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray bitwiseInvert(Object a) { return Tensor.bitwiseNot(a); }
    /** NumPy's {@code invert}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray invert(Object a) { return Tensor.bitwiseNot(a); }
    /** NumPy's {@code left_shift}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray leftShift(Object a, Object b) { return Tensor.leftShift(a, b); }
    /** NumPy's {@code right_shift}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray rightShift(Object a, Object b) { return Tensor.rightShift(a, b); }
    /** NumPy's {@code bitwise_left_shift}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray bitwiseLeftShift(Object a, Object b) { return Tensor.leftShift(a, b); }
    /** NumPy's {@code bitwise_right_shift}: elementwise with broadcasting, lazy and fused, on the operands' device. */
    public static UsmNdArray bitwiseRightShift(Object a, Object b) { return Tensor.rightShift(a, b); }
    /** {@code cond ? a : b} elementwise. */
    public static UsmNdArray where(Object cond, Object a, Object b) { return Tensor.where(cond, a, b); }
    /** One-argument where: the same as {@link #nonzero}. */
    public static UsmNdArray[] where(UsmNdArray cond) { return Selection.nonzero(cond); }
    /** The first choice whose condition holds, else {@code dflt} (conditions checked in order). */
    public static UsmNdArray select(UsmNdArray[] conditions, Object[] choices, Object dflt) {
        if (conditions.length != choices.length || conditions.length == 0) throw new IllegalArgumentException("select: list of cases must be same length as list of conditions and not empty");
        Object r = dflt;
        for (int i = conditions.length - 1; i >= 0; i--) r = Tensor.where(conditions[i], choices[i], r);
        return ((UsmNdArray) r).eval();
    }
    /** The n-th discrete difference along {@code axis}. */
    public static UsmNdArray diff(UsmNdArray x, int n, int axis) { return MathFns.diff(x, n, axis); }
    /** Differences of the flattened array. */
    public static UsmNdArray ediff1d(UsmNdArray x) { return MathFns.diff(x.reshape(-1), 1, 0); }
    /** Piecewise-linear interpolation of {@code (xp, fp)} at {@code x}. */
    public static UsmNdArray interp(UsmNdArray x, UsmNdArray xp, UsmNdArray fp) { return MathFns.interp(x, xp, fp); }

    // ---------------------------------------------------------------- reductions (axes: null = all)

    /** NumPy's {@code sum} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray sum(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.sum(x, axes, keepdims); }
    /** NumPy's {@code prod} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray prod(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.prod(x, axes, keepdims); }
    /** NumPy's {@code min} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray min(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.min(x, axes, keepdims); }
    /** NumPy's {@code max} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray max(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.max(x, axes, keepdims); }
    /** NumPy's {@code amin} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray amin(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.min(x, axes, keepdims); }
    /** NumPy's {@code amax} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray amax(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.max(x, axes, keepdims); }
    /** Peak to peak: max minus min. */
    public static UsmNdArray ptp(UsmNdArray x, int[] axes, boolean keepdims) { return Statistics.ptp(x, axes, keepdims); }
    /** NumPy's {@code mean} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray mean(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.mean(x, axes, keepdims); }
    /** NumPy's {@code var} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray var(UsmNdArray x, int[] axes, boolean keepdims, int ddof) { return Tensor.var(x, axes, keepdims, ddof); }
    /** NumPy's {@code std} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray std(UsmNdArray x, int[] axes, boolean keepdims, int ddof) { return Tensor.std(x, axes, keepdims, ddof); }
    /** NumPy's {@code any} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray any(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.any(x, axes, keepdims); }
    /** NumPy's {@code all} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray all(UsmNdArray x, int[] axes, boolean keepdims) { return Tensor.all(x, axes, keepdims); }
    /** NumPy's {@code argmin} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray argmin(UsmNdArray x, Integer axis) { return Tensor.argmin(x, axis); }
    /** NumPy's {@code argmax} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray argmax(UsmNdArray x, Integer axis) { return Tensor.argmax(x, axis); }
    /** NumPy's {@code nansum} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nansum(UsmNdArray x, int[] axes, boolean keepdims) { return NanReductions.nansum(x, axes, keepdims); }
    /** NumPy's {@code nanprod} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nanprod(UsmNdArray x, int[] axes, boolean keepdims) { return NanReductions.nanprod(x, axes, keepdims); }
    /** NumPy's {@code nanmin} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nanmin(UsmNdArray x, int[] axes, boolean keepdims) { return NanReductions.nanmin(x, axes, keepdims); }
    /** NumPy's {@code nanmax} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nanmax(UsmNdArray x, int[] axes, boolean keepdims) { return NanReductions.nanmax(x, axes, keepdims); }
    /** NumPy's {@code nanmean} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nanmean(UsmNdArray x, int[] axes, boolean keepdims) { return NanReductions.nanmean(x, axes, keepdims); }
    /** NumPy's {@code nanvar} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nanvar(UsmNdArray x, int[] axes, boolean keepdims, int ddof) { return NanReductions.nanvar(x, axes, keepdims, ddof); }
    /** NumPy's {@code nanstd} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nanstd(UsmNdArray x, int[] axes, boolean keepdims, int ddof) { return NanReductions.nanstd(x, axes, keepdims, ddof); }
    /** argmin ignoring NaNs; an all-NaN slice is an IllegalArgumentException. */
    public static UsmNdArray nanargmin(UsmNdArray x, Integer axis) { return NanReductions.nanargmin(x, axis); }
    /** argmax ignoring NaNs; an all-NaN slice is an IllegalArgumentException. */
    public static UsmNdArray nanargmax(UsmNdArray x, Integer axis) { return NanReductions.nanargmax(x, axis); }
    /** NumPy's {@code cumsum} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray cumsum(UsmNdArray x, Integer axis) { return Tensor.cumsum(x, axis); }
    /** NumPy's {@code cumprod} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray cumprod(UsmNdArray x, Integer axis) { return Tensor.cumprod(x, axis); }
    /** NumPy's {@code nancumsum} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nancumsum(UsmNdArray x, Integer axis) { return NanReductions.nancumsum(x, axis); }
    /** NumPy's {@code nancumprod} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray nancumprod(UsmNdArray x, Integer axis) { return NanReductions.nancumprod(x, axis); }
    /** NumPy's {@code count_nonzero} over {@code axes} (null: all), on x's device. */
    public static UsmNdArray countNonzero(UsmNdArray x, int[] axes, boolean keepdims) { return Logic.countNonzero(x, axes, keepdims); }

    // ---------------------------------------------------------------- statistics

    /** The median along {@code axis} (null: flattened); NaN where a slice holds NaN. */
    public static UsmNdArray median(UsmNdArray x, Integer axis, boolean keepdims) { return Statistics.median(x, axis, keepdims); }
    /**
     * Percentiles {@code q} in [0, 100] (linear method) along {@code axis} (null: flattened), on x's
     * device; the first axis of the result runs over q. Throws IllegalArgumentException for q outside [0, 100].
     */
    public static UsmNdArray percentile(UsmNdArray x, double[] q, Integer axis, boolean keepdims) {
        return Statistics.quantile(x, Statistics.fractions(q), axis, keepdims, false);
    }
    /** One percentile {@code q} in [0, 100]: the result has no q axis (shape {@code ()} for a full reduction), as NumPy's scalar q. */
    public static UsmNdArray percentile(UsmNdArray x, double q, Integer axis, boolean keepdims) {
        return Statistics.quantile(x, Statistics.fractions(new double[] {q}), axis, keepdims, true);
    }
    /** Quantiles {@code q} in [0, 1] (linear method); the first axis of the result runs over q. */
    public static UsmNdArray quantile(UsmNdArray x, double[] q, Integer axis, boolean keepdims) { return Statistics.quantile(x, q, axis, keepdims, false); }
    /** One quantile {@code q} in [0, 1]: the result has no q axis (shape {@code ()} for a full reduction), as NumPy's scalar q. */
    public static UsmNdArray quantile(UsmNdArray x, double q, Integer axis, boolean keepdims) {
        return Statistics.quantile(x, new double[] {q}, axis, keepdims, true);
    }
    /** The weighted mean (weights null: the mean). */
    public static UsmNdArray average(UsmNdArray x, UsmNdArray weights, Integer axis) { return Statistics.average(x, weights, axis); }
    /** Covariance of the rows (or columns when not {@code rowvar}). */
    public static UsmNdArray cov(UsmNdArray m, boolean rowvar, int ddof) { return Statistics.cov(m, rowvar, ddof); }
    /** Pearson correlation coefficients of the rows (or columns). */
    public static UsmNdArray corrcoef(UsmNdArray m, boolean rowvar) { return Statistics.corrcoef(m, rowvar); }
    /** Counts (int64) of {@code bins} equal bins over [lo, hi] (null: the data range), and the edges. */
    public static UsmNdArray[] histogram(UsmNdArray x, int bins, Double lo, Double hi) { return Statistics.histogram(x, bins, lo, hi); }
    /** The edges {@link #histogram} would use. */
    public static UsmNdArray histogramBinEdges(UsmNdArray x, int bins, Double lo, Double hi) { return Statistics.binEdges(x, bins, lo, hi); }
    /** Occurrences of each non-negative integer (weights summed instead when given). */
    public static UsmNdArray bincount(UsmNdArray x, UsmNdArray weights, long minlength) { return Statistics.bincount(x, weights, minlength); }
    /** The bin of each value for increasing {@code bins}. */
    public static UsmNdArray digitize(UsmNdArray x, UsmNdArray bins, boolean right) { return Statistics.digitize(x, bins, right); }

    // ---------------------------------------------------------------- linear algebra

    /** Matrix product (1-D, 2-D, and 3-D as a batch). */
    public static UsmNdArray matmul(UsmNdArray a, UsmNdArray b) { return Linalg.matmul(a, b); }
    /** NumPy's {@code dot}, on the arguments' device. */
    public static UsmNdArray dot(UsmNdArray a, UsmNdArray b) { return Linalg.dot(a, b); }
    /** NumPy's {@code vdot}, on the arguments' device. */
    public static UsmNdArray vdot(UsmNdArray a, UsmNdArray b) { return Linalg.vdot(a, b); }
    /** NumPy's {@code inner}, on the arguments' device. */
    public static UsmNdArray inner(UsmNdArray a, UsmNdArray b) { return Linalg.inner(a, b); }
    /** NumPy's {@code outer}, on the arguments' device. */
    public static UsmNdArray outer(UsmNdArray a, UsmNdArray b) { return Linalg.outer(a, b); }
    /** Sum over the last {@code axes} axes of a and the first of b (operands up to 2-D). */
    public static UsmNdArray tensordot(UsmNdArray a, UsmNdArray b, int axes) { return Linalg.tensordot(a, b, axes); }
    /** NumPy's {@code trace}, on the arguments' device. */
    public static UsmNdArray trace(UsmNdArray x, long offset) { return Linalg.trace(x, offset); }
    /**
     * NumPy's linalg.norm: ord null, "fro", "nuc", or a number (vectors: any p, inf, -inf, 0; matrices: 1, -1, 2, -2,
     * inf, -inf); see {@link DpnpLinalg#norm}.
     */
    public static UsmNdArray norm(UsmNdArray x, Object ord, int[] axes, boolean keepdims) { return LinalgNorm.norm(x, ord, axes, keepdims); }

    // ---------------------------------------------------------------- manipulation

    /** NumPy's {@code reshape}, on the arguments' device. */
    public static UsmNdArray reshape(UsmNdArray x, long... shape) { return x.reshape(shape); }
    /** NumPy's {@code ravel}, on the arguments' device. */
    public static UsmNdArray ravel(UsmNdArray x) { return x.ravel(); }
    /** Axes reversed (a view). */
    public static UsmNdArray transpose(UsmNdArray x) { return x.T(); }
    /** Axes reordered (a view). */
    public static UsmNdArray transpose(UsmNdArray x, int... axes) { return x.permute(axes); }
    /** NumPy's {@code permute_dims}, on the arguments' device. */
    public static UsmNdArray permuteDims(UsmNdArray x, int... axes) { return x.permute(axes); }
    /** NumPy's {@code swapaxes}, on the arguments' device. */
    public static UsmNdArray swapaxes(UsmNdArray x, int a, int b) { return x.swapaxes(a, b); }
    /** NumPy's {@code moveaxis}, on the arguments' device. */
    public static UsmNdArray moveaxis(UsmNdArray x, int source, int destination) { return Axes.move(x, source, destination); }
    /** NumPy's {@code squeeze}, on the arguments' device. */
    public static UsmNdArray squeeze(UsmNdArray x) { return x.squeeze(); }
    /** NumPy's {@code squeeze}, on the arguments' device. */
    public static UsmNdArray squeeze(UsmNdArray x, int axis) { return Manipulation.squeeze(x, axis); }
    /** NumPy's {@code expand_dims}, on the arguments' device. */
    public static UsmNdArray expandDims(UsmNdArray x, int axis) { return x.expandDims(axis); }
    /** NumPy's {@code broadcast_to}, on the arguments' device. */
    public static UsmNdArray broadcastTo(UsmNdArray x, long... shape) { return x.broadcastTo(shape); }
    /** The arrays broadcast against each other (views). */
    public static UsmNdArray[] broadcastArrays(UsmNdArray... xs) {
        long[][] shapes = new long[xs.length][];
        for (int i = 0; i < xs.length; i++) shapes[i] = xs[i].shape();
        long[] s = org.jdpx.tensor.Shapes.broadcast(shapes);
        UsmNdArray[] r = new UsmNdArray[xs.length];
        for (int i = 0; i < xs.length; i++) r[i] = xs[i].broadcastTo(s);
        return r;
    }
    /** NumPy's {@code atleast_1d}, on the arguments' device. */
    @NumpyName("atleast_1d") public static UsmNdArray atleast1d(UsmNdArray x) { return Manipulation.atleast(x, 1); }
    @NumpyName("atleast_2d") public static UsmNdArray atleast2d(UsmNdArray x) { return Manipulation.atleast(x, 2); }
    @NumpyName("atleast_3d") public static UsmNdArray atleast3d(UsmNdArray x) { return Manipulation.atleast(x, 3); }
    /** Reversed along {@code axis} (null: all axes), a view. */
    public static UsmNdArray flip(UsmNdArray x, Integer axis) { return Manipulation.flip(x, axis); }
    /** NumPy's {@code fliplr}, on the arguments' device. */
    public static UsmNdArray fliplr(UsmNdArray x) { return Manipulation.flip(x, 1); }
    /** NumPy's {@code flipud}, on the arguments' device. */
    public static UsmNdArray flipud(UsmNdArray x) { return Manipulation.flip(x, 0); }
    /** NumPy's {@code concatenate}, on the arguments' device. */
    public static UsmNdArray concatenate(UsmNdArray[] xs, Integer axis) { return Manipulation.concatenate(xs, axis); }
    /** NumPy's {@code concat}, on the arguments' device. */
    public static UsmNdArray concat(UsmNdArray[] xs, Integer axis) { return Manipulation.concatenate(xs, axis); }
    /** NumPy's {@code stack}, on the arguments' device. */
    public static UsmNdArray stack(UsmNdArray[] xs, int axis) { return Manipulation.stack(xs, axis); }
    /** NumPy's {@code vstack}, on the arguments' device. */
    public static UsmNdArray vstack(UsmNdArray... xs) { return Manipulation.vstack(xs); }
    /** NumPy's {@code row_stack}, on the arguments' device. */
    public static UsmNdArray rowStack(UsmNdArray... xs) { return Manipulation.vstack(xs); }
    /** NumPy's {@code hstack}, on the arguments' device. */
    public static UsmNdArray hstack(UsmNdArray... xs) { return Manipulation.hstack(xs); }
    /** NumPy's {@code dstack}, on the arguments' device. */
    public static UsmNdArray dstack(UsmNdArray... xs) { return Manipulation.dstack(xs); }
    /** NumPy's {@code column_stack}, on the arguments' device. */
    public static UsmNdArray columnStack(UsmNdArray... xs) { return Manipulation.columnStack(xs); }
    /** Equal sections along {@code axis} (views); unequal division is an IllegalArgumentException. */
    public static UsmNdArray[] split(UsmNdArray x, int sections, int axis) { return Manipulation.split(x, sections, axis, true); }
    /** Split before each of {@code indices} along {@code axis} (views). */
    public static UsmNdArray[] split(UsmNdArray x, long[] indices, int axis) { return Manipulation.splitAt(x, indices, axis); }
    /** NumPy's {@code array_split}, on the arguments' device. */
    public static UsmNdArray[] arraySplit(UsmNdArray x, int sections, int axis) { return Manipulation.split(x, sections, axis, false); }
    /** NumPy's {@code hsplit}, on the arguments' device. */
    public static UsmNdArray[] hsplit(UsmNdArray x, int sections) { return Manipulation.split(x, sections, x.ndim() == 1 ? 0 : 1, true); }
    /** NumPy's {@code vsplit}, on the arguments' device. */
    public static UsmNdArray[] vsplit(UsmNdArray x, int sections) { return Manipulation.split(x, sections, 0, true); }
    /** NumPy's {@code dsplit}, on the arguments' device. */
    public static UsmNdArray[] dsplit(UsmNdArray x, int sections) { return Manipulation.split(x, sections, 2, true); }
    /** Shifted cyclically by {@code shift} along {@code axis} (null: flattened). */
    public static UsmNdArray roll(UsmNdArray x, long shift, Integer axis) { return Manipulation.roll(x, shift, axis); }
    /** NumPy's {@code repeat}, on the arguments' device. */
    public static UsmNdArray repeat(UsmNdArray x, long repeats, Integer axis) { return Manipulation.repeat(x, repeats, axis); }
    /** NumPy's {@code tile}, on the arguments' device. */
    public static UsmNdArray tile(UsmNdArray x, long... reps) { return Manipulation.tile(x, reps); }
    /** Padded with {@code value} ({@code mode='constant'}); {@code widths} one {before, after} pair or one per axis. */
    public static UsmNdArray pad(UsmNdArray x, long[][] widths, Object value) { return Manipulation.pad(x, widths, value); }

    // ---------------------------------------------------------------- sorting, searching, counting

    /** Sorted along {@code axis} (null: flattened); NaNs last; stable. */
    public static UsmNdArray sort(UsmNdArray x, Integer axis) { return Sorting.sort(x, axis); }
    /** The int64 positions that sort {@code x} along {@code axis}; stable. */
    public static UsmNdArray argsort(UsmNdArray x, Integer axis) { return Sorting.argsort(x, axis); }
    /**
     * NumPy's sort with {@code kind} ("quicksort", "mergesort", "heapsort" or "stable"): every kind
     * is the same stable device sort here, which is what NumPy's kind='stable' promises and
     * satisfies what the others do. Throws IllegalArgumentException for another kind.
     */
    public static UsmNdArray sort(UsmNdArray x, Integer axis, String kind) { return Sorting.sort(x, axis, kind); }
    /** NumPy's argsort with {@code kind}, as {@link #sort(UsmNdArray, Integer, String)}: ties keep their order. */
    public static UsmNdArray argsort(UsmNdArray x, Integer axis, String kind) { return Sorting.argsort(x, axis, kind); }
    /** Insertion points of {@code v} in the sorted 1-D {@code a}; side "left" or "right". */
    public static UsmNdArray searchsorted(UsmNdArray a, UsmNdArray v, String side) { return Sorting.searchsorted(a, v, side); }
    /** The sorted unique values of the flattened array. */
    public static UsmNdArray unique(UsmNdArray x) { return Sorting.unique(x).values(); }
    /** NumPy's {@code unique_values}, on the arguments' device. */
    public static UsmNdArray uniqueValues(UsmNdArray x) { return Sorting.unique(x).values(); }
    /** {@code {values, counts}}. */
    public static UsmNdArray[] uniqueCounts(UsmNdArray x) {
        Sorting.Unique u = Sorting.unique(x);
        return new UsmNdArray[] {u.values(), u.counts()};
    }
    /** NumPy's {@code unique_inverse}: {@code {values, inverse}}, inverse with x's shape indexing values; on x's device. */
    public static UsmNdArray[] uniqueInverse(UsmNdArray x) {
        Sorting.Unique u = Sorting.unique(x, true);
        return new UsmNdArray[] {u.values(), u.inverse()};
    }
    /** NumPy's {@code unique_all}: {@code {values, indices (first occurrences), inverse, counts}}; on x's device. */
    public static UsmNdArray[] uniqueAll(UsmNdArray x) {
        Sorting.Unique u = Sorting.unique(x, true);
        return new UsmNdArray[] {u.values(), u.indices(), u.inverse(), u.counts()};
    }
    /** Elements at {@code indices} along {@code axis} (null: flattened); out-of-range indices throw. */
    public static UsmNdArray take(UsmNdArray x, UsmNdArray indices, Integer axis) { return Sorting.take(x, indices, axis); }
    /** NumPy's {@code take_along_axis}, on the arguments' device. */
    public static UsmNdArray takeAlongAxis(UsmNdArray x, UsmNdArray indices, int axis) { return Sorting.takeAlongAxis(x, indices, axis); }
    /** One int64 array of coordinates per axis where {@code x} is non-zero. */
    public static UsmNdArray[] nonzero(UsmNdArray x) { return Selection.nonzero(x); }
    /** NumPy's {@code flatnonzero}, on the arguments' device. */
    public static UsmNdArray flatnonzero(UsmNdArray x) { return Selection.positions(x); }
    /** NumPy's {@code argwhere}, on the arguments' device. */
    public static UsmNdArray argwhere(UsmNdArray x) { return Selection.argwhere(x); }
    /** NumPy's {@code extract}, on the arguments' device. */
    public static UsmNdArray extract(UsmNdArray condition, UsmNdArray x) { return Selection.extract(condition, x); }

    // ---------------------------------------------------------------- logic

    /** NumPy's {@code isclose}, on the arguments' device. */
    public static UsmNdArray isclose(UsmNdArray a, Object b, double rtol, double atol, boolean equalNan) { return Logic.isclose(a, b, rtol, atol, equalNan); }
    /** NumPy's {@code isclose}, on the arguments' device. */
    public static UsmNdArray isclose(UsmNdArray a, Object b) { return Logic.isclose(a, b, 1e-5, 1e-8, false); }
    /** A 0-d bool array: whether all elements are close. */
    public static UsmNdArray allclose(UsmNdArray a, Object b, double rtol, double atol, boolean equalNan) { return Logic.allclose(a, b, rtol, atol, equalNan); }
    /** NumPy's {@code allclose}, on the arguments' device. */
    public static UsmNdArray allclose(UsmNdArray a, Object b) { return Logic.allclose(a, b, 1e-5, 1e-8, false); }
    /** A 0-d bool array: same shape and elements. */
    public static UsmNdArray arrayEqual(UsmNdArray a, UsmNdArray b, boolean equalNan) { return Logic.arrayEqual(a, b, equalNan); }
    /** A 0-d bool array: equal after broadcasting. */
    public static UsmNdArray arrayEquiv(UsmNdArray a, UsmNdArray b) { return Logic.arrayEquiv(a, b); }
}
