package org.jdpx.kernels.jvm;

import java.util.concurrent.Phaser;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.KernelContext;

/**
 * The java device's {@link KernelContext}: plain mutable fields the runner sets before each
 * work-item, read back by final-class-free but monomorphic calls the JIT inlines. One
 * instance per worker thread for kernels without barriers (reused for every item, no
 * allocation), one per work-item for kernels with barriers or local memory.
 */
final class JvmKernelContext extends KernelContext {
    int gid0, gid1, gid2;
    int lid0, lid1, lid2;
    int grp0, grp1, grp2;
    final int gsz0, gsz1, gsz2;
    final int lsz0, lsz1, lsz2;
    final int ngrp0, ngrp1, ngrp2;
    /** Shared by the work-items of one group; null when the kernel needs no group state. */
    final WorkGroup group;
    private int localCalls;
    /** Float and double atomic adds are summed here and made at {@link #flushSums()} ({@link JvmGroupSums}). */
    boolean deferSums;
    private FloatArray floatView;
    private int floatIndex;
    private float floatSum;
    private DoubleArray doubleView;
    private int doubleIndex;
    private double doubleSum;
    /**
     * Where the kernel's atomics all add for the whole launch ({@link LaunchSums}), and the view
     * argument that is: the generated row loops add the items' contributions into the sum below
     * of its type ({@link JvmLoops#addSum}), and {@link #flushSums()} makes one atomic of it.
     * Null when the kernel runs without launch sums.
     */
    LaunchSums.Site sumSite;
    Object sumView;
    float sumFloat = -0.0f;
    double sumDouble = -0.0d;
    long sumLong;

    JvmKernelContext(int[] global, int[] local, WorkGroup group) {
        gsz0 = global[0];
        gsz1 = global[1];
        gsz2 = global[2];
        lsz0 = local[0];
        lsz1 = local[1];
        lsz2 = local[2];
        ngrp0 = gsz0 / lsz0;
        ngrp1 = gsz1 / lsz1;
        ngrp2 = gsz2 / lsz2;
        this.group = group;
    }

    @Override public int globalId(int d) { return d == 0 ? gid0 : d == 1 ? gid1 : d == 2 ? gid2 : 0; }
    // Flat launches (no group state) only advance gid0 per item (gid1 where they run along
    // dimension 1); the local and group ids of dimensions 0 and 1 follow on demand, so the per-item
    // cost is one field write, not two divisions.
    @Override public int localId(int d) {
        return d == 0 ? (group == null ? gid0 % lsz0 : lid0) : d == 1 ? (group == null ? gid1 % lsz1 : lid1) : d == 2 ? lid2 : 0;
    }
    @Override public int groupId(int d) {
        return d == 0 ? (group == null ? gid0 / lsz0 : grp0) : d == 1 ? (group == null ? gid1 / lsz1 : grp1) : d == 2 ? grp2 : 0;
    }
    @Override public int globalSize(int d) { return d == 0 ? gsz0 : d == 1 ? gsz1 : d == 2 ? gsz2 : 1; }
    @Override public int localSize(int d) { return d == 0 ? lsz0 : d == 1 ? lsz1 : d == 2 ? lsz2 : 1; }
    @Override public int numGroups(int d) { return d == 0 ? ngrp0 : d == 1 ? ngrp1 : d == 2 ? ngrp2 : 1; }
    @Override public int globalLinearId() { return (gid2 * gsz1 + gid1) * gsz0 + gid0; }
    @Override public int localLinearId() { return (lid2 * lsz1 + localId(1)) * lsz0 + localId(0); }
    @Override public int groupLinearId() { return (grp2 * ngrp1 + groupId(1)) * ngrp0 + groupId(0); }

    /**
     * With {@link #deferSums}, adds {@code v} to the pending sum for {@code a[i]} (making the
     * pending sum of another element first); the old value it returns is 0, which the kernels
     * this runs for never read.
     */
    @Override
    protected float addFloat(FloatArray a, int i, float v) {
        if (!deferSums) return super.addFloat(a, i, v);
        if (a == floatView && i == floatIndex) {
            floatSum += v;
        } else {
            flushFloat();
            floatView = a;
            floatIndex = i;
            floatSum = v;
        }
        return 0f;
    }

    @Override
    protected double addDouble(DoubleArray a, int i, double v) {
        if (!deferSums) return super.addDouble(a, i, v);
        if (a == doubleView && i == doubleIndex) {
            doubleSum += v;
        } else {
            flushDouble();
            doubleView = a;
            doubleIndex = i;
            doubleSum = v;
        }
        return 0d;
    }

    /** Makes the pending sums' atomic adds. */
    void flushSums() {
        flushFloat();
        flushDouble();
        if (sumSite != null) flushLaunchSum();
    }

    /** One atomic add of the launch sum, unless it is still the identity (nothing added). */
    private void flushLaunchSum() {
        int i = sumSite.index();
        switch (sumSite.type()) {
            case F32 -> {
                if (Float.floatToRawIntBits(sumFloat) != Float.floatToRawIntBits(-0.0f)) super.addFloat((FloatArray) sumView, i, sumFloat);
                sumFloat = -0.0f;
            }
            case F64 -> {
                if (Double.doubleToRawLongBits(sumDouble) != Double.doubleToRawLongBits(-0.0d)) super.addDouble((DoubleArray) sumView, i, sumDouble);
                sumDouble = -0.0d;
            }
            case I32 -> {
                if (sumLong != 0) atomicAdd((IntArray) sumView, i, (int) sumLong);
                sumLong = 0;
            }
            default -> {
                if (sumLong != 0) atomicAdd((LongArray) sumView, i, sumLong);
                sumLong = 0;
            }
        }
    }

    private void flushFloat() {
        if (floatView != null) super.addFloat(floatView, floatIndex, floatSum);
        floatView = null;
    }

    private void flushDouble() {
        if (doubleView != null) super.addDouble(doubleView, doubleIndex, doubleSum);
        doubleView = null;
    }

    @Override
    public void localBarrier() {
        barrier();
    }

    @Override
    public void globalBarrier() {
        barrier();
    }

    private void barrier() {
        if (group == null) throw new IllegalStateException("barrier in a kernel launched without work-group support");
        Phaser p = group.phaser;
        p.arriveAndAwaitAdvance();
        if (p.isTerminated()) throw new WorkGroup.Aborted();
    }

    @Override public float[] localFloats(int n) { return (float[]) local(float.class, n); }
    @Override public int[] localInts(int n) { return (int[]) local(int.class, n); }
    @Override public long[] localLongs(int n) { return (long[]) local(long.class, n); }
    @Override public double[] localDoubles(int n) { return (double[]) local(double.class, n); }

    /** The group's k-th local array: every item of the group asks in the same order and gets the same array. */
    private Object local(Class<?> type, int n) {
        if (group == null) throw new IllegalStateException("local memory in a kernel launched without work-group support");
        return group.localArray(localCalls++, type, n);
    }
}
