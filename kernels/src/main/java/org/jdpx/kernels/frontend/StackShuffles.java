package org.jdpx.kernels.frontend;

import java.lang.classfile.Opcode;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Stmt;

/**
 * The JVM's operand-stack instructions ({@code pop}, {@code dup*}, {@code swap}) for
 * {@link MethodTranslator}: values that get duplicated go through temporaries so they are
 * evaluated once, and a discarded call result keeps only its side effect.
 */
final class StackShuffles {
    private StackShuffles() {
    }

    static void apply(MethodTranslator t, Opcode op) {
        switch (op) {
            case POP -> {
                SVal v = t.popAny();
                dropResult(t, v);
            }
            case POP2 -> {
                SVal v = t.popAny();
                dropResult(t, v);
                if (!v.isWide()) dropResult(t, t.popAny());
            }
            case DUP -> duplicate(t, 1, 0);
            case DUP_X1 -> duplicate(t, 1, 1);
            case DUP_X2 -> duplicate(t, 1, 2);
            case DUP2 -> duplicate(t, 2, 0);
            case DUP2_X1 -> duplicate(t, 2, 1);
            case DUP2_X2 -> duplicate(t, 2, 2);
            case SWAP -> {
                List<SVal> a = words(t, 1);
                List<SVal> b = words(t, 1);
                pushAll(t, a);
                pushAll(t, b);
            }
            default -> throw t.error("stack instruction " + op.name().toLowerCase());
        }
    }

    /** {@code dup}/{@code dup_x}: the top {@code top} words again, below the {@code under} words beneath them. */
    private static void duplicate(MethodTranslator t, int top, int under) {
        List<SVal> a = words(t, top);
        List<SVal> b = under > 0 ? words(t, under) : List.of();
        pushAll(t, a);
        pushAll(t, b);
        pushAll(t, a);
    }

    /** A discarded call or atomic result: keep the side effect, drop the temporary. */
    private static void dropResult(MethodTranslator t, SVal v) {
        if (v instanceof SVal.Val val && val.expr() instanceof Expr.Read r && t.temps.contains(r.var()) && !t.out.isEmpty()
                && t.out.getLast() instanceof Stmt.Assign a && a.var() == r.var() && Exprs.hasSideEffect(a.value())
                && t.stack.stream().noneMatch(s -> s instanceof SVal.Val sv && Exprs.reads(sv.expr(), r.var()))) {
            t.out.set(t.out.size() - 1, new Stmt.Eval(a.value()));
            t.fn.locals().remove(r.var());
        }
    }

    /** Pops values covering exactly {@code n} JVM stack words, made safe to duplicate. */
    private static List<SVal> words(MethodTranslator t, int n) {
        List<SVal> got = new ArrayList<>();
        int w = 0;
        while (w < n) {
            SVal v = t.popAny();
            w += v.isWide() ? 2 : 1;
            if (v instanceof SVal.Val val && !Exprs.isTrivial(val.expr())) {
                v = new SVal.Val(t.reusable(val.expr()));
            } else if (v instanceof SVal.Cmp3 c) {
                v = new SVal.Val(t.reusable(MethodTranslator.cmp3ToExpr(c)));
            }
            got.addFirst(v);
        }
        if (w != n) throw t.error("stack manipulation splits a long or double");
        return got;
    }

    private static void pushAll(MethodTranslator t, List<SVal> vals) {
        t.stack.addAll(vals);
    }
}
