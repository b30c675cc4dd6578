package org.jdpx.perf.suite;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.usm.UsmMemory;

/**
 * USM workloads: 256 MiB copies between a native host segment and device memory (bytes copied per
 * second, next to {@code memcpy}: {@code MemorySegment.copy} between two native segments), a
 * 256 MiB copy between two allocations of one device ({@code copy_d2d}, bytes read plus bytes
 * written per second: a device's bandwidth limit, see {@link Limits}), and a
 * 64 KiB device allocation served by the caching pool (next to {@code java1}: an
 * {@code Arena.ofConfined()} allocation and close, the plain Java way to get native memory).
 */
final class MemoryWorkloads {

    static final long COPY_BYTES = 256L << 20;
    static final long ALLOC_BYTES = 64L << 10;
    /** The workload that measures a device's bandwidth limit. */
    static final String COPY_D2D = "copy_d2d";

    private MemoryWorkloads() {
    }

    static Workload copyH2d() {
        return copy("copy_h2d", true);
    }

    static Workload copyD2h() {
        return copy("copy_d2h", false);
    }

    private static Workload copy(String name, boolean toDevice) {
        return Workload.named(name).style("usm").dtype("uint8").size(COPY_BYTES)
                .rate(Rate.copy(n -> n))
                .body((d, n) -> {
                    Arena arena = Arena.ofShared();
                    MemorySegment host = arena.allocate(n, 4096);
                    host.fill((byte) 1);
                    UsmMemory mem = UsmMemory.allocateDevice(d, n);
                    mem.copyFromHost(host);
                    return Trial.timed(() -> {
                        if (toDevice) mem.copyFromHost(host); else mem.copyToHost(host);
                    }, arena, mem);
                })
                .peer("memcpy", MemoryWorkloads::memcpy)
                .build();
    }

    /** A device-to-device copy; GB/s counts each byte read and written, as the GPU vendors' copy bandwidth does. */
    static Workload copyD2d() {
        return Workload.named(COPY_D2D).style("usm").dtype("uint8").size(COPY_BYTES)
                .rate(Rate.bandwidth(n -> 2.0 * n))
                .body(MemoryWorkloads::copyD2dOn)
                .peer("memcpy", MemoryWorkloads::memcpy)
                .external("cupy")
                .build();
    }

    static Trial copyD2dOn(Device d, long n) {
        UsmMemory src = UsmMemory.allocateDevice(d, n);
        UsmMemory dst = UsmMemory.allocateDevice(d, n);
        src.fill((byte) 1);
        dst.copyFrom(src);
        return Trial.timed(() -> dst.copyFrom(src), src, dst);
    }

    private static Trial memcpy(long n) {
        Arena arena = Arena.ofShared();
        MemorySegment src = arena.allocate(n, 4096);
        MemorySegment dst = arena.allocate(n, 4096);
        src.fill((byte) 1);
        dst.fill((byte) 2);
        return Trial.timed(() -> MemorySegment.copy(src, 0, dst, 0, n), arena);
    }

    static Workload allocPoolHit() {
        return Workload.named("alloc_pool_hit").style("usm").dtype("uint8").size(ALLOC_BYTES).repeat(200)
                .rate(Rate.perSecond("alloc/s"))
                .body((d, n) -> {
                    UsmMemory.allocate(d.defaultQueue(), UsmType.DEVICE, n).close();
                    return Trial.timed(() -> UsmMemory.allocate(d.defaultQueue(), UsmType.DEVICE, n).close());
                })
                .peer("java1", n -> Trial.timed(() -> {
                    try (Arena arena = Arena.ofConfined()) {
                        arena.allocate(n, 64);
                    }
                }))
                .build();
    }
}
