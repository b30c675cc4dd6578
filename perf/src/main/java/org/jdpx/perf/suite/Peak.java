package org.jdpx.perf.suite;

import java.util.Locale;
import java.util.Set;

/**
 * The CPU's fp32 peak from what {@code /proc/cpuinfo} says:
 * {@code clock × cores × fp32 lanes × FMA pipes × 2} (an FMA is two flops). Lanes come from the
 * widest SIMD flag (avx512f 16, avx/avx2 8, sse 4; aarch64 asimd 4), except that AMD family 0x19
 * (Zen 3 and Zen 4) runs 512-bit operations as two 256-bit halves, so 8. Every x86 core with the
 * fma flag since Haswell and Zen has two FMA pipes; without it one multiply-add per lane and cycle
 * is assumed. The clock is the one /proc/cpuinfo reports, which on a virtual machine is the
 * nominal (TSC) rate, not the boost clock: a register-only FMA probe can beat this figure.
 *
 * @param gflops     the derived peak in GFLOP/s
 * @param derivation the formula with this machine's numbers, in words
 */
public record Peak(double gflops, String derivation) {

    /** The peak of {@code cores} cores at {@code mhz} with the given cpuinfo flags, vendor and family. */
    public static Peak of(double mhz, int cores, String vendor, int family, Set<String> flags) {
        int lanes = flags.contains("avx512f") ? 16
                : flags.contains("avx2") || flags.contains("avx") ? 8
                : flags.contains("sse") || flags.contains("sse2") || flags.contains("asimd") ? 4 : 1;
        String lanesWhy = lanes + " fp32 lanes";
        if (lanes == 16 && "AuthenticAMD".equals(vendor) && family == 0x19) {
            lanes = 8;
            lanesWhy = "8 fp32 lanes (AVX-512 double-pumped on 256-bit units, AMD family 19h)";
        }
        int pipes = flags.contains("fma") ? 2 : 1;
        double gflops = mhz / 1e3 * cores * lanes * pipes * 2;
        String why = String.format(Locale.ROOT,
                "%.2f GHz (cpu MHz in /proc/cpuinfo) × %d cores × %s × %d FMA pipes × 2 flops per FMA = %.1f GFLOP/s",
                mhz / 1e3, cores, lanesWhy, pipes, gflops);
        return new Peak(gflops, why);
    }
}
