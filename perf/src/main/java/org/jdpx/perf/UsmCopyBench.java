package org.jdpx.perf;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.TimeUnit;
import org.jdpx.device.UsmType;
import org.jdpx.usm.UsmMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Host-to-device and device-to-host copies of 256 MiB for each device and USM kind, next to a
 * plain {@code MemorySegment.copy} of the same size between two native segments (the
 * {@code memcpyBaseline} row): bytes copied per second is {@code 256 MiB / time}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx2g"})
public class UsmCopyBench {

    /** 256 MiB, the size the issue and BASELINES.md use. */
    public static final long BYTES = 256L << 20;

    @Param({"opencl:cpu:0", "java:cpu:0"})
    public String device;

    @Param({"device", "shared", "host"})
    public String kind;

    private Arena arena;
    private MemorySegment host;
    private MemorySegment host2;
    private UsmMemory mem;

    @Setup(Level.Trial)
    public void setUp() {
        arena = Arena.ofShared();
        host = arena.allocate(BYTES, 4096);
        host2 = arena.allocate(BYTES, 4096);
        host.fill((byte) 1);
        host2.fill((byte) 2);
        mem = UsmMemory.allocate(BenchDevices.require(device).defaultQueue(), UsmType.of(kind), BYTES);
        mem.copyFromHost(host);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        mem.close();
        arena.close();
    }

    @Benchmark
    public void hostToDevice() {
        mem.copyFromHost(host);
    }

    @Benchmark
    public void deviceToHost() {
        mem.copyToHost(host2);
    }

    /** The same number of bytes through {@code MemorySegment.copy}, native to native. */
    @Benchmark
    public void memcpyBaseline() {
        MemorySegment.copy(host, 0, host2, 0, BYTES);
    }
}
