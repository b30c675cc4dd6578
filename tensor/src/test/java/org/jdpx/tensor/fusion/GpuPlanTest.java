package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.PlanCase;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan each kernel gets: under the forced GPU plan every reduction shape takes the layout
 * its design names (trees with a second pass for long outputs, one item per output for many
 * short ones, block scans, whole groups for elementwise kernels), while the CPU and java plans
 * keep one kernel per reduction. Values are checked by ReductionPlanTest and ScanPlanTest.
 */
class GpuPlanTest {

    static java.util.stream.Stream<PlanCase> plans() {
        return PlanCase.all();
    }

    /** Runs {@code body} and returns the kernel events it recorded. */
    private static List<String> kernels(Runnable body) {
        FusionDiagnostics.clear();
        body.run();
        return FusionDiagnostics.events();
    }

    private static boolean gpuPlan(PlanCase c) {
        return c.run(() -> Schedule.plan(c.device()).isGpu());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void fullReductionsAreGroupTreesWithOneSmallPass(PlanCase c) {
        UsmNdArray x = Tensor.ones(new long[] {(1 << 20) + 3}, ArrayOptions.on(c.device()));
        List<String> sum = c.run(() -> kernels(() -> assertEquals((1 << 20) + 3, Tensor.sum(x, null, false).item())));
        List<String> arg = c.run(() -> kernels(() -> assertEquals(0, Tensor.argmax(x, null).itemLong())));
        if (gpuPlan(c)) {
            assertEquals(2, sum.size(), "groups, then one group over their results: " + sum);
            assertTrue(sum.get(0).contains("tree reduction") && sum.get(1).contains("1 groups of"), sum.toString());
            assertEquals(2, arg.size(), arg.toString());
        } else {
            // One kernel leaves a few partials, which the reader folds in its prologue.
            assertTrue(sum.get(0).contains("kernel reduce ") && sum.get(0).contains("parts"), sum.toString());
            assertTrue(sum.stream().noneMatch(e -> e.contains("tree")), sum.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void axisReductionsSplitLongOutputsAndGiveShortOnesOneItem(PlanCase c) {
        ArrayOptions on = ArrayOptions.on(c.device());
        UsmNdArray few = Tensor.ones(new long[] {3, 60_001}, on);
        UsmNdArray many = Tensor.ones(new long[] {5000, 5}, on);
        List<String> fewLong = c.run(() -> kernels(() -> Tensor.sum(few, new int[] {1}, false).eval()));
        List<String> manyShort = c.run(() -> kernels(() -> Tensor.sum(many, new int[] {1}, false).eval()));
        boolean gpu = gpuPlan(c);
        assertEquals(gpu ? 2 : 1, fewLong.size(), fewLong.toString());
        assertEquals(gpu, fewLong.get(0).contains("tree reduction"), fewLong.toString());
        assertEquals(1, manyShort.size(), manyShort.toString());
        assertTrue(manyShort.get(0).contains("in 1 parts"), "one work-item per output: " + manyShort);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void longScansAreBlockScans(PlanCase c) {
        UsmNdArray x = Tensor.ones(new long[] {(1 << 20) + 3}, ArrayOptions.on(c.device()));
        List<String> k = c.run(() -> kernels(() -> assertEquals((1 << 20) + 3, Tensor.cumsum(x, null).get("-1").item())));
        if (gpuPlan(c) || c.llvmpipe()) { // llvmpipe: one item could not walk a line longer than 65535
            assertTrue(k.size() >= 3 && k.get(0).contains("in blocks of"), "blocks, their totals, totals added: " + k);
        } else {
            assertEquals(1, k.size(), k.toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void gpuPlanLaunchesWholeGroupsOfTheSimdMultiple(PlanCase c) {
        Device d = c.device();
        c.run(() -> {
            DevicePlan p = Schedule.plan(d);
            long items = Schedule.elementwiseItems(d, 1_000_003, false);
            if (!p.isGpu()) {
                assertEquals(d.backend().equals("java") ? 1 : 0, Schedule.elementwiseGroup(d));
                return;
            }
            long group = Schedule.elementwiseGroup(d);
            assertEquals(p.groupSize(), group);
            assertEquals(0, group % p.simdWidth(), "group " + group + ", SIMD width " + p.simdWidth());
            assertEquals(0, items % group);
            assertTrue(items >= 1_000_003 && items < 1_000_003 + group, "items " + items);
            Schedule.Reduction r = Schedule.reduction(d, 1, 1 << 25, false);
            assertEquals(Schedule.Shape.TREE, r.shape());
            assertEquals(Math.min(p.fullGroups(), (1 << 25) / (group * 8)), r.parts(), "enough groups to fill the device");
        });
    }
}
