package org.jdpx.kernels.frontend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.Expr;

/**
 * Recovers {@code &&} and {@code ||} from javac's chains of conditional jumps: a block that
 * only tests a condition and is reached from a single other test is folded into that test.
 * Without this, short-circuit conditions would need jumps into the middle of if statements.
 * Conditions are pure, and C evaluates {@code &&}/{@code ||} lazily, so the order of
 * evaluation is unchanged.
 */
final class ConditionMerger {
    private ConditionMerger() {
    }

    static void merge(IrBlock entry) {
        boolean changed = true;
        while (changed) {
            changed = false;
            Map<IrBlock, List<IrBlock>> preds = preds(entry);
            for (IrBlock b : preds.keySet()) {
                if (!(b.term instanceof IrBlock.Term.CondBr c1)) continue;
                IrBlock t1 = c1.ifTrue(), f1 = c1.ifFalse();
                if (isTest(f1, b, preds) && f1 != t1) {
                    IrBlock.Term.CondBr c2 = (IrBlock.Term.CondBr) f1.term;
                    if (c2.ifTrue() == t1) { // c1 || c2 -> t1, else f2
                        b.term = new IrBlock.Term.CondBr(new Expr.Logic(false, c1.cond(), c2.cond()), t1, c2.ifFalse());
                        changed = true;
                    } else if (c2.ifFalse() == t1) { // c1 || !c2 -> t1, else t2
                        b.term = new IrBlock.Term.CondBr(new Expr.Logic(false, c1.cond(), Exprs.not(c2.cond())), t1, c2.ifTrue());
                        changed = true;
                    }
                } else if (isTest(t1, b, preds) && f1 != t1) {
                    IrBlock.Term.CondBr c2 = (IrBlock.Term.CondBr) t1.term;
                    if (c2.ifFalse() == f1) { // c1 && c2 -> t2, else f1
                        b.term = new IrBlock.Term.CondBr(new Expr.Logic(true, c1.cond(), c2.cond()), c2.ifTrue(), f1);
                        changed = true;
                    } else if (c2.ifTrue() == f1) { // c1 && !c2 -> f2, else f1
                        b.term = new IrBlock.Term.CondBr(new Expr.Logic(true, c1.cond(), Exprs.not(c2.cond())), c2.ifFalse(), f1);
                        changed = true;
                    }
                }
                if (changed) break;
            }
        }
    }

    private static boolean isTest(IrBlock x, IrBlock from, Map<IrBlock, List<IrBlock>> preds) {
        return x != from && x.stmts.isEmpty() && x.term instanceof IrBlock.Term.CondBr c
                && c.ifTrue() != x && c.ifFalse() != x && preds.get(x).size() == 1;
    }

    private static Map<IrBlock, List<IrBlock>> preds(IrBlock entry) {
        Map<IrBlock, List<IrBlock>> preds = new IdentityHashMap<>();
        Set<IrBlock> seen = new HashSet<>();
        List<IrBlock> work = new ArrayList<>(List.of(entry));
        seen.add(entry);
        preds.put(entry, new ArrayList<>());
        while (!work.isEmpty()) {
            IrBlock b = work.removeLast();
            for (IrBlock s : b.succs()) {
                preds.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
                if (seen.add(s)) work.add(s);
            }
        }
        return preds;
    }
}
