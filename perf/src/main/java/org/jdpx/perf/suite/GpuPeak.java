package org.jdpx.perf.suite;

import java.util.List;
import java.util.Locale;
import org.jdpx.device.DeviceInfo;

/**
 * The fp32 peak of a GPU from what it reports: {@code compute units × max clock × fp32 lanes per
 * unit × 2} (an FMA is two flops). OpenCL does not report lanes per unit, so they come from the
 * vendor, as the vendors document their units:
 * <ul>
 *   <li>NVIDIA streaming multiprocessor: 128 fp32 lanes (Maxwell, Pascal, Ampere GA10x, Ada, Hopper,
 *       Blackwell); 64 on Volta, Turing and the A100/A30 (named by the device names below). Kepler's 192
 *       is not told apart: its peak comes out a third low.</li>
 *   <li>AMD compute unit: 64 lanes (GCN, CDNA, RDNA; RDNA 3's dual issue and CDNA 2's packed fp32 are
 *       not counted, so the peak is half theirs).</li>
 *   <li>Intel execution unit: 8 fp32 lanes (Gen9 to Xe-HPG).</li>
 * </ul>
 * Any other vendor, or a device that reports no clock or units, gives "unknown" (NaN). The clock is
 * the maximum the driver reports (NVIDIA: the boost clock), so the figure is the vendor's peak.
 * The fp64 peak is not derived for GPUs: the fp64 to fp32 ratio (1:2 on data-center parts, 1:32
 * or 1:64 on consumer parts) is not reported.
 */
final class GpuPeak {

    /** NVIDIA parts with 64 fp32 lanes per SM, by a piece of their device name. */
    private static final List<String> NVIDIA_64_LANES = List.of("V100", "TITAN V", "A100", "A30", "T4", "RTX 20",
            "TITAN RTX", "QUADRO RTX", "GTX 16", "RTX 6000", "RTX 8000", "RTX 5000", "RTX 4000");

    private GpuPeak() {
    }

    /** fp32 lanes per compute unit of a GPU of this vendor and name, or 0 when unknown. */
    static int lanes(String vendor, String name) {
        String v = vendor.toUpperCase(Locale.ROOT);
        String n = name.toUpperCase(Locale.ROOT);
        if (v.contains("NVIDIA")) {
            // "RTX 6000 Ada" and "RTX 4000 Ada" are Ada (128 lanes); the plain ones are Turing.
            if (n.contains("ADA")) return 128;
            return NVIDIA_64_LANES.stream().anyMatch(n::contains) ? 64 : 128;
        }
        if (v.contains("ADVANCED MICRO DEVICES") || v.equals("AMD") || v.startsWith("AMD ")) return 64;
        if (v.contains("INTEL")) return 8;
        return 0;
    }

    /** The fp32 peak of a GPU or accelerator from its reported units and clock; NaN with the reason when unknown. */
    static Peak of(DeviceInfo info) {
        int lanes = lanes(info.vendor(), info.name());
        if (lanes == 0) {
            return new Peak(Double.NaN, "unknown: fp32 lanes per compute unit are not known for vendor '"
                    + info.vendor() + "'");
        }
        if (info.computeUnits() <= 0 || info.maxClockMHz() <= 0) {
            return new Peak(Double.NaN, "unknown: the device reports " + info.computeUnits() + " compute units at "
                    + info.maxClockMHz() + " MHz");
        }
        double gflops = info.computeUnits() * (info.maxClockMHz() / 1e3) * lanes * 2;
        return new Peak(gflops, String.format(Locale.ROOT,
                "%d compute units × %.2f GHz (max clock reported) × %d fp32 lanes per unit (assumed for %s) × 2 flops per FMA = %.0f GFLOP/s",
                info.computeUnits(), info.maxClockMHz() / 1e3, lanes, info.vendor(), gflops));
    }
}
