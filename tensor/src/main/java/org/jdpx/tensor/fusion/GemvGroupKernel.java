package org.jdpx.tensor.fusion;

import java.util.List;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;

/**
 * The IR of the matrix-vector kernels of the GPU plan, {@code y = alpha * A x + beta * y} over a
 * stack, A {@code m x k} read through offset and signed strides (see {@link GpuMatVec}). Unlike
 * the CPU drivers' kernels ({@link GemvKernel}) the work of one output is spread so that
 * neighbouring work-items read neighbouring elements (coalesced loads):
 * <ul>
 *   <li>{@link #rows}: A's rows contiguous; {@code width} items of a group (a power of two) share
 *       a row and stride along K together, {@code group / width} rows per group, each item keeping
 *       {@code unroll} independent sums of elements {@code width} apart (see {@link
 *       org.jdpx.kernels.plan.GemvConfig}); each row's items fold their sums in a local-memory tree
 *       and the first writes the result;</li>
 *   <li>{@link #columns}: A's columns contiguous; one item per output, consecutive items reading
 *       consecutive elements of each column.</li>
 * </ul>
 * With {@code direct} the item that finishes an output writes {@code alpha * sum + beta * y}
 * (y not read when beta is 0); otherwise it writes the sum of its slice of K to
 * {@code part[(batch * slices + slice) * m + i]}, which {@link GemvKernel#sum} adds in a fixed
 * order. Arguments of both: views a, x, out; ints aOff, aOut (A's step along the outputs), aK (its
 * step along K), aBatch, xOff, xStep, xBatch, m, k, span (K per slice), width; then for
 * {@code direct} yOff, yStep, yBatch, alpha, beta. Range: (outputs' items, slices, batch).
 */
final class GemvGroupKernel extends ScalarIr {
    /** Index of the first argument {@link GemvKernel#storeScaled} reads. */
    private static final int Y_ARGS = 14;

    private final Var a;
    private final Var x;
    private final Var out;
    private final Var aOff;
    private final Var aOut;
    private final Var aK;
    private final Var aBatch;
    private final Var xOff;
    private final Var xStep;
    private final Var xBatch;
    private final Var m;
    private final Var k;
    private final Var span;
    private final Var width;

    /** Declares the arguments in the order the class comment lists. */
    private GemvGroupKernel(String name, Scalar s) {
        super(IrBuilder.kernel(name), s);
        a = b.view("a", s, 0);
        x = b.view("x", s, 1);
        out = b.view("out", s, 2);
        int at = 3;
        aOff = b.value("aOff", int.class, at++);
        aOut = b.value("aOut", int.class, at++);
        aK = b.value("aK", int.class, at++);
        aBatch = b.value("aBatch", int.class, at++);
        xOff = b.value("xOff", int.class, at++);
        xStep = b.value("xStep", int.class, at++);
        xBatch = b.value("xBatch", int.class, at++);
        m = b.value("m", int.class, at++);
        k = b.value("k", int.class, at++);
        span = b.value("span", int.class, at++);
        width = b.value("width", int.class, at);
    }

    /**
     * Row form: groups of {@code group} items (a power of two, the local array's length), the
     * launch's {@code width} a power of two up to {@code group}.
     */
    static GemvKernel.Kernel rows(Scalar s, int group, int unroll, boolean direct) {
        GemvGroupKernel g = new GemvGroupKernel("gemv_group_rows", s);
        g.rowBody(group, unroll, direct);
        return new GemvKernel.Kernel(g.b.build(), List.of());
    }

