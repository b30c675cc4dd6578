package org.jdpx.perf.suite;

import java.util.Locale;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceType;
import org.jdpx.perf.suite.report.DeviceLimits;

/**
 * Each device's limits for the report's "of limit" column.
 * <ul>
 *   <li>Host devices (type CPU: the java device, PoCL, rusticl) compute on the host's cores out of
 *       host memory, so their limits are the machine's: the Java STREAM triad for bandwidth and the
 *       fp32 peak from {@code /proc/cpuinfo} (half of it for fp64). Their own {@code copy_d2d} is not
 *       the limit: it measures the driver's copy routine (often one thread), not the memory, and a
 *       slow copy would make every row look close to its limit. Host-device copies count read and
 *       write against the STREAM triad, as STREAM copy does.</li>
 *   <li>Other devices (GPUs, accelerators) have memory of their own: the bandwidth limit is jdpx's
 *       {@code copy_d2d} on that device (bytes read plus bytes written per second), the fp32 peak
 *       is {@link GpuPeak} (compute units × clock × lanes × 2), fp64 unknown. Copies between host
 *       and such a device cross the host link, which the report does not measure: no fraction.</li>
 * </ul>
 */
final class Limits {

    private Limits() {
    }

    /** Whether the device computes on the host CPU, so the machine's limits are its limits. */
    static boolean isHost(DeviceInfo info) {
        return info.type() == DeviceType.CPU;
    }

    /** The limits of a host device: the machine's STREAM triad and peak. */
    static DeviceLimits host(String device, double streamGBs, Peak hostPeak) {
        Double bw = streamGBs > 0 ? streamGBs : null;
        Double peak = Double.isFinite(hostPeak.gflops()) && hostPeak.gflops() > 0 ? hostPeak.gflops() : null;
        return new DeviceLimits(device, true, bw, "the host's Java STREAM triad (device memory is host memory)",
                peak, peak == null ? null : peak / 2, peak == null ? hostPeak.derivation()
                        : "the host CPU's: " + hostPeak.derivation() + "; fp64 half of it");
    }

    /**
     * The limits of a device with memory of its own: {@code copyGBs} (its {@code copy_d2d}, read
     * plus write; null when that did not run, with {@code why}) and the peak its units and clock give.
     */
    static DeviceLimits ownMemory(String device, DeviceInfo info, Double copyGBs, String why) {
        Peak peak = GpuPeak.of(info);
        String source = copyGBs != null
                ? String.format(Locale.ROOT, "copy_d2d on this device: %.1f GB/s counting bytes read and written", copyGBs)
                : "unknown: copy_d2d did not run (" + why + ")";
        Double f32 = Double.isFinite(peak.gflops()) ? peak.gflops() : null;
        return new DeviceLimits(device, false, copyGBs, source, f32, null,
                peak.derivation() + "; fp64 unknown (the device does not report its fp64:fp32 rate)");
    }
}
