package org.jdpx.kernels.ir;

/** A function parameter: the variable the body reads and what the caller must pass. */
public record Param(Var var, ParamKind kind) {
}
