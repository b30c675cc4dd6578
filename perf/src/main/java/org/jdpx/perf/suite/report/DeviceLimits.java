package org.jdpx.perf.suite.report;

/**
 * The limits one device's rows are a fraction of ("of limit"). A null figure is unknown, and the
 * rows it would divide have no fraction.
 *
 * @param device          jdpx device filter string
 * @param host            whether the device computes on the host CPU and its memory (java device, CPU OpenCL)
 * @param bandwidthGBs    the memory bandwidth limit of memory-bound rows (GB/s)
 * @param bandwidthSource where that figure comes from, in words
 * @param peakGflopsF32   the fp32 compute limit (GFLOP/s)
 * @param peakGflopsF64   the fp64 compute limit (GFLOP/s)
 * @param peakDerivation  how the compute limits were derived, or why they are unknown
 */
public record DeviceLimits(String device, boolean host, Double bandwidthGBs, String bandwidthSource,
                           Double peakGflopsF32, Double peakGflopsF64, String peakDerivation) {
}
