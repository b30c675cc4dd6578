package org.jdpx.kernels.frontend;

import java.util.function.Predicate;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;

/** Queries and small rewrites on expression trees used by the frontend passes. */
final class Exprs {
    private Exprs() {
    }

    /** True if {@code p} holds for {@code e} or any sub-expression. */
    static boolean any(Expr e, Predicate<Expr> p) {
        if (p.test(e)) return true;
        return switch (e) {
            case Expr.Const c -> false;
            case Expr.Read r -> false;
            case Expr.WorkItem w -> false;
            case Expr.Unary u -> any(u.operand(), p);
            case Expr.Binary b -> any(b.left(), p) || any(b.right(), p);
            case Expr.Compare c -> any(c.left(), p) || any(c.right(), p);
            case Expr.Logic l -> any(l.left(), p) || any(l.right(), p);
            case Expr.Convert c -> any(c.operand(), p);
            case Expr.Bitcast c -> any(c.operand(), p);
            case Expr.Select s -> any(s.cond(), p) || any(s.ifTrue(), p) || any(s.ifFalse(), p);
            case Expr.Load l -> any(l.base(), p) || any(l.index(), p);
            case Expr.Call c -> c.args().stream().anyMatch(a -> any(a, p));
            case Expr.MathCall m -> m.args().stream().anyMatch(a -> any(a, p));
            case Expr.Atomic a -> any(a.base(), p) || any(a.index(), p) || a.operands().stream().anyMatch(x -> any(x, p));
        };
    }

    static boolean reads(Expr e, Var v) {
        return any(e, x -> x instanceof Expr.Read r && r.var() == v);
    }

    static boolean hasMemoryRead(Expr e) {
        return any(e, x -> x instanceof Expr.Load || x instanceof Expr.Call || x instanceof Expr.Atomic);
    }

    static boolean hasSideEffect(Expr e) {
        return any(e, x -> x instanceof Expr.Call || x instanceof Expr.Atomic);
    }

    /** Cheap enough to evaluate twice and free of side effects and traps (no loads, no integer division). */
    static boolean isSafeToSpeculate(Expr e) {
        return !any(e, x -> x instanceof Expr.Load || x instanceof Expr.Call || x instanceof Expr.Atomic
                || (x instanceof Expr.Binary b && b.type() instanceof Scalar s && s.isInt()
                    && (b.op() == org.jdpx.kernels.ir.BinOp.DIV || b.op() == org.jdpx.kernels.ir.BinOp.REM)));
    }

    static boolean isTrivial(Expr e) {
        return e instanceof Expr.Const || e instanceof Expr.Read || e instanceof Expr.WorkItem;
    }

    /** The logical negation of a condition, simplified where that keeps Java semantics. */
    static Expr not(Expr c) {
        return switch (c) {
            case Expr.Unary u when u.op() == UnOp.NOT -> u.operand();
            case Expr.Const k -> Expr.Const.bool(k.bits() == 0);
            case Expr.Compare cmp when cmp.left().scalar().isInt() ->
                new Expr.Compare(cmp.op().negateForIntegers(), cmp.left(), cmp.right());
            case Expr.Compare cmp when cmp.op() == CmpOp.EQ -> new Expr.Compare(CmpOp.NE, cmp.left(), cmp.right());
            case Expr.Compare cmp when cmp.op() == CmpOp.NE -> new Expr.Compare(CmpOp.EQ, cmp.left(), cmp.right());
            case Expr.Logic l -> new Expr.Logic(!l.and(), not(l.left()), not(l.right()));
            default -> new Expr.Unary(UnOp.NOT, c);
        };
    }

    /** Number of reads of each variable in an expression, added to {@code counts}. */
    static void countReads(Expr e, java.util.Map<Var, Integer> counts) {
        any(e, x -> {
            if (x instanceof Expr.Read r) counts.merge(r.var(), 1, Integer::sum);
            return false;
        });
    }

    /** Replaces reads of {@code v} by {@code with}. */
    static Expr substitute(Expr e, Var v, Expr with) {
        return switch (e) {
            case Expr.Read r -> r.var() == v ? with : r;
            case Expr.Const c -> c;
            case Expr.WorkItem w -> w;
            case Expr.Unary u -> new Expr.Unary(u.op(), substitute(u.operand(), v, with));
            case Expr.Binary b -> new Expr.Binary(b.op(), substitute(b.left(), v, with), substitute(b.right(), v, with));
            case Expr.Compare c -> new Expr.Compare(c.op(), substitute(c.left(), v, with), substitute(c.right(), v, with));
            case Expr.Logic l -> new Expr.Logic(l.and(), substitute(l.left(), v, with), substitute(l.right(), v, with));
            case Expr.Convert c -> new Expr.Convert(c.to(), substitute(c.operand(), v, with));
            case Expr.Bitcast c -> new Expr.Bitcast(c.to(), substitute(c.operand(), v, with));
            case Expr.Select s -> new Expr.Select(substitute(s.cond(), v, with), substitute(s.ifTrue(), v, with), substitute(s.ifFalse(), v, with));
            case Expr.Load l -> new Expr.Load(substitute(l.base(), v, with), substitute(l.index(), v, with), l.at());
            case Expr.Call c -> new Expr.Call(c.function(), c.args().stream().map(a -> substitute(a, v, with)).toList());
            case Expr.MathCall m -> new Expr.MathCall(m.fn(), m.operandType(), m.args().stream().map(a -> substitute(a, v, with)).toList());
            case Expr.Atomic a -> new Expr.Atomic(a.op(), substitute(a.base(), v, with), substitute(a.index(), v, with),
                    a.operands().stream().map(x -> substitute(x, v, with)).toList(), a.at());
        };
    }
}
