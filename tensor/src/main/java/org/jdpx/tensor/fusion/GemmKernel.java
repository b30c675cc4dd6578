package org.jdpx.tensor.fusion;

import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;
import org.jdpx.kernels.plan.GemmConfig;

/**
 * The IR of the OpenCL GEMM kernel {@code C = alpha * A @ B + beta * C} over a stack (dimension 2
 * of the range is the stack index). A work-group computes one tile of C of the
 * {@link GemmConfig}'s shape; each item keeps its {@code itemRows x itemCols} block of C in private
 * accumulators (unrolled here into scalars, so they live in registers). Operands are read through
 * offset and row/column/batch strides, so transposed and broadcast operands need no copy.
 *
 * <p>Staged configurations copy each K step's tile of A and B into local memory (zero past the
 * edges) between two barriers; unstaged ones read global memory directly. An unstaged group that
 * lies fully inside C runs a loop without any clamping, in which, when B's columns are contiguous
 * ({@code unitB}), neighbouring items read neighbouring elements, so a CPU driver's cross-item
 * vectorizer emits vector loads; edge groups clamp their indices to the last row/column and drop
 * those results on store. Arguments, in order: a, b, c (views), then aOff, aRow, aCol, aBatch, the
 * same for b and c (ints), m, n, k (ints), alpha, beta, and for staged configurations the two
 * local buffers.
 */
final class GemmKernel {
    private final IrBuilder b;
    private final GemmConfig cfg;
    private final Scalar s;
    private final boolean unitB;
    private final boolean unitC;
    private Var[] acc;

    private GemmKernel(GemmConfig cfg, Scalar s, boolean unitB, boolean unitC) {
        this.b = IrBuilder.kernel("gemm");
        this.cfg = cfg;
        this.s = s;
        this.unitB = unitB;
        this.unitC = unitC;
    }

    /**
     * The kernel for element type {@code s} (F32 or F64) in shape {@code cfg}; {@code unitB} and
     * {@code unitC}: the column strides of B and C are 1 (the CPU form then indexes without them).
     */
    static IrBuilder build(GemmConfig cfg, Scalar s, boolean unitB, boolean unitC) {
        GemmKernel k = new GemmKernel(cfg, s, unitB, unitC);
        k.body();
        return k.b;
    }

    private Expr i(int v) {
        return b.i32(v);
    }

    private Expr r(Var v) {
        return b.read(v);
    }

    /** {@code c1 && c2} as a condition (both sides are plain comparisons, evaluated eagerly). */
    private Expr both(Expr c1, Expr c2) {
        return b.compare(CmpOp.NE, b.select(c1, b.select(c2, i(1), i(0)), i(0)), i(0));
    }

    private Var let(String name, Expr e) {
        Var v = b.local(name, e.type());
        b.assign(v, e);
        return v;
    }

    private void body() {
        Class<?> jt = s == Scalar.F64 ? double.class : float.class;
        Var a = b.view("a", s, 0);
        Var bb = b.view("b", s, 1);
        Var c = b.view("c", s, 2);
        Var[] p = new Var[15];
        String[] names = {"aOff", "aRow", "aCol", "aBatch", "bOff", "bRow", "bCol", "bBatch", "cOff", "cRow", "cCol",
            "cBatch", "m", "n", "k"};
        for (int q = 0; q < names.length; q++) p[q] = b.value(names[q], int.class, 3 + q);
        Var alpha = b.value("alpha", jt, 18);
        Var beta = b.value("beta", jt, 19);
        Var m = p[12];
        Var n = p[13];
        Var k = p[14];
        if (!cfg.staged()) {
            panel(a, bb, c, p, alpha, beta);
            return;
        }
        Var lx = let("lx", b.workItem(WorkItemFn.LOCAL_ID, 0));
        Var ly = let("ly", b.workItem(WorkItemFn.LOCAL_ID, 1));
        Var bt = let("bt", b.workItem(WorkItemFn.GROUP_ID, 2));
        Var row0 = let("row0", b.add(b.mul(b.workItem(WorkItemFn.GROUP_ID, 1), i(cfg.tileRows())), r(ly)));
        Var col0 = let("col0", b.add(b.mul(b.workItem(WorkItemFn.GROUP_ID, 0), i(cfg.tileCols())), r(lx)));
        Var aBase = let("aBase", b.add(r(p[0]), b.mul(r(bt), r(p[3]))));
        Var bBase = let("bBase", b.add(r(p[4]), b.mul(r(bt), r(p[7]))));
        acc = new Var[cfg.itemRows() * cfg.itemCols()];
        for (int q = 0; q < acc.length; q++) {
            acc[q] = b.local("acc" + q, s);
            b.assign(acc[q], zero());
        }
        Var as = b.param("As", new PtrType(s, AddressSpace.LOCAL), new ParamKind.LocalBuffer(s, 20));
        Var bs = b.param("Bs", new PtrType(s, AddressSpace.LOCAL), new ParamKind.LocalBuffer(s, 21));
        staged(a, bb, as, bs, p, m, n, k, lx, ly, aBase, bBase);
        store(c, p, m, n, row0, col0, bt, alpha, beta);
    }

