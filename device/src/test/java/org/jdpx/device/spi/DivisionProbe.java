package org.jdpx.device.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.UsmType;

/**
 * What {@link NativeSignalsTest} runs in a fresh JVM: finds every device, runs an integer kernel
 * on each OpenCL device (PoCL installs its handler when it initialises, LLVM's while it
 * compiles), then divides by zero in plain Java and prints what happened.
 */
public final class DivisionProbe {

    private static final String SOURCE = "kernel void quot(global int* out, int d) {"
            + " int i = get_global_id(0); out[i] = (i + 5) / d; }";

    private DivisionProbe() {
    }

    /** Prints the C environment's POCL_SIGFPE_HANDLER and the outcome of {@code 7 / 0}. */
    public static void main(String[] args) {
        for (Device d : Devices.all()) {
            if (d.backend().equals("opencl")) {
                runKernel(d);
            }
        }
        System.out.println(NativeSignals.POCL_VARIABLE + "="
                + NativeSignals.nativeEnv(NativeSignals.POCL_VARIABLE).orElse("(unset)"));
        System.out.println("7 / 0 " + divideByZero(7));
        System.out.println("signals held by LLVM=" + LlvmHandlers.held());
    }

    /** {@code "throws ArithmeticException"}, or {@code "= q"} when Java's division was broken. */
    static String divideByZero(int dividend) {
        int zero = Integer.parseInt(System.getProperty("jdpx.test.zero", "0"));
        try {
            return "= " + dividend / zero;
        } catch (ArithmeticException e) {
            return "throws ArithmeticException";
        }
    }

    /** Runs {@code out[i] = (i + 5) / 3} on an OpenCL device and checks the 64 results. */
    static void runKernel(Device device) {
        ProgramDriver program = device.spi().buildProgram(new ProgramSource.OpenClC(SOURCE, ""));
        NativeMemory out = device.spi().allocate(UsmType.DEVICE, 64 * Integer.BYTES);
        try (Arena arena = Arena.ofConfined()) {
            QueueDriver q = device.defaultQueue().spi();
            q.launch(program.kernel("quot"), LaunchRange.of(64), List.of(out, 3), List.of()).await();
            MemorySegment host = arena.allocate(64 * Integer.BYTES);
            q.copyToHost(out, 0, host, List.of()).await();
            int[] expected = new int[64];
            for (int i = 0; i < 64; i++) {
                expected[i] = (i + 5) / 3;
            }
            assertArrayEquals(expected, host.toArray(ValueLayout.JAVA_INT), "quotients on " + device);
        } finally {
            out.free();
        }
    }
}
