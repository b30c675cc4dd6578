package org.jdpx.kernels.frontend;

import java.util.ArrayList;
import java.util.List;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Stmt;

/**
 * A basic block after translation: straight-line IR statements and a terminator naming its
 * successors. The structurizer turns a graph of these into structured statements.
 */
final class IrBlock {
    final int id;
    List<Stmt> stmts = new ArrayList<>();
    Term term;
    /** Position in reverse postorder, set by {@link Cfg}. */
    int rpo = -1;

    IrBlock(int id) {
        this.id = id;
    }

    List<IrBlock> succs() {
        return switch (term) {
            case Term.Goto g -> List.of(g.target());
            case Term.CondBr c -> List.of(c.ifTrue(), c.ifFalse());
            case Term.SwitchBr s -> {
                List<IrBlock> l = new ArrayList<>(List.of(s.targets()));
                l.add(s.otherwise());
                yield l;
            }
            case Term.Ret r -> List.of();
        };
    }

    @Override
    public String toString() {
        return "B" + id;
    }

    /** How a block ends. */
    sealed interface Term {
        /** Unconditional jump. */
        record Goto(IrBlock target) implements Term {
        }

        /** Two-way branch on a BOOL condition. */
        record CondBr(Expr cond, IrBlock ifTrue, IrBlock ifFalse) implements Term {
        }

        /** Multi-way branch: {@code keys[i]} goes to {@code targets[i]}. */
        record SwitchBr(Expr selector, int[] keys, IrBlock[] targets, IrBlock otherwise) implements Term {
        }

        /** Return, with a value or null. */
        record Ret(Expr value) implements Term {
        }
    }
}