    /** {@code for (v = from; v < to; v++) body} with an int counter. */
    private void range(Var v, Expr from, Expr to, Runnable body) {
        b.assign(v, from);
        b.loop(b.compare(CmpOp.LT, r(v), to), () -> b.assign(v, b.add(r(v), i(1))), l -> body.run());
    }

    /**
     * The CPU form: one item per {@code itemRows x itemCols} block of C, accumulated in C itself
     * in i-k-j order. The innermost loop runs along a row of B and rows of C (unit stride when
     * {@code unitB}, and C's columns are contiguous as matmul writes them), which the driver's
     * compiler vectorizes, and each B element loaded there feeds {@code itemRows} FMAs.
     */
    private void panel(Var a, Var bb, Var c, Var[] p, Var alpha, Var beta) {
        int rm = cfg.itemRows();
        Var m = p[12];
        Var n = p[13];
        Var k = p[14];
        Var i0 = let("i0", b.mul(b.globalId(1), i(rm)));
        Var j0 = let("j0", b.mul(b.globalId(0), i(cfg.itemCols())));
        Var bt = let("bt", b.globalId(2));
        Var jEnd = let("jEnd", b.math(MathFn.MIN, Scalar.I32, b.add(r(j0), i(cfg.itemCols())), r(n)));
        Var rows = let("rows", b.math(MathFn.MIN, Scalar.I32, i(rm), b.sub(r(m), r(i0))));
        Var aB = let("aB", b.add(r(p[0]), b.mul(r(bt), r(p[3]))));
        Var bB = let("bB", b.add(r(p[4]), b.mul(r(bt), r(p[7]))));
        Var cB = let("cB", b.add(r(p[8]), b.mul(r(bt), r(p[11]))));
        Var rr = b.local("rr", Scalar.I32);
        Var j = b.local("j", Scalar.I32);
        Var pp = b.local("pp", Scalar.I32);
        Var at = b.local("at", Scalar.I32);
        Var rowC = b.local("rowC", Scalar.I32);
        Var bRow = b.local("bRow", Scalar.I32);
        Var bv = b.local("bv", s);
        range(rr, i(0), r(rows), () -> {
            b.assign(rowC, b.add(r(cB), b.mul(b.add(r(i0), r(rr)), r(p[9]))));
            range(j, r(j0), r(jEnd), () -> {
                b.assign(at, b.add(r(rowC), b.mul(r(j), r(p[10]))));
                b.ifThenElse(b.compare(CmpOp.EQ, r(beta), zero()), () -> b.store(r(c), r(at), zero()),
                        () -> b.store(r(c), r(at), b.mul(r(beta), b.load(r(c), r(at)))));
            });
        });
        Var[] ar = new Var[rm];
        Var[] rowCs = new Var[rm];
        for (int q = 0; q < rm; q++) {
            ar[q] = b.local("a" + q, s);
            rowCs[q] = b.local("rowC" + q, Scalar.I32);
        }
        Expr bIndex = unitB ? b.add(r(bRow), r(j)) : b.add(r(bRow), b.mul(r(j), r(p[6])));
        b.ifThenElse(b.compare(CmpOp.EQ, r(rows), i(rm)), () -> {
            for (int q = 0; q < rm; q++) {
                b.assign(rowCs[q], b.add(r(cB), b.mul(b.add(r(i0), i(q)), r(p[9]))));
            }
            range(pp, i(0), r(k), () -> {
                for (int q = 0; q < rm; q++) {
                    b.assign(ar[q], b.mul(r(alpha), b.load(r(a), b.add(r(aB),
                            b.add(b.mul(b.add(r(i0), i(q)), r(p[1])), b.mul(r(pp), r(p[2])))))));
                }
                b.assign(bRow, b.add(r(bB), b.mul(r(pp), r(p[5]))));
                range(j, r(j0), r(jEnd), () -> {
                    b.assign(bv, b.load(r(bb), bIndex));
                    for (int q = 0; q < rm; q++) {
                        Expr ci = unitC ? b.add(r(rowCs[q]), r(j)) : b.add(r(rowCs[q]), b.mul(r(j), r(p[10])));
                        b.store(r(c), ci, b.math(MathFn.FMA, s, r(ar[q]), r(bv), b.load(r(c), ci)));
                    }
                });
            });
        }, () -> range(rr, i(0), r(rows), () -> {
            b.assign(rowC, b.add(r(cB), b.mul(b.add(r(i0), r(rr)), r(p[9]))));
            range(pp, i(0), r(k), () -> {
                b.assign(ar[0], b.mul(r(alpha), b.load(r(a), b.add(r(aB),
                        b.add(b.mul(b.add(r(i0), r(rr)), r(p[1])), b.mul(r(pp), r(p[2])))))));
                b.assign(bRow, b.add(r(bB), b.mul(r(pp), r(p[5]))));
                range(j, r(j0), r(jEnd), () -> {
                    b.assign(at, b.add(r(rowC), b.mul(r(j), r(p[10]))));
                    b.store(r(c), r(at), b.math(MathFn.FMA, s, r(ar[0]), b.load(r(bb), bIndex), b.load(r(c), r(at))));
                });
            });
        }));
    }

