package org.jdpx.kernels.ir;

/** Unary operators: NEG (arithmetic, wrapping for integers) and NOT (logical, on BOOL only). */
public enum UnOp {
    NEG, NOT
}
