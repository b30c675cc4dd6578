package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceType;
import org.jdpx.perf.suite.report.DeviceLimits;
import org.jdpx.perf.suite.report.Row;
import org.junit.jupiter.api.Test;

class LimitsTest {

    private static DeviceInfo info(String vendor, String name, DeviceType type, int units, int mhz) {
        return new DeviceInfo(name, vendor, "1", "OpenCL 3.0", "p", type, 1L << 34, 48 << 10, 1L << 32, units, 1024,
                List.of(1024L, 1024L, 64L), List.of(), mhz, Set.of());
    }

    @Test
    void gpuPeakIsUnitsTimesClockTimesLanesTimesTwo() {
        Peak h200 = GpuPeak.of(info("NVIDIA Corporation", "NVIDIA H200", DeviceType.GPU, 132, 1980));
        assertEquals(132 * 1.98 * 128 * 2, h200.gflops(), 1e-6);
        assertTrue(h200.derivation().contains("132 compute units × 1.98 GHz") && h200.derivation().contains("128 fp32 lanes"),
                h200.derivation());
        assertEquals(108 * 1.41 * 64 * 2, GpuPeak.of(info("NVIDIA Corporation", "NVIDIA A100-SXM4-40GB", DeviceType.GPU,
                108, 1410)).gflops(), 1e-6);
        assertEquals(128, GpuPeak.lanes("NVIDIA Corporation", "NVIDIA RTX 6000 Ada Generation"));
        assertEquals(64, GpuPeak.lanes("NVIDIA Corporation", "Quadro RTX 6000"));
        assertEquals(64, GpuPeak.lanes("Advanced Micro Devices, Inc.", "gfx90a"));
        assertEquals(8, GpuPeak.lanes("Intel(R) Corporation", "Intel(R) Arc(TM) A770 Graphics"));
    }

    @Test
    void gpuPeakIsUnknownWhereLanesOrClockAreNotKnown() {
        Peak other = GpuPeak.of(info("Imagination", "PowerVR", DeviceType.GPU, 4, 800));
        assertTrue(Double.isNaN(other.gflops()));
        assertTrue(other.derivation().startsWith("unknown: fp32 lanes per compute unit are not known for vendor 'Imagination'"),
                other.derivation());
        Peak noClock = GpuPeak.of(info("NVIDIA Corporation", "NVIDIA H200", DeviceType.GPU, 132, 0));
        assertTrue(Double.isNaN(noClock.gflops()));
        assertTrue(noClock.derivation().contains("0 MHz"), noClock.derivation());
    }

    @Test
    void hostDevicesKeepTheMachinesStreamAndPeak() {
        assertTrue(Limits.isHost(info("AuthenticAMD", "pthread", DeviceType.CPU, 2, 2600)));
        assertFalse(Limits.isHost(info("NVIDIA Corporation", "NVIDIA H200", DeviceType.GPU, 132, 1980)));
        DeviceLimits l = Limits.host("opencl:cpu:0", 6.0, new Peak(166.4, "2.6 GHz × ..."));
        assertEquals(6.0, l.bandwidthGBs());
        assertEquals(166.4, l.peakGflopsF32());
        assertEquals(83.2, l.peakGflopsF64(), 1e-12);
        assertTrue(l.host());
        DeviceLimits unknown = Limits.host("java:cpu:0", 6.0, new Peak(Double.NaN, "unknown: no cpu MHz"));
        assertNull(unknown.peakGflopsF32());
        assertNull(unknown.peakGflopsF64());
        assertEquals("unknown: no cpu MHz", unknown.peakDerivation());
    }

    @Test
    void aGpusBandwidthIsItsOwnCopyAndItsFp64PeakUnknown() {
        DeviceInfo h200 = info("NVIDIA Corporation", "NVIDIA H200", DeviceType.GPU, 132, 1980);
        DeviceLimits l = Limits.ownMemory("opencl:gpu:0", h200, 3900.0, null);
        assertEquals(3900.0, l.bandwidthGBs());
        assertTrue(l.bandwidthSource().startsWith("copy_d2d on this device: 3900.0 GB/s"), l.bandwidthSource());
        assertEquals(132 * 1.98 * 128 * 2, l.peakGflopsF32(), 1e-6);
        assertNull(l.peakGflopsF64());
        DeviceLimits failed = Limits.ownMemory("opencl:gpu:0", h200, null, "out of memory");
        assertNull(failed.bandwidthGBs());
        assertEquals("unknown: copy_d2d did not run (out of memory)", failed.bandwidthSource());
    }

    @Test
    void gpuRowsDivideByTheGpusLimitsNotTheHosts() {
        DeviceLimits gpu = Limits.ownMemory("opencl:gpu:0",
                info("NVIDIA Corporation", "NVIDIA H200", DeviceType.GPU, 132, 1980), 4000.0, null);
        // triad 2^25 floats in 0.5 ms: 805 GB/s, a fifth of the copy bandwidth
        long n = 1L << 25;
        Row triad = Rows.of("triad", "tensor", "float32", n, "opencl:gpu:0", Rate.bandwidth(k -> 12.0 * k),
                Timing.of(5e-4), Map.of(), List.of(), gpu);
        assertEquals(12.0 * n / 5e-4 / 1e9 / 4000.0, triad.limitFraction(), 1e-12);
        Row h2d = Rows.of("copy_h2d", "usm", "uint8", n, "opencl:gpu:0", Rate.copy(k -> k), Timing.of(1e-2),
                Map.of(), List.of(), gpu);
        assertNull(h2d.limitFraction(), "the host link is not measured");
        Row pi = Rows.of("pi_kernel_1e8", "kernel", "float64", 100, "opencl:gpu:0", Rate.flops(k -> 1e9, true),
                Timing.of(1e-3), Map.of(), List.of(), gpu);
        assertNull(pi.limitFraction(), "fp64 peak unknown");
        Row matmul = Rows.of("matmul_f32_1024", "kernel", "float32", 1024, "opencl:gpu:0",
                Rate.flops(k -> 2.0 * k * k * k, false), Timing.of(1e-4), Map.of(), List.of(), gpu);
        assertEquals(2.0 * 1024 * 1024 * 1024 / 1e-4 / 1e9 / gpu.peakGflopsF32(), matmul.limitFraction(), 1e-12);
    }

    @Test
    void copyD2dCountsBytesReadAndWritten() {
        Workload w = Workloads.named("copy_d2d");
        assertEquals(2.0, w.rate().of(1_000_000_000L, 1.0), 1e-12);
        assertEquals(Rate.Limit.MEMORY, w.rate().limit());
        assertTrue(w.externalPeers().contains("cupy"));
    }
}