    private Expr zero() {
        return s == Scalar.F64 ? b.f64(0) : b.f32(0);
    }

    private void fmaAll(Var[] x, Var[] y) {
        for (int q = 0; q < x.length; q++) {
            for (int w = 0; w < y.length; w++) {
                Var v = acc[q * y.length + w];
                b.assign(v, b.math(MathFn.FMA, s, r(x[q]), r(y[w]), r(v)));
            }
        }
    }

    /** The K loop over tiles staged in local memory. */
    private void staged(Var a, Var bb, Var as, Var bs, Var[] p, Var m, Var n, Var k, Var lx, Var ly, Var aBase,
                        Var bBase) {
        int tm = cfg.tileRows();
        int tn = cfg.tileCols();
        int d = cfg.depth();
        int g = cfg.groupSize();
        Var lid = let("lid", b.add(b.mul(r(ly), i(cfg.groupCols())), r(lx)));
        Var rowT = let("rowT", b.mul(b.workItem(WorkItemFn.GROUP_ID, 1), i(tm)));
        Var colT = let("colT", b.mul(b.workItem(WorkItemFn.GROUP_ID, 0), i(tn)));
        Var p0 = let("p0", i(0));
        Var e = b.local("e", Scalar.I32);
        Var gi = b.local("gi", Scalar.I32);
        Var gp = b.local("gp", Scalar.I32);
        Var v = b.local("v", s);
        Var kk = b.local("kk", Scalar.I32);
        Var[] x = new Var[cfg.itemRows()];
        Var[] y = new Var[cfg.itemCols()];
        for (int q = 0; q < x.length; q++) x[q] = b.local("x" + q, s);
        for (int q = 0; q < y.length; q++) y[q] = b.local("y" + q, s);
        b.loop(b.compare(CmpOp.LT, r(p0), r(k)), () -> b.assign(p0, b.add(r(p0), i(d))), l -> {
            // A's tile, tm x d, stored column by column (As[kk * tm + ii]); reads run along A's rows
            for (int u = 0; u < (tm * d + g - 1) / g; u++) {
                int uu = u;
                b.assign(e, b.add(r(lid), i(uu * g)));
                Runnable loadA = () -> {
                    b.assign(gi, b.add(r(rowT), b.div(r(e), i(d))));
                    b.assign(gp, b.add(r(p0), b.binary(BinOp.REM, r(e), i(d))));
                    b.assign(v, zero());
                    b.ifThen(both( b.compare(CmpOp.LT, r(gi), r(m)),
                            b.compare(CmpOp.LT, r(gp), r(k))), () -> b.assign(v, b.load(r(a),
                            b.add(r(aBase), b.add(b.mul(r(gi), r(p[1])), b.mul(r(gp), r(p[2])))))));
                    b.store(r(as), b.add(b.mul(b.sub(r(gp), r(p0)), i(tm)), b.sub(r(gi), r(rowT))), r(v));
                };
                if ((tm * d) % g == 0) loadA.run();
                else b.ifThen(b.compare(CmpOp.LT, r(e), i(tm * d)), loadA);
            }
            // B's tile, d x tn, row by row (Bs[kk * tn + jj])
            for (int u = 0; u < (tn * d + g - 1) / g; u++) {
                b.assign(e, b.add(r(lid), i(u * g)));
                Runnable loadB = () -> {
                    b.assign(gi, b.add(r(colT), b.binary(BinOp.REM, r(e), i(tn))));
                    b.assign(gp, b.add(r(p0), b.div(r(e), i(tn))));
                    b.assign(v, zero());
                    b.ifThen(both( b.compare(CmpOp.LT, r(gi), r(n)),
                            b.compare(CmpOp.LT, r(gp), r(k))), () -> b.assign(v, b.load(r(bb),
                            b.add(r(bBase), b.add(b.mul(r(gp), r(p[5])), b.mul(r(gi), r(p[6])))))));
                    b.store(r(bs), b.add(b.mul(b.sub(r(gp), r(p0)), i(tn)), b.sub(r(gi), r(colT))), r(v));
                };
                if ((tn * d) % g == 0) loadB.run();
                else b.ifThen(b.compare(CmpOp.LT, r(e), i(tn * d)), loadB);
            }
            b.barrier(false);
            b.assign(kk, i(0));
            b.loop(b.compare(CmpOp.LT, r(kk), i(d)), () -> b.assign(kk, b.add(r(kk), i(1))), l2 -> {
                for (int q = 0; q < x.length; q++) {
                    b.assign(x[q], b.load(r(as), b.add(b.mul(r(kk), i(tm)), b.add(r(ly), i(q * cfg.groupRows())))));
                }
                for (int q = 0; q < y.length; q++) {
                    b.assign(y[q], b.load(r(bs), b.add(b.mul(r(kk), i(tn)), b.add(r(lx), i(q * cfg.groupCols())))));
                }
                fmaAll(x, y);
            });
            b.barrier(false);
        });
    }

