package org.jdpx.perf.suite;

import java.util.function.LongToDoubleFunction;

/**
 * How a workload's time becomes a rate: {@code amount(size) / seconds / scale} in {@code unit}, and
 * which of the device's limits ({@link Limits}) that rate is a fraction of.
 *
 * @param unit   the rate's unit, e.g. {@code GB/s}
 * @param amount bytes, floating-point operations or operations of one run at a size
 * @param scale  divides amount per second (1e9 for GB/s and GFLOP/s, 1 for launch/s)
 * @param limit  the device limit the rate compares with
 */
public record Rate(String unit, LongToDoubleFunction amount, double scale, Limit limit) {

    /** The device limit a rate is a fraction of. */
    public enum Limit {
        /** The device's memory bandwidth: the STREAM triad on host devices, {@code copy_d2d} on others (GB/s). */
        MEMORY,
        /** Copies between host and device: on host devices the STREAM triad, bytes counted read and written as STREAM copy counts them; none on others. */
        COPY,
        /** The device's fp32 peak (GFLOP/s). */
        FLOPS_F32,
        /** The device's fp64 peak: half the fp32 one on host CPUs, unknown on GPUs (GFLOP/s). */
        FLOPS_F64,
        /** Latencies: no machine limit applies. */
        NONE
    }

    /** GB/s of bytes copied; the limit fraction counts each byte read and written, as STREAM copy does. */
    public static Rate copy(LongToDoubleFunction bytes) {
        return new Rate("GB/s", bytes, 1e9, Limit.COPY);
    }

    /** GB/s over {@code bytes(size)} bytes moved, compared with the device's bandwidth. */
    public static Rate bandwidth(LongToDoubleFunction bytes) {
        return new Rate("GB/s", bytes, 1e9, Limit.MEMORY);
    }

    /** GFLOP/s over {@code flops(size)}, compared with the device's fp32 or fp64 peak. */
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
