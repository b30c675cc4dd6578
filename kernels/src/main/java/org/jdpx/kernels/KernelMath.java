package org.jdpx.kernels;

/**
 * Math for kernels that {@link Math} lacks (rsqrt, mad, clamp, mix, step, ...) and float
 * versions of {@link Math}'s double-only functions, so float kernels need no fp64 on devices.
 *
 * <p>On OpenCL and SPIR-V devices each call becomes the OpenCL built-in of the same name
 * (accuracy as the OpenCL spec allows, typically a few ulp); on the java device these Java
 * bodies run. Results may therefore differ in the last bits between devices, never more.
 */
public final class KernelMath {
    private KernelMath() {
    }

    /** {@code 1/sqrt(x)}. */
    public static float rsqrt(float x) { return (float) (1.0 / Math.sqrt(x)); }
    /** {@code 1/sqrt(x)}. */
    public static double rsqrt(double x) { return 1.0 / Math.sqrt(x); }
    /** {@code a*b+c} rounded once, like {@link Math#fma(float, float, float)}. */
    public static float fma(float a, float b, float c) { return Math.fma(a, b, c); }
    /** {@code a*b+c} rounded once. */
    public static double fma(double a, double b, double c) { return Math.fma(a, b, c); }
    /** {@code a*b+c} where the device may trade accuracy for speed (OpenCL {@code mad}); exact on the java device. */
    public static float mad(float a, float b, float c) { return a * b + c; }
    /** {@code a*b+c}, possibly fused or less accurate on devices. */
    public static double mad(double a, double b, double c) { return a * b + c; }
    /** {@code min(max(x, lo), hi)}. */
    public static float clamp(float x, float lo, float hi) { return Math.min(Math.max(x, lo), hi); }
    /** {@code min(max(x, lo), hi)}. */
    public static double clamp(double x, double lo, double hi) { return Math.min(Math.max(x, lo), hi); }
    /** {@code min(max(x, lo), hi)}. */
    public static int clamp(int x, int lo, int hi) { return Math.min(Math.max(x, lo), hi); }
    /** {@code min(max(x, lo), hi)}. */
    public static long clamp(long x, long lo, long hi) { return Math.min(Math.max(x, lo), hi); }
    /** Linear blend {@code x + (y - x) * a}. */
    public static float mix(float x, float y, float a) { return x + (y - x) * a; }
    /** Linear blend {@code x + (y - x) * a}. */
    public static double mix(double x, double y, double a) { return x + (y - x) * a; }
    /** 1, -1 or the signed zero; 0 for NaN (OpenCL {@code sign}; unlike {@link Math#signum} which keeps NaN). */
    public static float sign(float x) { return Float.isNaN(x) ? 0f : Math.signum(x); }
    /** 1, -1 or the signed zero; 0 for NaN. */
    public static double sign(double x) { return Double.isNaN(x) ? 0.0 : Math.signum(x); }
    /** Radians to degrees. */
    public static float degrees(float r) { return (float) Math.toDegrees(r); }
    /** Radians to degrees. */
    public static double degrees(double r) { return Math.toDegrees(r); }
    /** Degrees to radians. */
    public static float radians(float d) { return (float) Math.toRadians(d); }
    /** Degrees to radians. */
    public static double radians(double d) { return Math.toRadians(d); }
    /** 0 if {@code x < edge}, else 1. */
    public static float step(float edge, float x) { return x < edge ? 0f : 1f; }
    /** 0 if {@code x < edge}, else 1. */
    public static double step(double edge, double x) { return x < edge ? 0.0 : 1.0; }
    /** Hermite interpolation between 0 and 1 when {@code e0 < x < e1}. */
    public static float smoothstep(float e0, float e1, float x) {
        float t = clamp((x - e0) / (e1 - e0), 0f, 1f);
        return t * t * (3f - 2f * t);
    }
    /** Hermite interpolation between 0 and 1 when {@code e0 < x < e1}. */
    public static double smoothstep(double e0, double e1, double x) {
        double t = clamp((x - e0) / (e1 - e0), 0.0, 1.0);
        return t * t * (3.0 - 2.0 * t);
    }
    /** {@code 2^x}. */
    public static float exp2(float x) { return (float) Math.pow(2.0, x); }
    /** {@code 2^x}. */
    public static double exp2(double x) { return Math.pow(2.0, x); }
    /** Base-2 logarithm. */
    public static float log2(float x) { return (float) (Math.log(x) / Math.log(2.0)); }
    /** Base-2 logarithm. */
    public static double log2(double x) { return Math.log(x) / Math.log(2.0); }
    /** Rounds toward zero. */
    public static float trunc(float x) { return (float) (x < 0 ? Math.ceil(x) : Math.floor(x)); }
    /** Rounds toward zero. */
    public static double trunc(double x) { return x < 0 ? Math.ceil(x) : Math.floor(x); }

    // float versions of Math's double functions: on devices these stay in fp32

    /** Square root in float. */
    public static float sqrt(float x) { return (float) Math.sqrt(x); }
    /** Cube root in float. */
    public static float cbrt(float x) { return (float) Math.cbrt(x); }
    /** {@code e^x} in float. */
    public static float exp(float x) { return (float) Math.exp(x); }
    /** {@code e^x - 1} in float. */
    public static float expm1(float x) { return (float) Math.expm1(x); }
    /** Natural logarithm in float. */
    public static float log(float x) { return (float) Math.log(x); }
    /** Base-10 logarithm in float. */
    public static float log10(float x) { return (float) Math.log10(x); }
    /** {@code ln(1+x)} in float. */
    public static float log1p(float x) { return (float) Math.log1p(x); }
    /** Sine in float. */
    public static float sin(float x) { return (float) Math.sin(x); }
    /** Cosine in float. */
    public static float cos(float x) { return (float) Math.cos(x); }
    /** Tangent in float. */
    public static float tan(float x) { return (float) Math.tan(x); }
    /** Arc sine in float. */
    public static float asin(float x) { return (float) Math.asin(x); }
    /** Arc cosine in float. */
    public static float acos(float x) { return (float) Math.acos(x); }
    /** Arc tangent in float. */
    public static float atan(float x) { return (float) Math.atan(x); }
    /** Two-argument arc tangent in float. */
    public static float atan2(float y, float x) { return (float) Math.atan2(y, x); }
    /** Hyperbolic sine in float. */
    public static float sinh(float x) { return (float) Math.sinh(x); }
    /** Hyperbolic cosine in float. */
    public static float cosh(float x) { return (float) Math.cosh(x); }
    /** Hyperbolic tangent in float. */
    public static float tanh(float x) { return (float) Math.tanh(x); }
    /** {@code x^y} in float. */
    public static float pow(float x, float y) { return (float) Math.pow(x, y); }
    /** {@code sqrt(x*x + y*y)} in float without undue overflow. */
    public static float hypot(float x, float y) { return (float) Math.hypot(x, y); }
    /** Largest integer value not above {@code x}, in float. */
    public static float floor(float x) { return (float) Math.floor(x); }
    /** Smallest integer value not below {@code x}, in float. */
    public static float ceil(float x) { return (float) Math.ceil(x); }
    /** Nearest integer value, ties to even, in float. */
    public static float rint(float x) { return (float) Math.rint(x); }
}
