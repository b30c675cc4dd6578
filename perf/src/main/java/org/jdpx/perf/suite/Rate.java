package org.jdpx.perf.suite;

import java.util.function.LongToDoubleFunction;

/**
 * How a workload's time becomes a rate: {@code amount(size) / seconds / scale} in {@code unit}, and
 * which of the machine's limits that rate is a fraction of.
 *
 * @param unit   the rate's unit, e.g. {@code GB/s}
 * @param amount bytes, floating-point operations or operations of one run at a size
 * @param scale  divides amount per second (1e9 for GB/s and GFLOP/s, 1 for launch/s)
 * @param limit  the machine limit the rate compares with
 */
public record Rate(String unit, LongToDoubleFunction amount, double scale, Limit limit) {

    /** The machine limit a rate is a fraction of. */
    public enum Limit {
        /** The multi-threaded Java STREAM triad (GB/s). */
        MEMORY,
        /** The STREAM triad, with bytes copied counted twice (read and write) as STREAM copy counts them. */
        COPY,
        /** The fp32 peak derived from clock, cores and SIMD width (GFLOP/s). */
        FLOPS_F32,
        /** Half the fp32 peak: fp64 lanes are half as many (GFLOP/s). */
        FLOPS_F64,
        /** Latencies: no machine limit applies. */
        NONE
    }

    /** GB/s of bytes copied; the limit fraction counts each byte read and written, as STREAM copy does. */
    public static Rate copy(LongToDoubleFunction bytes) {
        return new Rate("GB/s", bytes, 1e9, Limit.COPY);
    }

    /** GB/s over {@code bytes(size)} bytes moved, compared with the STREAM triad. */
    public static Rate bandwidth(LongToDoubleFunction bytes) {
        return new Rate("GB/s", bytes, 1e9, Limit.MEMORY);
    }

    /** GFLOP/s over {@code flops(size)}, compared with the fp32 or fp64 peak. */
    public static Rate flops(LongToDoubleFunction flops, boolean fp64) {
        return new Rate("GFLOP/s", flops, 1e9, fp64 ? Limit.FLOPS_F64 : Limit.FLOPS_F32);
    }

    /** Operations per second, one per run (launch/s, alloc/s). */
    public static Rate perSecond(String unit) {
        return new Rate(unit, size -> 1, 1, Limit.NONE);
    }

    /** The rate of one run at {@code size} taking {@code seconds}. */
    public double of(long size, double seconds) {
        return amount.applyAsDouble(size) / seconds / scale;
    }
}
