package com.example.consumer;

import org.jdpx.dpnp.Dpnp;
import org.jdpx.tensor.UsmNdArray;

/** An array expression with the NumPy API: (x - mean(x)) / std(x), computed where x lives. */
public final class Standardize {
    private Standardize() { }

    /** NumPy: {@code (x - np.mean(x)) / np.std(x)}. */
    public static UsmNdArray standardize(UsmNdArray x) {
        return Dpnp.divide(Dpnp.subtract(x, Dpnp.mean(x)), Dpnp.std(x));
    }
}
