package org.jdpx.perf.suite.report;

/**
 * The machine a report was measured on and its limits.
 *
 * @param cpu               CPU model name
 * @param cores             cores the JVM sees
 * @param streamTriadGBs    multi-threaded Java STREAM triad (float32, 3 arrays counted), the bandwidth limit
 * @param peakGflopsF32     fp32 peak derived from clock, cores and SIMD width, the compute limit
 * @param peakDerivation    how {@code peakGflopsF32} was derived, in words
 * @param cStreamTriadGBs   the C STREAM triad (float, OpenMP, all cores) when gcc was there; null otherwise
 * @param fmaProbeGflopsF32 the C register-only FMA probe when gcc was there; null otherwise
 * @param date              when the run started (ISO-8601, UTC)
 * @param quick             whether this was a quick run
 * @param notes             what could not be measured and why
 */
public record Machine(String cpu, int cores, double streamTriadGBs, double peakGflopsF32, String peakDerivation,
                      Double cStreamTriadGBs, Double fmaProbeGflopsF32, String date, boolean quick,
                      java.util.List<String> notes) {
}
