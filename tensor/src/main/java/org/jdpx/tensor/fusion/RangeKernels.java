package org.jdpx.tensor.fusion;

import org.jdpx.device.Device;
import org.jdpx.device.Queue;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.WorkRange;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.tensor.DType;

/**
 * {@code arange}'s values written by a kernel on the array's device: element {@code i} is
 * {@code start + i * step} computed in float64 (the product rounded before the sum, as Java
 * computes it), then converted to the array's dtype. No host array is filled and no host data
 * is copied, which for a large range costs more than the kernel.
 */
public final class RangeKernels {
    private RangeKernels() {
    }

    /**
     * Writes {@code start + i * step} into every element {@code i} of {@code out} (a 1-d float64
     * or int64 array on {@code queue}'s device, which must have fp64), asynchronously on {@code queue}.
     * {@code Tensor.arange} calls it for OpenCL devices; on the java device, whose memory is the
     * host's, it fills the array on the host as before.
     */
    public static void arange(Node.Leaf out, double start, double step, Queue queue) {
        long n = out.view().size();
        if (n == 0) return;
        FusedKernels.checkSize(n);
        Device device = queue.device();
        Node.Scalar first = new Node.Scalar(DType.FLOAT64, start, (long) start);
        Node.Scalar by = new Node.Scalar(DType.FLOAT64, step, (long) step);
        LaunchMemo.Walk walk = new LaunchMemo.Walk(device, 3).node(out).node(first).node(by);
        LaunchMemo.Recipe known = LaunchMemo.find(walk);
        if (known != null) {
            known.launch(queue, walk, "arange");
            return;
        }
        Schedule.Mode mode = Schedule.mode(device);
        KernelWriter w = new KernelWriter("arange", mode, device);
        w.keyPart("arange");
        w.enter(Space.elementwise(out.shape()), null);
        w.prepare(out);
        w.prepare(first);
        w.prepare(by);
        long items = Schedule.elementwiseItems(device, n, false);
        if (items >= n && mode == Schedule.Mode.STRIDED) w.onePerItem(items == n);
        var b = w.builder();
        Lowering low = w.lowering();
        w.loop(w.globalId(), w.globalSize(), n, Schedule.ceilDiv(n, items), () -> {
            // The product in a variable of its own: one rounding each for the product and the sum.
            Var product = low.temp(Scalar.F64);
            b.assign(product, b.mul(b.convert(Scalar.F64, w.linearIndex()), w.eval(by)));
            w.store(out, low.cast(DType.FLOAT64, out.dtype(), b.add(w.eval(first), b.read(product))));
        });
        CompiledKernel k = FusedKernels.kernel(w);
        WorkRange range = FusedKernels.range(items, Schedule.elementwiseGroup(device));
        FusedKernels.launch(queue, k, range, w.arguments().toArray());
        String[] note = {"kernel " + k.name() + " on " + device.filterString() + " [", "]: " + n + " elements"};
        LaunchMemo.remember(walk, w, k, range, note);
        FusionDiagnostics.record(note[0] + "arange" + note[1]);
    }
}
