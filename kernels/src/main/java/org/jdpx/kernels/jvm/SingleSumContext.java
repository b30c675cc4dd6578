package org.jdpx.kernels.jvm;

import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;

/**
 * The context of a flat launch on the java device whose kernel's only atomic is an add to one
 * address for the whole launch ({@link org.jdpx.kernels.CompiledKernel#atomicsToOneAddress}), such as
 * {@code ctx.atomicAdd(c, 0, sub * sub)}: each float or double add goes into one of
 * {@value #LANES} running sums (item {@code gid0} into sum {@code gid0 % LANES}), without
 * comparing addresses, and {@link #flushSums()} makes one atomic add of their total per chunk.
 *
 * <p>Why a class of its own: {@link JvmKernelContext}'s adds check whether each one goes where
 * the pending sum does, and call out to make that sum otherwise. That call, compiled into the
 * kernel's item loop, stops the JIT from keeping the views' fields and the running sum in
 * registers: every item then reloads them and waits for the previous item's store of the sum,
 * about four times the cost of the same loop written by hand (265 against 75 us for the l2 sample's
 * 65,536 items on one thread). Here the add has no call and no compare, and being a separate
 * method, its branch profile is not shared with kernels that need the checks. Eight sums, not one,
 * so that consecutive items' adds do not wait on each other.
 */
final class SingleSumContext extends JvmKernelContext {
    static final int LANES = 8;
    private final float[] floats = new float[LANES];
    private final double[] doubles = new double[LANES];
    private FloatArray floatView;
    private int floatIndex;
    private DoubleArray doubleView;
    private int doubleIndex;

    SingleSumContext(int[] global, int[] local) {
        super(global, local, null);
    }

    @Override
    protected float addFloat(FloatArray a, int i, float v) {
        if (floatView == null) {
            floatView = a;
            floatIndex = i;
        }
        floats[gid0 & (LANES - 1)] += v;
        return 0f;
    }

    @Override
    protected double addDouble(DoubleArray a, int i, double v) {
        if (doubleView == null) {
            doubleView = a;
            doubleIndex = i;
        }
        doubles[gid0 & (LANES - 1)] += v;
        return 0d;
    }

    /** Makes the running sums' atomic adds, one per type that was added to. */
    @Override
    void flushSums() {
        if (floatView != null) {
            float[] s = floats;
            float sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
            java.util.Arrays.fill(s, 0f);
            super.addFloat(floatView, floatIndex, sum);
            floatView = null;
        }
        if (doubleView != null) {
            double[] s = doubles;
            double sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
            java.util.Arrays.fill(s, 0d);
            super.addDouble(doubleView, doubleIndex, sum);
            doubleView = null;
        }
    }
}