    private void rowBody(int group, int unroll, boolean direct) {
        Var lid = let("lid", b.workItem(WorkItemFn.LOCAL_ID, 0));
        Var lane = let("lane", b.binary(BinOp.REM, r(lid), r(width)));
        Var row = let("row", b.add(b.mul(b.workItem(WorkItemFn.GROUP_ID, 0), b.div(i(group), r(width))),
                b.div(r(lid), r(width))));
        Var slice = let("slice", b.globalId(1));
        Var bt = let("bt", b.globalId(2));
        Var acc = b.local("acc", s);
        b.assign(acc, zero());
        b.ifThen(b.compare(CmpOp.LT, r(row), r(m)), () -> {
            Var p = let("p", b.add(b.mul(r(slice), r(span)), r(lane)));
            Var p1 = let("p1", min(r(k), b.add(b.mul(r(slice), r(span)), r(span))));
            Var aBase = let("aBase", b.add(b.add(r(aOff), b.mul(r(bt), r(aBatch))), b.mul(r(row), r(aOut))));
            Var xBase = let("xBase", b.add(r(xOff), b.mul(r(bt), r(xBatch))));
            if (unroll > 1) {
                // unroll independent sums, elements width apart: that many loads in flight per item
                Var[] sums = new Var[unroll];
                sums[0] = acc;
                for (int j = 1; j < unroll; j++) {
                    sums[j] = b.local("acc" + j, s);
                    b.assign(sums[j], zero());
                }
                Expr lastOfStep = b.add(r(p), b.mul(i(unroll - 1), r(width)));
                b.loop(b.compare(CmpOp.LT, lastOfStep, r(p1)), () -> b.assign(p, b.add(r(p), b.mul(i(unroll), r(width)))),
                        l -> {
                            for (int j = 0; j < unroll; j++) {
                                Expr pj = b.add(r(p), b.mul(i(j), r(width)));
                                b.assign(sums[j], b.add(r(sums[j]), product(pj, aBase, xBase)));
                            }
                        });
                for (int j = 1; j < unroll; j++) b.assign(acc, b.add(r(acc), r(sums[j])));
            }
            b.loop(b.compare(CmpOp.LT, r(p), r(p1)), () -> b.assign(p, b.add(r(p), r(width))),
                    l -> b.assign(acc, b.add(r(acc), product(r(p), aBase, xBase))));
        });
        // each row's items fold their sums: half = width/2 .. 1, every item at each barrier
        Var vals = b.local("tv", new ArrayType(s, group, AddressSpace.LOCAL));
        b.store(r(vals), r(lid), r(acc));
        Var half = let("half", b.div(r(width), i(2)));
        b.loop(b.compare(CmpOp.GT, r(half), i(0)), () -> b.assign(half, b.div(r(half), i(2))), l -> {
            b.barrier(false);
            b.ifThen(b.compare(CmpOp.LT, r(lane), r(half)), () -> {
                b.assign(acc, b.add(r(acc), b.load(r(vals), b.add(r(lid), r(half)))));
                b.store(r(vals), r(lid), r(acc));
            });
        });
        b.ifThen(b.compare(CmpOp.EQ, r(lane), i(0)),
                () -> b.ifThen(b.compare(CmpOp.LT, r(row), r(m)), () -> finish(row, slice, bt, r(acc), direct)));
    }

    /** {@code A[row, p] * x[p]} with the row's and the vector's bases. */
    private Expr product(Expr p, Var aBase, Var xBase) {
        return b.mul(b.load(r(a), b.add(r(aBase), b.mul(p, r(aK)))), b.load(r(x), b.add(r(xBase), b.mul(p, r(xStep)))));
    }

    /** Column form: one item per output (items past m do nothing). */
    static GemvKernel.Kernel columns(Scalar s, boolean direct) {
        GemvGroupKernel g = new GemvGroupKernel("gemv_group_columns", s);
        g.columnBody(direct);
        return new GemvKernel.Kernel(g.b.build(), List.of());
    }

    private void columnBody(boolean direct) {
        Var row = let("row", b.globalId(0));
        Var slice = let("slice", b.globalId(1));
        Var bt = let("bt", b.globalId(2));
        b.ifThen(b.compare(CmpOp.LT, r(row), r(m)), () -> {
            Var p = let("p", b.mul(r(slice), r(span)));
            Var p1 = let("p1", min(r(k), b.add(r(p), r(span))));
            Var aBase = let("aBase", b.add(b.add(r(aOff), b.mul(r(bt), r(aBatch))), b.mul(r(row), r(aOut))));
            Var xBase = let("xBase", b.add(r(xOff), b.mul(r(bt), r(xBatch))));
            Var acc = b.local("acc", s);
            b.assign(acc, zero());
            b.loop(b.compare(CmpOp.LT, r(p), r(p1)), () -> b.assign(p, b.add(r(p), i(1))),
                    l -> b.assign(acc, b.add(r(acc), product(r(p), aBase, xBase))));
            finish(row, slice, bt, r(acc), direct);
        });
    }

    /** Writes output {@code row}'s sum: scaled into y, or as the partial of its slice. */
    private void finish(Var row, Var slice, Var bt, Expr sum, boolean direct) {
        if (direct) {
            GemvKernel.storeScaled(b, s, out, sum, row, bt, Y_ARGS);
        } else {
            Expr slices = b.convert(Scalar.I32, b.workItem(WorkItemFn.GLOBAL_SIZE, 1));
            b.store(r(out), b.add(b.mul(b.add(b.mul(r(bt), slices), r(slice)), r(m)), r(row)), sum);
        }
    }
}
