package org.jdpx.device.opencl;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.testing.TestDevices;

/** Shared helpers of the OpenCL tests: the devices, and patterned host buffers. */
final class OclTesting {

    private OclTesting() {
    }

    /** Every OpenCL device; fails when there is none, since PoCL is installed on every build machine. */
    static List<Device> devices() {
        List<Device> all = TestDevices.ofBackend("opencl");
        assertFalse(all.isEmpty(), "no OpenCL device: is pocl-opencl-icd installed? " + Devices.backends());
        return all;
    }

    /** PoCL's CPU device, the first OpenCL CPU device. */
    static Device pocl() {
        return Devices.get("opencl:cpu:0");
    }

    /** The driver behind a device, for calls the public API does not expose. */
    static OpenClDevice driver(Device d) {
        return (OpenClDevice) d.spi();
    }

    /** A native segment of {@code n} bytes where byte i is {@code (i * 31 + seed) & 0xff}. */
    static MemorySegment pattern(Arena arena, long n, int seed) {
        MemorySegment s = arena.allocate(Math.max(n, 1), 64).asSlice(0, n);
        for (long i = 0; i < n; i++) {
            s.set(ValueLayout.JAVA_BYTE, i, (byte) (i * 31 + seed));
        }
        return s;
    }

    /** Asserts {@code got} holds {@code src}'s bytes at {@code from..to-1} (byte i from {@code src[i - shift]}) and zeros elsewhere. */
    static void assertCopiedIntoZeros(MemorySegment got, MemorySegment src, long from, long to, long shift) {
        for (long i = 0; i < got.byteSize(); i++) {
            byte expect = i >= from && i < to ? src.get(ValueLayout.JAVA_BYTE, i - shift) : 0;
            org.junit.jupiter.api.Assertions.assertEquals(expect, got.get(ValueLayout.JAVA_BYTE, i), "byte " + i);
        }
    }

    /** Fast pattern for large buffers: longs {@code i * 0x9E3779B97F4A7C15 + seed}. */
    static MemorySegment longPattern(Arena arena, long n, long seed) {
        MemorySegment s = arena.allocate(n, 64);
        for (long i = 0; i < n / 8; i++) {
            s.setAtIndex(ValueLayout.JAVA_LONG, i, i * 0x9E3779B97F4A7C15L + seed);
        }
        return s;
    }
}
