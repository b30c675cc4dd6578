package org.jdpx.kernels.frontend;

import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Scalar;

/**
 * A value on the abstract JVM operand stack or in a reference-typed local: either an IR
 * expression, or a reference the compiler resolves at compile time (the context, a view, an
 * array). Kernels cannot hold references the compiler does not know statically.
 */
sealed interface SVal {

    /** A primitive value. */
    record Val(Expr expr) implements SVal {
    }

    /** The result of lcmp/fcmpl/fcmpg/dcmpl/dcmpg before a branch consumes it; {@code nan} is the NaN answer (+1 or -1). */
    record Cmp3(Expr left, Expr right, int nan) implements SVal {
    }

    /** The KernelContext parameter. */
    record Ctx() implements SVal {
    }

    /** A typed array view parameter. */
    record View(ViewHandle handle) implements SVal {
    }

    /** A private, local or {@code @Local} array; {@code length} is -1 when not known at compile time. */
    record Arr(Expr base, Scalar elem, AddressSpace space, int length) implements SVal {
    }

    /** An object the compiler cannot model (a static final object field): refused as soon as it is used. */
    record Obj(String description) implements SVal {
    }

    /** {@code null}: allowed on the stack only to be refused when used. */
    record Null() implements SVal {
    }

    /** True for the JVM's two-word values (long, double). */
    default boolean isWide() {
        return this instanceof Val v && (v.expr().type() == Scalar.I64 || v.expr().type() == Scalar.F64);
    }
}
