package org.jdpx.kernels.fuzz;

/**
 * Used by generated reference code for devices without denormals (OpenCL 1.2 lets them flush
 * subnormal float operands and results to zero; rusticl on llvmpipe reports no CL_FP_DENORM).
 */
public final class Ftz {
    private Ftz() {
    }

    /** {@code x}, or zero of the same sign when {@code x} is subnormal. */
    public static float f(float x) {
        return x != 0f && Math.abs(x) < Float.MIN_NORMAL ? Math.copySign(0f, x) : x;
    }
}
