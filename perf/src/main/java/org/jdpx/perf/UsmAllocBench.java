package org.jdpx.perf;

import java.util.concurrent.TimeUnit;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.usm.UsmMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Allocation latency: allocate and free 64 KiB of device memory through the pool (a cache hit
 * after the first) and straight through the backend, per device. {@code SampleTime} gives the
 * median (p0.50) the goal is stated in.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class UsmAllocBench {

    @Param({"opencl:cpu:0", "java:cpu:0"})
    public String device;

    private Device dev;

    @Setup
    public void setUp() {
        dev = BenchDevices.require(device);
    }

    @Benchmark
    public long poolHit() {
        UsmMemory m = UsmMemory.allocate(dev.defaultQueue(), UsmType.DEVICE, 1 << 16);
        long size = m.byteSize();
        m.close();
        return size;
    }

    @Benchmark
    public long withoutPool() {
        NativeMemory m = dev.spi().allocate(UsmType.DEVICE, 1 << 16);
        long size = m.byteSize();
        m.free();
        return size;
    }
}
