package org.jdpx.kernels.ir;

/**
 * Binary arithmetic with <b>Java</b> semantics; emitters must reproduce them exactly:
 * <ul>
 * <li>ADD, SUB, MUL on integers wrap around (two's complement), never undefined;</li>
 * <li>DIV truncates toward zero, {@code MIN_VALUE / -1 == MIN_VALUE}; REM takes the sign of the
 *     dividend and {@code MIN_VALUE % -1 == 0}. Division by zero throws in Java but cannot be
 *     signalled on a device: {@code x / 0} and {@code x % 0} are 0 in every emitter's output;</li>
 * <li>SHL, SHR (arithmetic), USHR (logical) use only the low 5 (int) or 6 (long) bits of the
 *     count; the count is always I32;</li>
 * <li>on floats ADD..DIV are IEEE operations with one rounding each (never fused), REM is the
 *     truncating remainder ({@code fmod}).</li>
 * </ul>
 */
public enum BinOp {
    ADD("+"), SUB("-"), MUL("*"), DIV("/"), REM("%"), AND("&"), OR("|"), XOR("^"), SHL("<<"), SHR(">>"), USHR(">>>");

    private final String symbol;

    BinOp(String symbol) { this.symbol = symbol; }

    /** The Java operator symbol. */
    public String symbol() { return symbol; }

    /** True for shifts, whose right operand is always I32. */
    public boolean isShift() { return this == SHL || this == SHR || this == USHR; }
}
