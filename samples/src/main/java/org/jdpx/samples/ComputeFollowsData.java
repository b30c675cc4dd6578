package org.jdpx.samples;

import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * Compute follows data, shown: {@code x} lives on one device and {@code y} on another, so
 * {@code x + y} has no place to run and throws {@link ExecutionPlacementError}; after
 * {@code y.toDevice(x.queue())} both live where {@code x} does and the sum runs there.
 */
public final class ComputeFollowsData {
    private ComputeFollowsData() {
    }

    /**
     * What the demonstration saw.
     *
     * @param xDevice     where {@code x} lives
     * @param yPlace      where {@code y} lives: another device, or a second queue of the same one when
     *                    the machine has a single device
     * @param error       the message of the {@link ExecutionPlacementError}, or null if none was thrown
     * @param fixedDevice the device {@code x + y.toDevice(x.queue())} reports
     * @param ok          whether the error came and the moved sum was right and on {@code x}'s device
     */
    public record Outcome(String xDevice, String yPlace, String error, String fixedDevice, boolean ok) {
    }

    /** Runs the demonstration with {@code x} on {@code device}. */
    public static Outcome demonstrate(Device device) {
        UsmNdArray x = Tensor.full(new long[] {4}, 1.0, ArrayOptions.on(device));
        Queue elsewhere = elsewhere(device);
        UsmNdArray y = Tensor.full(new long[] {4}, 2.0, ArrayOptions.on(elsewhere).dtype(x.dtype()));
        String error = null;
        try {
            x.add(y).eval();
        } catch (ExecutionPlacementError e) {
            error = e.getMessage();
        }
        UsmNdArray sum = x.add(y.toDevice(x.queue())).eval();
        boolean right = java.util.Arrays.equals(sum.toDoubleArray(), new double[] {3, 3, 3, 3});
        String yPlace = elsewhere.device() == device ? "a second queue of " + device.filterString()
                : elsewhere.device().filterString();
        return new Outcome(device.filterString(), yPlace, error, sum.device().filterString(),
                error != null && right && sum.device() == device);
    }

    /** The java device, or any other device, or failing both a second queue of {@code device}. */
    private static Queue elsewhere(Device device) {
        return Devices.all().stream().filter(d -> d != device)
                .sorted((a, b) -> Boolean.compare(!a.backend().equals("java"), !b.backend().equals("java")))
                .findFirst().map(Device::defaultQueue).orElseGet(() -> device.createQueue(false));
    }
}
