package org.jdpx.device.levelzero;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.MemorySegment;

/**
 * A device's timestamp clock: converts the ticks of a ze_kernel_timestamp_result_t to nanoseconds.
 *
 * @param nanosPerTick from {@code timerResolution} of ze_device_properties_t
 * @param validBits    {@code kernelTimestampValidBits}: the counter wraps at {@code 2^validBits}
 */
record ZeClock(double nanosPerTick, int validBits) {

    /**
     * The command's wall-clock (global) start and end in device nanoseconds, as
     * {@code {queued, submitted, started, ended}}. Level Zero records no queue or submit times, so
     * those equal the start, and a command's duration is {@code ended - started}.
     */
    long[] toNanos(MemorySegment result) {
        long mask = validBits >= 64 || validBits <= 0 ? -1L : (1L << validBits) - 1;
        long start = result.get(JAVA_LONG, 0) & mask;
        long end = result.get(JAVA_LONG, 8) & mask;
        long ticks = end >= start ? end - start : end + (mask - start) + 1; // the counter wrapped once
        long s = Math.round(start * nanosPerTick);
        return new long[] {s, s, s, s + Math.round(ticks * nanosPerTick)};
    }
}
