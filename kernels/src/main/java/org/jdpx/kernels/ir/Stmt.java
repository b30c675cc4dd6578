package org.jdpx.kernels.ir;

import java.util.List;

/**
 * Structured statements. Control flow is a tree of {@link If}, {@link Loop}, {@link Block} and
 * {@link Switch} with {@link Break}/{@link Continue} to labelled enclosing statements, which
 * every target can print: OpenCL C as nested C statements (with {@code goto} only where C's
 * break/continue cannot say it), SPIR-V as basic blocks. Statement lists are mutable so
 * passes can rewrite them in place.
 */
public sealed interface Stmt {

    /** {@code var = value}. */
    record Assign(Var var, Expr value) implements Stmt {
    }

    /**
     * {@code base[index] = value} (value of the element type); {@code at} is the source position
     * as for {@link Expr.Load} (null if unknown) and takes no part in equality.
     */
    record Store(Expr base, Expr index, Expr value, String at) implements Stmt {
        /** A store without a source position. */
        public Store(Expr base, Expr index, Expr value) { this(base, index, value, null); }
        @Override public boolean equals(Object o) {
            return o instanceof Store s && base.equals(s.base) && index.equals(s.index) && value.equals(s.value);
        }
        @Override public int hashCode() { return java.util.Objects.hash(base, index, value); }
    }

    /** Evaluates an expression for its side effect (a call or atomic whose result is unused). */
    record Eval(Expr expr) implements Stmt {
    }

    /** {@code if (cond) then else otherwise}; either list may be empty. */
    record If(Expr cond, List<Stmt> then, List<Stmt> otherwise) implements Stmt {
    }

    /**
     * A loop {@code for (; cond; update) body}: {@code cond} null means no test (runs until a
     * break), {@code update} runs after the body and on {@link Continue}. Falling off the end
     * of the body continues the loop, as in C.
     */
    record Loop(Label label, Expr cond, List<Stmt> body, List<Stmt> update) implements Stmt {
    }

    /** A labelled block: {@link Break} to its label jumps just past it. */
    record Block(Label label, List<Stmt> body) implements Stmt {
    }

    /** Leaves the loop or block labelled {@code target}. */
    record Break(Label target) implements Stmt {
    }

    /** Starts the next iteration (running the update) of the loop labelled {@code target}. */
    record Continue(Label target) implements Stmt {
    }

    /** Returns from the function, with a value for non-void helpers. */
    record Return(Expr value) implements Stmt {
    }

    /** Work-group barrier; {@code global} also fences global memory (OpenCL CLK_GLOBAL_MEM_FENCE). */
    record Barrier(boolean global) implements Stmt {
    }

    /**
     * Multi-way branch on an I32 {@code selector}. Cases never fall through into each other:
     * after a case body control continues after the switch.
     */
    record Switch(Expr selector, List<Case> cases, List<Stmt> otherwise) implements Stmt {
    }

    /** One arm of a {@link Switch}: the values that select it and its body. */
    record Case(int[] values, List<Stmt> body) {
    }
}
