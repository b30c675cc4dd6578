package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/** What users get for variants jdpx does not implement, bad arguments, and arrays on two devices. */
class ErrorsTest {

    /** Asserts that {@code r} throws {@code type} with a message containing {@code words}. */
    static void says(Class<? extends Throwable> type, String words, Runnable r) {
        Throwable t = assertThrows(type, r::run);
        assertTrue(t.getMessage().contains(words), "message \"" + t.getMessage() + "\" should contain \"" + words + "\"");
    }

    @OnEveryDevice
    void unimplementedVariantsNameTheFunction(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray m = Dpnp.ones(new long[] {3, 3}, on);
        says(IllegalArgumentException.class, "norm: invalid norm order '3' for matrices", () -> Dpnp.norm(m, 3, null, false));
        says(UnsupportedOperationException.class, "integers:", () -> new RandomState(1, on).integers(0, 1L << 40, 3));
    }

    @OnEveryDevice
    void badArgumentsSayWhatIsWrong(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray v = Dpnp.arange(0, 6, 1, on);
        says(IndexOutOfBoundsException.class, "take: index 6 is out of bounds", () -> Dpnp.take(v, Dpnp.arange(0, 7, 1, on), null));
        says(IllegalArgumentException.class, "split: array split does not result in an equal division", () -> Dpnp.split(v, 4, 0));
        says(IllegalArgumentException.class, "bincount: x must be non-negative", () -> Dpnp.bincount(Dpnp.subtract(v, 1).eval(), null, 0));
        says(IllegalArgumentException.class, "searchsorted: side", () -> Dpnp.searchsorted(v, v, "middle"));
        says(IllegalArgumentException.class, "nanargmax: all-NaN slice", () -> Dpnp.nanargmax(Dpnp.full(new long[] {3}, Double.NaN, on), null));
        says(IllegalArgumentException.class, "concatenate: all the input array dimensions", () -> Dpnp.concatenate(new UsmNdArray[] {v.reshape(2, 3), v.reshape(3, 2)}, 0));
        says(IllegalArgumentException.class, "quantile: q must be in the range", () -> Dpnp.quantile(v, new double[] {1.5}, null, false));
        says(IllegalArgumentException.class, "percentile: q must be in the range [0, 100], got 150", () -> Dpnp.percentile(v, 150, null, false));
    }

    /** {@code arange(4)} on the first two test devices, or null when there is only one. */
    static UsmNdArray[] onTwoDevices() {
        List<Device> devices = TestDevices.all().toList();
        if (devices.size() < 2) return null;
        return new UsmNdArray[] {Dpnp.arange(0, 4, 1, ArrayOptions.on(devices.get(0))), Dpnp.arange(0, 4, 1, ArrayOptions.on(devices.get(1)))};
    }

    @Test
    void arraysOnTwoDevicesAreAPlacementError() {
        UsmNdArray[] two = onTwoDevices();
        if (two == null) return;
        UsmNdArray a = two[0];
        UsmNdArray b = two[1];
        assertThrows(ExecutionPlacementError.class, () -> Dpnp.concatenate(new UsmNdArray[] {a, b}, 0));
        assertThrows(ExecutionPlacementError.class, () -> Dpnp.searchsorted(a, b, "left"));
        assertThrows(ExecutionPlacementError.class, () -> Dpnp.take(a, b, 0));
        assertThrows(ExecutionPlacementError.class, () -> Dpnp.matmul(a, b));
    }
}
