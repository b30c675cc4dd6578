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
 * of the range is the stack index), in the {@link GemmConfig}'s shape. Operands are read through
 * offset and row/column/batch strides, so transposed and broadcast operands need no copy.
 *
 * <p>Staged configurations (GPUs): a work-group computes one tile of C; each item keeps its
 * {@code itemRows x itemCols} block of C in private accumulators (unrolled into scalars, so they
 * live in registers) and the group copies each K step's tile of A and B into local memory (zero
 * past the edges) between two barriers; results outside C are dropped on store.
 *
 * <p>Unstaged configurations (CPUs): each item accumulates its block in C itself, K in passes of
 * {@code depth} steps along the block's rows ({@link #panel}); the index of the innermost loop is
 * a 64-bit int so that the driver's compiler sees consecutive addresses and vectorizes it (a
 * 32-bit index wraps, so each lane's address was sign-extended and computed on its own).
 *
 * <p>Arguments, in order: a, b, c (views), then aOff, aRow, aCol, aBatch, the
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
        Expr one = v.type() == Scalar.I64 ? b.i64(1) : i(1);
        b.loop(b.compare(CmpOp.LT, r(v), to), () -> b.assign(v, b.add(r(v), one)), l -> body.run());
    }

    /**
     * The CPU form: one item per {@code itemRows x itemCols} block of C, accumulated in C itself
     * in i-k-j order. The innermost loop runs along rows of B and rows of C (unit stride when
     * {@code unitB}, and C's columns are contiguous as matmul writes them), which the driver's
     * compiler vectorizes; a whole block ({@link #fullPanel}) adds {@code depth} K steps per pass,
     * an edge block of fewer rows one row and one K step at a time.
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
        Var ae = b.local("ae", s);
        range(rr, i(0), r(rows), () -> {
            b.assign(rowC, b.add(r(cB), b.mul(b.add(r(i0), r(rr)), r(p[9]))));
            range(j, r(j0), r(jEnd), () -> {
                b.assign(at, b.add(r(rowC), b.mul(r(j), r(p[10]))));
                b.ifThenElse(b.compare(CmpOp.EQ, r(beta), zero()), () -> b.store(r(c), r(at), zero()),
                        () -> b.store(r(c), r(at), b.mul(r(beta), b.load(r(c), r(at)))));
            });
        });
        Expr bIndex = unitB ? b.add(r(bRow), r(j)) : b.add(r(bRow), b.mul(r(j), r(p[6])));
        b.ifThenElse(b.compare(CmpOp.EQ, r(rows), i(rm)), () -> fullPanel(a, bb, c, p, alpha, i0, j0, jEnd, aB, bB, cB),
                () -> range(rr, i(0), r(rows), () -> {
            b.assign(rowC, b.add(r(cB), b.mul(b.add(r(i0), r(rr)), r(p[9]))));
            range(pp, i(0), r(k), () -> {
                b.assign(ae, b.mul(r(alpha), b.load(r(a), b.add(r(aB),
                        b.add(b.mul(b.add(r(i0), r(rr)), r(p[1])), b.mul(r(pp), r(p[2])))))));
                b.assign(bRow, b.add(r(bB), b.mul(r(pp), r(p[5]))));
                range(j, r(j0), r(jEnd), () -> {
                    b.assign(at, b.add(r(rowC), b.mul(r(j), r(p[10]))));
                    b.store(r(c), r(at), b.math(MathFn.FMA, s, r(ae), b.load(r(bb), bIndex), b.load(r(c), r(at))));
                });
            });
        }));
    }

    /**
     * A whole {@code itemRows}-row block: K in steps of {@code depth} (the unroll), each step one
     * pass along the rows of C that loads every C element once and adds its {@code depth} products
     * there (in order of K, so results do not depend on the unroll), so the pass does
     * {@code itemRows x depth} FMAs per B vector and {@code depth} per C load and store; the
     * {@code itemRows x depth} elements of A stay in registers, broadcast. A remainder of K below
     * {@code depth} takes single steps.
     */
    private void fullPanel(Var a, Var bb, Var c, Var[] p, Var alpha, Var i0, Var j0, Var jEnd, Var aB, Var bB, Var cB) {
        int rm = cfg.itemRows();
        int u = Math.max(1, cfg.depth());
        Var k = p[14];
        Var j = b.local("jf", Scalar.I64);
        Var pp = b.local("pf", Scalar.I32);
        Var[] rowA = new Var[rm];
        Var[] rowC = new Var[rm];
        for (int q = 0; q < rm; q++) {
            rowA[q] = let("rowA" + q, b.add(r(aB), b.mul(b.add(r(i0), i(q)), r(p[1]))));
            rowC[q] = let("rowC" + q, b.convert(Scalar.I64, b.add(r(cB), b.mul(b.add(r(i0), i(q)), r(p[9])))));
        }
        Var[][] ar = new Var[rm][u];
        for (int q = 0; q < rm; q++) {
            for (int w = 0; w < u; w++) ar[q][w] = b.local("a" + q + "_" + w, s);
        }
        Var[] bRow = new Var[u];
        Var[] bv = new Var[u];
        for (int w = 0; w < u; w++) {
            bRow[w] = b.local("bRow" + w, Scalar.I64);
            bv[w] = b.local("b" + w, s);
        }
        Var jFrom = let("jFrom", b.convert(Scalar.I64, r(j0)));
        Var jTo = let("jTo", b.convert(Scalar.I64, r(jEnd)));
        Var kMain = let("kMain", u == 1 ? r(k) : b.sub(r(k), b.binary(BinOp.REM, r(k), i(u))));
        Block blk = new Block(a, bb, c, p, alpha, j, pp, jFrom, jTo, bB, rowA, rowC, ar, bRow, bv);
        b.assign(pp, i(0));
        b.loop(b.compare(CmpOp.LT, r(pp), r(kMain)), () -> b.assign(pp, b.add(r(pp), i(u))), l -> kStep(blk, u));
        if (u > 1) b.loop(b.compare(CmpOp.LT, r(pp), r(k)), () -> b.assign(pp, b.add(r(pp), i(1))), l -> kStep(blk, 1));
    }

    /** The variables of {@link #fullPanel}'s passes. */
    private record Block(Var a, Var bb, Var c, Var[] p, Var alpha, Var j, Var pp, Var j0, Var jEnd, Var bB, Var[] rowA,
                         Var[] rowC, Var[][] ar, Var[] bRow, Var[] bv) {
    }

    /** One pass over the block's columns adding the products of K indices {@code pp..pp+steps-1}. */
    private void kStep(Block k, int steps) {
        Var[] p = k.p();
        Var[] rowA = k.rowA();
        Var[] rowC = k.rowC();
        Var[][] ar = k.ar();
        Var[] bRow = k.bRow();
        Var[] bv = k.bv();
        Var j = k.j();
        Var pp = k.pp();
        for (int q = 0; q < rowA.length; q++) {
            for (int w = 0; w < steps; w++) {
                b.assign(ar[q][w], b.mul(r(k.alpha()), b.load(r(k.a()), b.add(r(rowA[q]), b.mul(b.add(r(pp), i(w)), r(p[2]))))));
            }
        }
        for (int w = 0; w < steps; w++) b.assign(bRow[w], b.convert(Scalar.I64, b.add(r(k.bB()), b.mul(b.add(r(pp), i(w)), r(p[5])))));
        range(j, r(k.j0()), r(k.jEnd()), () -> {
            for (int w = 0; w < steps; w++) {
                b.assign(bv[w], b.load(r(k.bb()), unitB ? b.add(r(bRow[w]), r(j))
                        : b.add(r(bRow[w]), b.mul(r(j), b.convert(Scalar.I64, r(p[6]))))));
            }
            for (int q = 0; q < rowC.length; q++) {
                Expr ci = unitC ? b.add(r(rowC[q]), r(j)) : b.add(r(rowC[q]), b.mul(r(j), b.convert(Scalar.I64, r(p[10]))));
                Expr sum = b.load(r(k.c()), ci);
                for (int w = 0; w < steps; w++) sum = b.math(MathFn.FMA, s, r(ar[q][w]), r(bv[w]), sum);
                b.store(r(k.c()), ci, sum);
            }
        });
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