    /** {@code C = alpha * acc + beta * C} for the item's block, inside C only; C is not read when beta is 0. */
    private void store(Var c, Var[] p, Var m, Var n, Var row0, Var col0, Var bt, Var alpha, Var beta) {
        Var cBase = let("cBase", b.add(r(p[8]), b.mul(r(bt), r(p[11]))));
        Var at = b.local("at", Scalar.I32);
        Var out = b.local("out", s);
        for (int q = 0; q < cfg.itemRows(); q++) {
            for (int w = 0; w < cfg.itemCols(); w++) {
                Expr row = b.add(r(row0), i(q * cfg.groupRows()));
                Expr col = b.add(r(col0), i(w * cfg.groupCols()));
                Var v = acc[q * cfg.itemCols() + w];
                b.ifThen(both( b.compare(CmpOp.LT, row, r(m)), b.compare(CmpOp.LT, col, r(n))), () -> {
                    b.assign(at, b.add(r(cBase), b.add(b.mul(row, r(p[9])), b.mul(col, r(p[10])))));
                    b.assign(out, b.mul(r(alpha), r(v)));
                    b.ifThen(b.compare(CmpOp.NE, r(beta), zero()),
                            () -> b.assign(out, b.math(MathFn.FMA, s, r(beta), b.load(r(c), r(at)), r(out))));
                    b.store(r(c), r(at), r(out));
                });
            }
        }
    }
}
