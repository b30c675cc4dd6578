package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/** Calls the DpnpLinalg function a linalg differential-test case names (its NumPy name) with the case's arguments. */
final class LinalgCalls {

    private LinalgCalls() {
    }

    /** A norm order as generate_linalg.py spells it. */
    static Object order(String s) {
        return switch (s) {
            case "none" -> null;
            case "fro", "nuc" -> s;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> s.contains(".") ? (Object) Double.valueOf(s) : Integer.valueOf(s);
        };
    }

    static UsmNdArray[] run(String fn, Args a, UsmNdArray[] x, ArrayOptions on) {
        UsmNdArray x0 = a.b("T") ? x[0].swapaxes(-1, -2) : x[0];
        UsmNdArray x1 = x.length > 1 ? x[1] : null;
        return switch (fn) {
            case "solve" -> new UsmNdArray[] {DpnpLinalg.solve(x0, x1)};
            case "inv" -> new UsmNdArray[] {DpnpLinalg.inv(x0)};
            case "det" -> new UsmNdArray[] {DpnpLinalg.det(x0)};
            case "slogdet" -> DpnpLinalg.slogdet(x0);
            case "cholesky" -> new UsmNdArray[] {DpnpLinalg.cholesky(x0, a.b("upper"))};
            case "qr" -> a.str("mode").equals("complete_r")
                    ? new UsmNdArray[] {DpnpLinalg.qr(x0, "complete")[1]} : DpnpLinalg.qr(x0, a.str("mode"));
            case "eigvalsh" -> new UsmNdArray[] {DpnpLinalg.eigvalsh(x0, a.str("UPLO"))};
            case "svdvals" -> new UsmNdArray[] {DpnpLinalg.svdvals(x0)};
            case "lstsq" -> {
                LstsqResult r = DpnpLinalg.lstsq(x0, x1);
                UsmNdArray rank = Tensor.full(new long[0], r.rank(), on.dtype(DType.INT64));
                yield new UsmNdArray[] {r.x(), r.residuals(), rank, r.s()};
            }
            case "pinv" -> new UsmNdArray[] {a.has("rcond") ? DpnpLinalg.pinv(x0, a.d("rcond")) : DpnpLinalg.pinv(x0)};
            case "matrix_rank" -> new UsmNdArray[] {DpnpLinalg.matrixRank(x0)};
            case "norm" -> new UsmNdArray[] {DpnpLinalg.norm(x0, order(a.str("ord")), a.axes("axes"), a.b("keepdims"))};
            case "cond" -> new UsmNdArray[] {DpnpLinalg.cond(x0, order(a.str("p")))};
            case "matrix_power" -> new UsmNdArray[] {DpnpLinalg.matrixPower(x0, a.l("n"))};
            case "trace" -> new UsmNdArray[] {DpnpLinalg.trace(x0, a.l("offset"))};
            case "multi_dot" -> new UsmNdArray[] {DpnpLinalg.multiDot(x)};
            case "matrix_norm" -> new UsmNdArray[] {DpnpLinalg.matrixNorm(x0, order(a.str("ord")), a.b("keepdims"))};
            case "vector_norm" -> new UsmNdArray[] {DpnpLinalg.vectorNorm(x0, order(a.str("ord")), a.axes("axes"), a.b("keepdims"))};
            case "cross" -> new UsmNdArray[] {DpnpLinalg.cross(x0, x1)};
            case "vecdot" -> new UsmNdArray[] {DpnpLinalg.vecdot(x0, x1)};
            case "tensorinv" -> new UsmNdArray[] {DpnpLinalg.tensorinv(x0, a.i("ind"))};
            case "tensorsolve" -> new UsmNdArray[] {DpnpLinalg.tensorsolve(x0, x1)};
            case "diagonal" -> new UsmNdArray[] {DpnpLinalg.diagonal(x0, a.l("offset"))};
            case "matrix_transpose" -> new UsmNdArray[] {DpnpLinalg.matrixTranspose(x0)};
            default -> throw new IllegalArgumentException("no linalg call for " + fn);
        };
    }
}
