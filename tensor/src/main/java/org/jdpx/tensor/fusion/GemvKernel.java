package org.jdpx.tensor.fusion;

import java.util.List;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * The IR of the OpenCL matrix-vector kernels for CPU drivers, {@code y = alpha * A x + beta * y}
 * over a stack, A {@code m x k} read through offset and strides (see {@link MatVec}). A CPU
 * driver runs a work-group's items one after another and vectorizes a loop only inside one item,
 * so each item streams contiguous memory, and the hot loops are helper functions (see
 * {@link #dotRows}):
 * <ul>
 *   <li>{@link #rows}: A's rows contiguous; one item per {@link #ROWS_PER_ITEM} rows (and slice of
 *       K when there are few rows) sums each row's dot product in {@link #lanes} independent
 *       accumulators, which the compiler updates with vector loads and adds;</li>
 *   <li>{@link #columns}: A's columns contiguous; one item per tile of {@link #TILE} outputs and
 *       slice of K adds four scaled columns at a time into its tile of the partial sums, a loop
 *       along contiguous memory that the compiler vectorizes;</li>
 *   <li>{@link #sum}: adds each output's slices in a fixed order and applies alpha and beta.</li>
 * </ul>
 * Partial sums lie as {@code part[(batch * slices + slice) * m + i]}. Arguments: the views, then
 * ints, then alpha and beta in the element type, as each builder lists.
 */
final class GemvKernel extends ScalarIr {
    /** Outputs per item of the column form (its tile of partial sums stays in L1). */
    static final int TILE = 1024;
    /** Columns the column form adds per pass over its tile. */
    private static final int COLUMNS = 4;
    /**
     * Rows each item of the row form streams at once. A core runs its group's items one after
     * another, so with one row per item it read one stream of A at a time; eight streams sharing
     * each load of x ran 4096x4096 float32 about 15% faster on PoCL (2 cores, one JVM alternating
     * 1, 2, 4, 8 and 16 rows; float64 likewise best at 8), each row summed as before.
     */
    static final int ROWS_PER_ITEM = 8;

    private GemvKernel(String name, Scalar s) {
        super(IrBuilder.kernel(name), s);
    }

    /** A builder of a helper function that returns nothing (it stores what it computes). */
    private GemvKernel(Scalar s, String helper) {
        super(IrBuilder.helper(helper, null), s);
    }

    /** A kernel and the helper functions it calls, callees first. */
    record Kernel(Function kernel, List<Function> helpers) {
    }

    /**
     * Independent accumulators of the row form: 32 for either type. An inner loop of 32 steps is
     * what PoCL's compiler turns into vector loads; one of 16 (float64 at 128 bytes) it unrolled
     * into scalar code.
     */
    static int lanes(Scalar s) {
        return 32;
    }

    /** Indices here are never negative: {@link IrBuilder#nonNegativeLocal}, which PoCL vectorizes. */
    @Override
    Var let(String name, Expr e) {
        Var v = b.nonNegativeLocal(name, Scalar.I32);
        b.assign(v, e);
        return v;
    }

    /**
     * Row form. Arguments: a, x, out; aOff, aRow, aBatch, xOff, xStep, xBatch, m, k, span (K per
     * slice), then for {@code direct} yOff, yStep, yBatch, alpha, beta (out is y), otherwise
     * nothing more (out is the partial sums). Range: (ceil(m / {@link #ROWS_PER_ITEM}) or more,
     * slices, batch); items past m do nothing. {@code unitX}: x's step is 1.
     */
    static Kernel rows(Scalar s, boolean direct, boolean unitX) {
        GemvKernel g = new GemvKernel("gemv_rows", s);
        Function dot = dotRows(s, unitX, ROWS_PER_ITEM);
        g.rowsBody(direct, dot, ROWS_PER_ITEM);
        return new Kernel(g.b.build(), List.of(dot));
    }

    /**
     * {@code void dotRows(a*, x*, out*, aBase, aRow, xBase, xStep, p0, p1, count, o, oStep, alpha, beta)}:
     * for {@code r < count} (1 to {@code rows}), {@code out[o + r oStep] = alpha * sum_p a[aBase +
     * r aRow + p] x[xBase + p xStep] + beta * out[..]} (out not read when beta is 0) over
     * {@code p0 <= p < p1}. Each row sums in its own private array of {@link #lanes} accumulators,
     * updated by an inner loop that a CPU compiler turns into vector loads and adds (PoCL did not
     * pack unrolled scalar accumulators into vectors inside a kernel: it loaded them one by one),
     * plus a tail; the array is then halved to one. Every load of x feeds all rows, so one item
     * streams {@code rows} rows of A at once. A missing row reads row 0 and is not stored. A
     * function of its own, as PoCL vectorized it best.
     */
    private static Function dotRows(Scalar s, boolean unitX, int rows) {
        GemvKernel g = new GemvKernel(s, "gemv_rows" + rows + "_" + s.name().toLowerCase() + (unitX ? "_unit" : ""));
        IrBuilder b = g.b;
        Var a = b.param("a", new PtrType(s, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL));
        Var x = b.param("x", new PtrType(s, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL));
        Var out = b.param("out", new PtrType(s, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL));
        String[] names = {"aBase", "aRow", "xBase", "xStep", "p0", "p1", "count", "o", "oStep"};
        Var[] p = new Var[names.length];
        for (int q = 0; q < p.length; q++) p[q] = b.param(names[q], Scalar.I32, new ParamKind.HelperValue());
        Var alpha = b.param("alpha", s, new ParamKind.HelperValue());
        Var beta = b.param("beta", s, new ParamKind.HelperValue());
        Var xBase = p[2];
        Var xStep = p[3];
        Var p1 = p[5];
        Var count = p[6];
        int lanes = lanes(s);
        Var[] base = new Var[rows];
        Var[] acc = new Var[rows];
        Var[] tail = new Var[rows];
        for (int r = 0; r < rows; r++) {
            base[r] = b.nonNegativeLocal("a" + r, Scalar.I32);
            Expr at = r == 0 ? b.read(p[0]) : b.add(b.read(p[0]), b.mul(b.read(p[1]), b.i32(r)));
            b.assign(base[r], r == 0 ? at : b.select(b.compare(CmpOp.LT, b.i32(r), b.read(count)), at, b.read(p[0])));
            acc[r] = b.local("acc" + r, new ArrayType(s, lanes, AddressSpace.PRIVATE));
            tail[r] = b.local("tail" + r, s);
        }
        Var j = b.nonNegativeLocal("j", Scalar.I32);
        g.range(j, b.i32(0), b.i32(lanes), b.i32(1), () -> {
            for (int r = 0; r < rows; r++) b.store(b.read(acc[r]), b.read(j), g.zero());
        });
        Var at = b.nonNegativeLocal("at", Scalar.I32);
        Var xa = b.nonNegativeLocal("xa", Scalar.I32);
        Var xv = b.local("xv", s);
        b.assign(at, b.read(p[4]));
        b.loop(b.compare(CmpOp.LE, b.add(b.read(at), b.i32(lanes)), b.read(p1)),
                () -> b.assign(at, b.add(b.read(at), b.i32(lanes))), l -> {
                    b.assign(xa, unitX ? b.add(b.read(xBase), b.read(at)) : b.add(b.read(xBase), b.mul(b.read(at), b.read(xStep))));
                    g.range(j, b.i32(0), b.i32(lanes), b.i32(1), () -> {
                        b.assign(xv, b.load(b.read(x), unitX ? b.add(b.read(xa), b.read(j))
                                : b.add(b.read(xa), b.mul(b.read(j), b.read(xStep)))));
                        for (int r = 0; r < rows; r++) {
                            Expr av = b.load(b.read(a), b.add(b.add(b.read(base[r]), b.read(at)), b.read(j)));
                            b.store(b.read(acc[r]), b.read(j), b.add(b.load(b.read(acc[r]), b.read(j)), b.mul(av, b.read(xv))));
                        }
                    });
                });
        for (int r = 0; r < rows; r++) b.assign(tail[r], g.zero());
        b.loop(b.compare(CmpOp.LT, b.read(at), b.read(p1)), () -> b.assign(at, b.add(b.read(at), b.i32(1))), l -> {
            b.assign(xv, b.load(b.read(x), unitX ? b.add(b.read(xBase), b.read(at))
                    : b.add(b.read(xBase), b.mul(b.read(at), b.read(xStep)))));
            for (int r = 0; r < rows; r++) {
                b.assign(tail[r], b.add(b.read(tail[r]), b.mul(b.load(b.read(a), b.add(b.read(base[r]), b.read(at))), b.read(xv))));
            }
        });
        Var w = b.nonNegativeLocal("w", Scalar.I32);
        b.assign(w, b.i32(lanes / 2));
        b.loop(b.compare(CmpOp.GT, b.read(w), b.i32(0)), () -> b.assign(w, b.div(b.read(w), b.i32(2))), l ->
                g.range(j, b.i32(0), b.read(w), b.i32(1), () -> {
                    for (int r = 0; r < rows; r++) {
                        b.store(b.read(acc[r]), b.read(j), b.add(b.load(b.read(acc[r]), b.read(j)),
                                b.load(b.read(acc[r]), b.add(b.read(j), b.read(w)))));
                    }
                }));
        Var v = b.local("v", s);
        Var yAt = b.nonNegativeLocal("yAt", Scalar.I32);
        for (int r = 0; r < rows; r++) {
            int row = r;
            Runnable store = () -> {
                b.assign(v, b.mul(b.read(alpha), b.add(b.load(b.read(acc[row]), b.i32(0)), b.read(tail[row]))));
                b.assign(yAt, b.add(b.read(p[7]), b.mul(b.read(p[8]), b.i32(row))));
                b.ifThen(b.compare(CmpOp.NE, b.read(beta), g.zero()),
                        () -> b.assign(v, b.add(b.read(v), b.mul(b.read(beta), b.load(b.read(out), b.read(yAt))))));
                b.store(b.read(out), b.read(yAt), b.read(v));
            };
            if (r == 0) store.run();
            else b.ifThen(b.compare(CmpOp.LT, b.i32(r), b.read(count)), store);
        }
        return b.build();
    }

    /**
     * The arguments both forms share: views a, x and {@code out}, then aOff, {@code aStep} (A's
     * step along the outputs' other axis), aBatch, xOff, xStep, xBatch, m, k, span; returns them
     * in that order.
     */
    private Var[] shared(String out, String aStep) {
        String[] names = {"aOff", aStep, "aBatch", "xOff", "xStep", "xBatch", "m", "k", "span"};
        Var[] v = new Var[3 + names.length];
        v[0] = b.view("a", s, 0);
        v[1] = b.view("x", s, 1);
        v[2] = b.view(out, s, 2);
        for (int q = 0; q < names.length; q++) v[3 + q] = b.value(names[q], int.class, 3 + q);
        return v;
    }

    private void rowsBody(boolean direct, Function dot, int rows) {
        Var[] v = shared("out", "aRow");
        Var[] p = java.util.Arrays.copyOfRange(v, 3, v.length);
        Var row = let("row", b.mul(b.globalId(0), i(rows)));
        Var slice = let("slice", b.globalId(1));
        Var bt = let("bt", b.globalId(2));
        b.ifThen(b.compare(CmpOp.LT, r(row), r(p[6])), () -> {
            Var count = let("count", b.select(b.compare(CmpOp.LT, b.sub(r(p[6]), r(row)), i(rows)), b.sub(r(p[6]), r(row)), i(rows)));
            Var p0 = let("p0", b.mul(r(slice), r(p[8])));
            Var p1 = let("p1", b.select(b.compare(CmpOp.LT, b.sub(r(p[7]), r(p0)), r(p[8])), r(p[7]), b.add(r(p0), r(p[8]))));
            Var aBase = let("aBase", b.add(b.add(r(p[0]), b.mul(r(bt), r(p[2]))), b.mul(r(row), r(p[1]))));
            Var xBase = let("xBase", b.add(r(p[3]), b.mul(r(bt), r(p[5]))));
            Expr o;
            Expr oStep;
            Expr alpha;
            Expr beta;
            if (direct) {
                int arg = 3 + p.length;
                Class<?> jt = s == Scalar.F64 ? double.class : float.class;
                Var yStep = b.value("yStep", int.class, arg + 1);
                o = b.add(b.add(r(b.value("yOff", int.class, arg)), b.mul(r(bt), r(b.value("yBatch", int.class, arg + 2)))),
                        b.mul(r(row), r(yStep)));
                oStep = r(yStep);
                alpha = r(b.value("alpha", jt, arg + 3));
                beta = r(b.value("beta", jt, arg + 4));
            } else {
                // part[(bt * slices + slice) * m + row]
                Expr slices = b.convert(Scalar.I32, b.workItem(org.jdpx.kernels.ir.WorkItemFn.GLOBAL_SIZE, 1));
                o = b.add(b.mul(b.add(b.mul(r(bt), slices), r(slice)), r(p[6])), r(row));
                oStep = i(1);
                alpha = s == Scalar.F64 ? b.f64(1) : b.f32(1);
                beta = zero();
            }
            call(dot, r(v[0]), r(v[1]), r(v[2]), r(aBase), r(p[1]), r(xBase), r(p[4]), r(p0), r(p1), r(count), o, oStep, alpha, beta);
        });
    }

    /**
     * {@code y[yOff + bt * yBatch + row * yStep] = alpha * v + beta * y} (y not read when beta is 0),
     * ints from {@code arg}, in a kernel of element type {@code s} built by {@code b} (this class's
     * and the GPU plan's {@link GemvGroupKernel}).
     */
    static void storeScaled(IrBuilder b, Scalar s, Var y, Expr v, Var row, Var bt, int arg) {
        Class<?> jt = s == Scalar.F64 ? double.class : float.class;
        Var yOff = b.value("yOff", int.class, arg);
        Var yStep = b.value("yStep", int.class, arg + 1);
        Var yBatch = b.value("yBatch", int.class, arg + 2);
        Var alpha = b.value("alpha", jt, arg + 3);
        Var beta = b.value("beta", jt, arg + 4);
        Var v1 = b.local("v", s);
        b.assign(v1, b.mul(b.read(alpha), v));
        Var yAt = b.local("yAt", Scalar.I32);
        b.assign(yAt, b.add(b.add(b.read(yOff), b.mul(b.read(bt), b.read(yBatch))), b.mul(b.read(row), b.read(yStep))));
        Expr zero = s == Scalar.F64 ? b.f64(0) : b.f32(0);
        b.ifThen(b.compare(CmpOp.NE, b.read(beta), zero),
                () -> b.assign(v1, b.add(b.read(v1), b.mul(b.read(beta), b.load(b.read(y), b.read(yAt))))));
        b.store(b.read(y), b.read(yAt), b.read(v1));
    }

    /**
     * Column form. Arguments: a, x, part; aOff, aCol, aBatch, xOff, xStep, xBatch, m, k, span.
     * Range: (tiles of {@link #TILE}, slices, batch).
     */
    static Kernel columns(Scalar s) {
        GemvKernel g = new GemvKernel("gemv_columns", s);
        Function[] axpy = {axpy(s, 1), axpy(s, COLUMNS)};
        g.columnBody(axpy);
        return new Kernel(g.b.build(), List.of(axpy));
    }

    private void columnBody(Function[] axpy) {
        Var[] v = shared("part", "aCol");
        Var a = v[0];
        Var x = v[1];
        Var part = v[2];
        Var[] p = java.util.Arrays.copyOfRange(v, 3, v.length);
        Var m = p[6];
        Var i0 = let("i0", b.mul(b.globalId(0), i(TILE)));
        Var slice = let("slice", b.globalId(1));
        Var bt = let("bt", b.globalId(2));
        Var len = let("len", b.select(b.compare(CmpOp.LT, b.sub(r(m), r(i0)), i(TILE)), b.sub(r(m), r(i0)), i(TILE)));
        Var p0 = let("p0", b.mul(r(slice), r(p[8])));
        Var p1 = let("p1", b.select(b.compare(CmpOp.LT, b.sub(r(p[7]), r(p0)), r(p[8])), r(p[7]), b.add(r(p0), r(p[8]))));
        Expr slices = b.convert(Scalar.I32, b.workItem(org.jdpx.kernels.ir.WorkItemFn.GLOBAL_SIZE, 1));
        Var o = let("o", b.add(b.mul(b.add(b.mul(r(bt), slices), r(slice)), r(m)), r(i0)));
        Var aBase = let("aBase", b.add(b.add(r(p[0]), b.mul(r(bt), r(p[2]))), r(i0)));
        Var xBase = let("xBase", b.add(r(p[3]), b.mul(r(bt), r(p[5]))));
        Var j = b.nonNegativeLocal("j", Scalar.I32);
        range(j, i(0), r(len), i(1), () -> b.store(r(part), b.add(r(o), r(j)), zero()));
        Var col = b.nonNegativeLocal("col", Scalar.I32);
        Var[] xs = new Var[COLUMNS];
        Var[] cs = new Var[COLUMNS];
        for (int q = 0; q < COLUMNS; q++) {
            xs[q] = b.local("x" + q, s);
            cs[q] = b.nonNegativeLocal("c" + q, Scalar.I32);
        }
        b.assign(col, r(p0));
        b.loop(b.compare(CmpOp.LE, b.add(r(col), i(COLUMNS)), r(p1)), () -> b.assign(col, b.add(r(col), i(COLUMNS))), l -> {
            for (int q = 0; q < COLUMNS; q++) {
                b.assign(xs[q], b.load(r(x), b.add(r(xBase), b.mul(b.add(r(col), i(q)), r(p[4])))));
                b.assign(cs[q], b.add(r(aBase), b.mul(b.add(r(col), i(q)), r(p[1]))));
            }
            call(axpy[1], r(part), r(a), r(o), r(len), r(cs[0]), r(cs[1]), r(cs[2]), r(cs[3]), r(xs[0]), r(xs[1]), r(xs[2]), r(xs[3]));
        });
        b.loop(b.compare(CmpOp.LT, r(col), r(p1)), () -> b.assign(col, b.add(r(col), i(1))), l -> {
            b.assign(xs[0], b.load(r(x), b.add(r(xBase), b.mul(r(col), r(p[4])))));
            b.assign(cs[0], b.add(r(aBase), b.mul(r(col), r(p[1]))));
            call(axpy[0], r(part), r(a), r(o), r(len), r(cs[0]), r(xs[0]));
        });
    }

    private void call(Function f, Expr... args) {
        b.add(new Stmt.Eval(new Expr.Call(f, List.of(args))));
    }

    /**
     * {@code void axpy(part*, a*, o, len, c0.., x0..)}: {@code part[o + j] += sum_q a[c_q + j] x_q}
     * for {@code j < len} over {@code columns} columns (the sum in the order q = 0, 1, ...). A
     * function of its own for the reason {@link #dotRows} gives.
     */
    private static Function axpy(Scalar s, int columns) {
        GemvKernel g = new GemvKernel(s, "gemv_axpy" + columns + "_" + s.name().toLowerCase());
        IrBuilder b = g.b;
        Var part = b.param("part", new PtrType(s, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL));
        Var a = b.param("a", new PtrType(s, AddressSpace.GLOBAL), new ParamKind.Pointer(AddressSpace.GLOBAL));
        Var o = b.param("o", Scalar.I32, new ParamKind.HelperValue());
        Var len = b.param("len", Scalar.I32, new ParamKind.HelperValue());
        Var[] cs = new Var[columns];
        Var[] xs = new Var[columns];
        for (int q = 0; q < columns; q++) cs[q] = b.param("c" + q, Scalar.I32, new ParamKind.HelperValue());
        for (int q = 0; q < columns; q++) xs[q] = b.param("x" + q, s, new ParamKind.HelperValue());
        Var j = b.nonNegativeLocal("j", Scalar.I32);
        g.range(j, b.i32(0), b.read(len), b.i32(1), () -> {
            Expr v = b.load(b.read(part), b.add(b.read(o), b.read(j)));
            for (int q = 0; q < columns; q++) v = b.add(v, b.mul(b.load(b.read(a), b.add(b.read(cs[q]), b.read(j))), b.read(xs[q])));
            b.store(b.read(part), b.add(b.read(o), b.read(j)), v);
        });
        return b.build();
    }

    /**
     * Sum of the slices. Arguments: part, y; m, slices, yOff, yStep, yBatch, alpha, beta.
     * Range: (m or more, batch); items past m do nothing.
     */
    static Kernel sum(Scalar s) {
        GemvKernel g = new GemvKernel("gemv_sum", s);
        Var part = g.b.view("part", s, 0);
        Var y = g.b.view("y", s, 1);
        Var m = g.b.value("m", int.class, 2);
        Var slices = g.b.value("slices", int.class, 3);
        Var row = g.let("row", g.b.globalId(0));
        Var bt = g.let("bt", g.b.globalId(1));
        g.b.ifThen(g.b.compare(CmpOp.LT, g.r(row), g.r(m)), () -> g.sumItem(part, y, m, slices, row, bt));
        return new Kernel(g.b.build(), List.of());
    }

    private void sumItem(Var part, Var y, Var m, Var slices, Var row, Var bt) {
        GemvKernel g = this;
        Var acc = g.b.local("acc", s);
        g.b.assign(acc, g.zero());
        Var q = g.b.nonNegativeLocal("q", Scalar.I32);
        Var base = g.let("base", g.b.add(g.b.mul(g.b.mul(g.r(bt), g.r(slices)), g.r(m)), g.r(row)));
        g.range(q, g.i(0), g.r(slices), g.i(1), () -> g.b.assign(acc,
                g.b.add(g.r(acc), g.b.load(g.r(part), g.b.add(g.r(base), g.b.mul(g.r(q), g.r(m)))))));
        storeScaled(g.b, s, y, g.r(acc), row, bt, 4);
    }
}
