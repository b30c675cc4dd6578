package org.jdpx.dpnp;

import org.jdpx.tensor.UsmNdArray;

/**
 * What {@link DpnpLinalg#lstsq} returns, as NumPy's {@code (x, residuals, rank, s)}: the
 * least-squares solution, the residual sums of squares per column of b (shape (k,) or (1,) for
 * a 1-D b, and empty unless a has full column rank and more rows than columns), the effective
 * rank of a, and a's singular values, descending. The arrays live on a's device.
 */
public record LstsqResult(UsmNdArray x, UsmNdArray residuals, long rank, UsmNdArray s) {
}
