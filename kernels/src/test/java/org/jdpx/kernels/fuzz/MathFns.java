package org.jdpx.kernels.fuzz;

import java.util.Random;

/**
 * The transcendental functions the generator calls and the ulp bound each result is checked
 * with: the OpenCL 1.2 full-profile limit for the function (section 7.4, tables 7.1 and 7.2;
 * sqrt 3 ulp in float because builds do not ask for -cl-fp32-correctly-rounded-divide-sqrt,
 * correctly rounded in double) plus 1 ulp for the plain-Java reference itself (Math.* is within
 * 1 ulp of the exact result; float results are a double result rounded to float). Results are
 * never fed into further arithmetic, so the bounds do not accumulate.
 */
final class MathFns {
    private MathFns() {
    }

    /** One function: its arity, its names in KernelMath (float) and java.lang.Math, and the bounds. */
    record Fn(String kernelMath, String javaMath, int arity, int floatUlps, int doubleUlps) {
    }

    static final Fn[] ALL = {
        fn("sin", 1, 4, 4), fn("cos", 1, 4, 4), fn("tan", 1, 5, 5), fn("exp", 1, 3, 3), fn("expm1", 1, 3, 3),
        fn("log", 1, 3, 3), fn("log10", 1, 3, 3), fn("log1p", 1, 2, 2), fn("sqrt", 1, 3, 0), fn("cbrt", 1, 2, 2),
        fn("asin", 1, 4, 4), fn("acos", 1, 4, 4), fn("atan", 1, 5, 5), fn("atan2", 2, 6, 6), fn("sinh", 1, 4, 4),
        fn("cosh", 1, 4, 4), fn("tanh", 1, 5, 5), fn("pow", 2, 16, 16), fn("hypot", 2, 4, 4),
        new Fn("fma", "Math.fma", 3, 0, 0),
    };

    private static Fn fn(String name, int arity, int floatUlps, int doubleUlps) {
        return new Fn(name, "Math." + name, arity, floatUlps + 1, doubleUlps + 1);
    }

    static Fn random(Random r) {
        return ALL[r.nextInt(ALL.length)];
    }
}
