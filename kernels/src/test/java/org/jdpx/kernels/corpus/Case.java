package org.jdpx.kernels.corpus;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One corpus kernel with a launch: fresh arguments, the range, and a check that compares the
 * outputs with a plain-Java reference computed from the (unchanged) inputs. The same case
 * runs on the java device and, where practical, on an OpenCL device.
 */
public record Case(String kernel, int[] global, int[] local, Supplier<Object[]> args, Consumer<Object[]> check, boolean runOnDevice) {
    @Override
    public String toString() { return kernel; }
}
