package org.jdpx.kernels.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a module needs from a device and from each backend, found by one walk over the IR:
 * fp64, 64-bit atomics, 8/16-bit integers, barriers and local memory. Launchers read it to
 * refuse a kernel on a device that lacks an aspect; emitters read it to enable extensions
 * and capabilities.
 */
public record Features(boolean fp64, boolean int64Atomics, boolean int64ExtendedAtomics, boolean floatAtomics,
                       boolean int8, boolean int16, boolean barriers, boolean localMemory) {

    /** Scans every function of {@code m}. */
    public static Features of(KernelModule m) {
        boolean[] f = new boolean[8];
        for (Function fn : m.functions()) {
            for (Param p : fn.params()) {
                type(p.var().type(), f);
                if (p.kind() instanceof ParamKind.LocalBuffer) f[7] = true;
            }
            for (Var v : fn.locals()) {
                type(v.type(), f);
                if (v.type() instanceof ArrayType a && a.space() == AddressSpace.LOCAL) f[7] = true;
            }
            if (fn.returnType() != null) type(fn.returnType(), f);
            forEachStmt(fn.body(), s -> {
                if (s instanceof Stmt.Barrier) f[6] = true;
            }, e -> {
                type(e.type(), f);
                if (e instanceof Expr.Atomic a) {
                    Scalar t = a.scalar();
                    if (t == Scalar.I64 || t == Scalar.F64) {
                        f[1] = true;
                        if (t == Scalar.I64 && a.op() != AtomicOp.ADD && a.op() != AtomicOp.SUB
                                && a.op() != AtomicOp.XCHG && a.op() != AtomicOp.CMPXCHG) f[2] = true;
                    }
                    if (t.isFloat()) f[3] = true;
                }
            });
        }
        return new Features(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    }

    private static void type(Type t, boolean[] f) {
        Scalar s = switch (t) {
            case Scalar x -> x;
            case PtrType p -> p.elem();
            case ArrayType a -> a.elem();
        };
        if (s == Scalar.F64) f[0] = true;
        if (s == Scalar.I8) f[4] = true;
        if (s == Scalar.I16 || s == Scalar.U16) f[5] = true;
    }

    /** The device aspects a launcher must check, by their jdpx names ({@code fp64}, {@code atomic64}). */
    public List<String> aspects() {
        List<String> a = new ArrayList<>();
        if (fp64) a.add("fp64");
        if (int64Atomics) a.add("atomic64");
        return a;
    }

    /** Visits every statement and every expression (including nested ones) of a body. */
    public static void forEachStmt(List<Stmt> body, Consumer<Stmt> onStmt, Consumer<Expr> onExpr) {
        for (Stmt s : body) {
            onStmt.accept(s);
            switch (s) {
                case Stmt.Assign a -> expr(a.value(), onExpr);
                case Stmt.Store st -> {
                    expr(st.base(), onExpr);
                    expr(st.index(), onExpr);
                    expr(st.value(), onExpr);
                }
                case Stmt.Eval e -> expr(e.expr(), onExpr);
                case Stmt.If i -> {
                    expr(i.cond(), onExpr);
                    forEachStmt(i.then(), onStmt, onExpr);
                    forEachStmt(i.otherwise(), onStmt, onExpr);
                }
                case Stmt.Loop l -> {
                    if (l.cond() != null) expr(l.cond(), onExpr);
                    forEachStmt(l.body(), onStmt, onExpr);
                    forEachStmt(l.update(), onStmt, onExpr);
                }
                case Stmt.Block b -> forEachStmt(b.body(), onStmt, onExpr);
                case Stmt.Return r -> {
                    if (r.value() != null) expr(r.value(), onExpr);
                }
                case Stmt.Switch w -> {
                    expr(w.selector(), onExpr);
                    for (Stmt.Case c : w.cases()) forEachStmt(c.body(), onStmt, onExpr);
                    forEachStmt(w.otherwise(), onStmt, onExpr);
                }
                default -> { }
            }
        }
    }

    /** Visits {@code e} and all its sub-expressions, parents first. */
    public static void expr(Expr e, Consumer<Expr> f) {
        f.accept(e);
        switch (e) {
            case Expr.Unary u -> expr(u.operand(), f);
            case Expr.Binary b -> {
                expr(b.left(), f);
                expr(b.right(), f);
            }
            case Expr.Compare c -> {
                expr(c.left(), f);
                expr(c.right(), f);
            }
            case Expr.Logic l -> {
                expr(l.left(), f);
                expr(l.right(), f);
            }
            case Expr.Convert c -> expr(c.operand(), f);
            case Expr.Bitcast c -> expr(c.operand(), f);
            case Expr.Select s -> {
                expr(s.cond(), f);
                expr(s.ifTrue(), f);
                expr(s.ifFalse(), f);
            }
            case Expr.Load l -> {
                expr(l.base(), f);
                expr(l.index(), f);
            }
            case Expr.Call c -> c.args().forEach(a -> expr(a, f));
            case Expr.MathCall m -> m.args().forEach(a -> expr(a, f));
            case Expr.Atomic a -> {
                expr(a.base(), f);
                expr(a.index(), f);
                a.operands().forEach(x -> expr(x, f));
            }
            default -> { }
        }
    }
}
