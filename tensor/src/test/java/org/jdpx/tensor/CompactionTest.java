package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.kernels.plan.DevicePlan.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Boolean-mask indexing and {@link Compaction} on every device, each OpenCL device under the CPU
 * plan and the GPU plan (forced with {@link DevicePlan#forcing}), against plain Java: selected
 * elements in C order, for sizes that are no multiple of any group or tile.
 */
class CompactionTest {

    static Stream<Arguments> plans() {
        return TestDevices.all().flatMap(d -> d.backend().equals("java")
                ? Stream.of(Arguments.of(d, Kind.JAVA))
                : Stream.of(Arguments.of(d, Kind.CPU), Arguments.of(d, Kind.GPU)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("plans")
    void maskSelectsInOrder(Device device, Kind plan) {
        DevicePlan.forcing(plan, () -> {
            SplittableRandom r = new SplittableRandom(13);
            for (int n : new int[] {1, 31, 1000, 4097, (1 << 20) + 3}) {
                for (double density : new double[] {0, 0.03, 0.5, 1}) {
                    boolean[] m = new boolean[n];
                    int[] x = new int[n];
                    int count = 0;
                    for (int i = 0; i < n; i++) {
                        m[i] = r.nextDouble() < density;
                        x[i] = r.nextInt();
                        if (m[i]) count++;
                    }
                    int[] want = new int[count];
                    long[] where = new long[count];
                    for (int i = 0, k = 0; i < n; i++) {
                        if (m[i]) {
                            where[k] = i;
                            want[k++] = x[i];
                        }
                    }
                    ArrayOptions on = ArrayOptions.on(device);
                    UsmNdArray mask = Tensor.asarray(m, null, on);
                    String what = device.filterString() + " " + plan + " n=" + n + " density=" + density;
                    assertArrayEquals(want, Tensor.asarray(x, null, on).get(mask).toIntArray(), what);
                    // The block scan straight, on the OpenCL devices only: the java device runs barrier kernels one thread per item.
                    if (plan != Kind.JAVA) assertArrayEquals(where, Compaction.positions(mask).toLongArray(), what);
                }
            }
            return null;
        });
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("plans")
    void maskOfAViewAndOfTwoAxes(Device device, Kind plan) {
        DevicePlan.forcing(plan, () -> {
            ArrayOptions on = ArrayOptions.on(device);
            UsmNdArray x = Tensor.arange(0, 60, 1, on).reshape(6, 10);
            UsmNdArray view = x.get("2:, 3:");
            UsmNdArray mask = Tensor.equal(Tensor.remainder(view, 3), 0);
            assertArrayEquals(new long[] {24, 27, 33, 36, 39, 45, 48, 54, 57}, view.get(mask).toLongArray());
            if (plan != Kind.JAVA) {
                assertArrayEquals(new long[] {1, 4, 7, 10, 13, 16, 19, 22, 25}, Compaction.positions(mask).toLongArray());
            }
            return null;
        });
    }
}
