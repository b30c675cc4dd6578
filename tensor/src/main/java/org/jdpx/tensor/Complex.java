package org.jdpx.tensor;

/**
 * A complex Java scalar, the counterpart of Python's {@code complex}: usable wherever an
 * operation takes a Java number ({@code a.multiply(new Complex(0, 1))}, {@code Tensor.full}),
 * where it is weak as NumPy's Python scalars are (NEP 50): it joins a complex64 array as
 * complex64 and makes a float32 array's result complex64.
 *
 * @param re the real part
 * @param im the imaginary part
 */
public record Complex(double re, double im) {

    /** {@code re + 0j}. */
    public static Complex of(double re) {
        return new Complex(re, 0);
    }

    /** Python's repr, e.g. {@code (1+2j)}. */
    @Override
    public String toString() {
        return "(" + ArrayPrinter.complexCell(re, im) + ")";
    }
}
