package org.jdpx.tensor;

import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceType;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.plan.DevicePlan;

/**
 * A device with the execution plan a test runs it under: its own plan, or the GPU plan forced
 * through {@code -Djdpx.schedule=gpu} (set only while {@link #run} runs), so CI without a GPU
 * checks the GPU code paths on its OpenCL CPU devices.
 *
 * @param device the device
 * @param gpu    whether the GPU plan is forced
 */
public record PlanCase(Device device, boolean gpu) {

    /**
     * Every device with its own plan, then every OpenCL device that is not a GPU under the forced
     * GPU plan (a GPU runs that plan already; a second case would only repeat the first with its
     * kernels cached).
     */
    public static Stream<PlanCase> all() {
        return Stream.concat(TestDevices.all().map(d -> new PlanCase(d, false)),
                TestDevices.all().filter(d -> !d.backend().equals("java") && d.type() != DeviceType.GPU)
                        .map(d -> new PlanCase(d, true)));
    }

    /** Whether this case runs the GPU plan: forced, or on a GPU, whose own plan it is. */
    public boolean gpuPlan() {
        return gpu || device.type() == DeviceType.GPU;
    }

    /** Runs {@code body} under this case's plan. */
    public <T> T run(Supplier<T> body) {
        if (!gpu) return body.get();
        String old = System.getProperty(DevicePlan.PROPERTY);
        System.setProperty(DevicePlan.PROPERTY, "gpu");
        try {
            return body.get();
        } finally {
            if (old == null) System.clearProperty(DevicePlan.PROPERTY); else System.setProperty(DevicePlan.PROPERTY, old);
        }
    }

    /** Runs {@code body} under this case's plan. */
    public void run(Runnable body) {
        run(() -> {
            body.run();
            return null;
        });
    }

    /** Whether the device runs loops of at most 65535 iterations and has no fp64 (Mesa's llvmpipe). */
    public boolean llvmpipe() {
        return device.name().contains("llvmpipe");
    }

    @Override
    public String toString() {
        return device.filterString() + (gpu ? " (GPU plan forced)" : "");
    }
}
