package org.jdpx.dpnp;

import java.util.List;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** Calls the Dpnp function a numerics case (numpy/numerics/generate_numerics.py) names, with the case's arguments. */
final class NumericsCalls {

    private NumericsCalls() {
    }

    static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x, ArrayOptions on) {
        UsmNdArray x0 = x.length > 0 ? x[0] : null;
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        return switch (fn) {
            case "einsum" -> one(Dpnp.einsum(a.str("subscripts"), x));
            case "einsum_path" -> one(flatPath(Dpnp.einsumPath(a.str("subscripts"), x).path(), on));
            case "convolve" -> one(Dpnp.convolve(x0, x1, a.str("mode")));
            case "correlate" -> one(Dpnp.correlate(x0, x1, a.str("mode")));
            case "gradient" -> Dpnp.gradient(x0, spacing(a, x1), a.axes("axes"), a.i("edge"));
            case "trapezoid" -> one(Dpnp.trapezoid(x0, a.b("coords") ? x1 : null, a.d("dx"), a.i("axis")));
            case "unwrap" -> one(Dpnp.unwrap(x0, a.has("discont") ? a.d("discont") : null, a.i("axis"), a.d("period")));
            case "cross" -> one(Dpnp.cross(x0, x1, a.i("axis")));
            case "kron" -> one(Dpnp.kron(x0, x1));
            case "vander" -> one(Dpnp.vander(x0, a.has("N") ? a.l("N") : null, a.b("increasing")));
            case "matvec" -> one(Dpnp.matvec(x0, x1));
            case "vecmat" -> one(Dpnp.vecmat(x0, x1));
            case "vecdot" -> one(Dpnp.vecdot(x0, x1, a.i("axis")));
            case "matrix_transpose" -> one(Dpnp.matrixTranspose(x0));
            case "polyval" -> one(Dpnp.polyval(x0, x1));
            case "polyadd" -> one(Dpnp.polyadd(x0, x1));
            case "polysub" -> one(Dpnp.polysub(x0, x1));
            case "polymul" -> one(Dpnp.polymul(x0, x1));
            case "polydiv" -> Dpnp.polydiv(x0, x1);
            case "polyder" -> one(Dpnp.polyder(x0, a.i("m")));
            case "polyint" -> one(Dpnp.polyint(x0, a.i("m"), a.has("k") ? a.doubles("k") : null));
            case "polyfit" -> one(Dpnp.polyfit(x0, x1, a.i("deg")));
            case "poly" -> one(Dpnp.poly(x0));
            case "gcd" -> one(Dpnp.gcd(x0, x1));
            case "lcm" -> one(Dpnp.lcm(x0, x1));
            case "frexp" -> Dpnp.frexp(x0);
            case "modf" -> Dpnp.modf(x0);
            case "nextafter" -> one(Dpnp.nextafter(x0, x1));
            case "spacing" -> one(Dpnp.spacing(x0));
            case "sinc" -> one(Dpnp.sinc(x0));
            case "i0" -> one(Dpnp.i0(x0));
            case "bitwise_count" -> one(Dpnp.bitwiseCount(x0));
            case "bartlett" -> one(Dpnp.bartlett(a.l("M"), on));
            case "blackman" -> one(Dpnp.blackman(a.l("M"), on));
            case "hamming" -> one(Dpnp.hamming(a.l("M"), on));
            case "hanning" -> one(Dpnp.hanning(a.l("M"), on));
            case "kaiser" -> one(Dpnp.kaiser(a.l("M"), a.d("beta"), on));
            case "geomspace" -> one(Dpnp.geomspace(a.d("start"), a.d("stop"), a.l("num"), a.b("endpoint"), on));
            case "cumulative_sum" -> one(Dpnp.cumulativeSum(x0, a.axis("axis"), dtype(a), a.b("init")));
            case "cumulative_prod" -> one(Dpnp.cumulativeProd(x0, a.axis("axis"), dtype(a), a.b("init")));
            default -> throw new IllegalArgumentException("no numerics call for " + fn);
        };
    }

    private static UsmNdArray[] one(UsmNdArray r) {
        return new UsmNdArray[] {r};
    }

    private static DType dtype(Args a) {
        return a.has("dtype") ? DType.valueOf(a.str("dtype").toUpperCase()) : null;
    }

    /** gradient's spacing: coordinates (the second input), steps from "h", or none. */
    private static Object[] spacing(Args a, UsmNdArray coords) {
        if (a.b("coords")) return new Object[] {coords};
        if (!a.has("h")) return null;
        return java.util.Arrays.stream(a.doubles("h")).boxed().toArray();
    }

    /** A path as generate_numerics.py flattens it: each step's length, then its positions. */
    private static UsmNdArray flatPath(List<int[]> path, ArrayOptions on) {
        long[] flat = path.stream().flatMapToLong(s -> java.util.stream.LongStream.concat(
                java.util.stream.LongStream.of(s.length), java.util.Arrays.stream(s).asLongStream())).toArray();
        return Tensor.asarray(flat, new long[] {flat.length}, on.dtype(DType.INT64));
    }
}
