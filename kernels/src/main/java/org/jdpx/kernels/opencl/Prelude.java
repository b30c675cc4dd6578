package org.jdpx.kernels.opencl;

import java.util.Set;

/**
 * Small OpenCL C functions the emitter adds when a kernel needs them: Java's integer
 * division rules, Java's pow special cases and float atomics as compare-and-swap loops on the raw bits.
 */
final class Prelude {
    private Prelude() {
    }

    private static final Set<String> RESERVED = Set.of("abs", "min", "max", "clamp", "mix", "sign", "step", "sqrt", "rsqrt",
            "exp", "log", "sin", "cos", "tan", "pow", "floor", "ceil", "rint", "round", "trunc", "fabs", "fma", "mad", "fmin",
            "fmax", "fmod", "isnan", "select", "dot", "cross", "length", "distance", "normalize", "barrier", "popcount", "clz",
            "hypot", "cbrt", "atan", "atan2", "asin", "acos", "sinh", "cosh", "tanh", "exp2", "log2", "log10", "degrees",
            "radians", "smoothstep", "signbit", "as_int", "as_float", "convert_int", "vload", "vstore", "printf", "kernel",
            "local", "global", "private", "constant", "int", "float", "double", "long", "char", "short", "uint", "ulong",
            "uchar", "ushort", "bool", "half", "void", "if", "else", "for", "while", "do", "return", "break", "continue",
            "switch", "case", "default", "goto", "NAN", "INFINITY", "M_PI", "sizeof", "struct", "union", "static", "const");

    static boolean isReserved(String name) {
        return RESERVED.contains(name) || name.startsWith("jdpx_") || name.startsWith("atomic_") || name.startsWith("atom_")
                || name.startsWith("get_") || name.startsWith("convert_") || name.startsWith("as_");
    }

    static String source(String name) {
        return switch (name) {
            case "jdpx_div_int" -> divRem("int", "uint", true);
            case "jdpx_rem_int" -> divRem("int", "uint", false);
            case "jdpx_div_long" -> divRem("long", "ulong", true);
            case "jdpx_rem_long" -> divRem("long", "ulong", false);
            case "jdpx_atomic_add_float_global" -> floatAdd("float", "uint", "int", "__global", "atomic_cmpxchg");
            case "jdpx_atomic_add_float_local" -> floatAdd("float", "uint", "int", "__local", "atomic_cmpxchg");
            case "jdpx_atomic_add_double_global" -> floatAdd("double", "ulong", "long", "__global", "atom_cmpxchg");
            case "jdpx_atomic_add_double_local" -> floatAdd("double", "ulong", "long", "__local", "atom_cmpxchg");
            case "jdpx_i2l" -> "/* Java's (long) of an int: a plain cast, which drivers vectorize through; spelled out as zero\n"
                    + "   extension | high word of the sign where built with -D" + BuildOptions.SPELL_SIGN_EXTENSION
                    + " (Mesa's llvmpipe compares\n   a plain (long) of an int with a constant unsigned). */\n"
                    + "#ifdef " + BuildOptions.SPELL_SIGN_EXTENSION + "\n"
                    + "long jdpx_i2l(int x) {\n    return (long)(uint)x | ((long)(x >> 31) << 32);\n}\n"
                    + "#else\n#define jdpx_i2l(x) ((long)(x))\n#endif\n";
            case "jdpx_pow_float" -> pow("float", "f");
            case "jdpx_pow_double" -> pow("double", "");
            case "jdpx_d2i_float" -> cast("int", "float");
            case "jdpx_d2i_double" -> cast("int", "double");
            case "jdpx_d2l_float" -> cast("long", "float");
            case "jdpx_d2l_double" -> cast("long", "double");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String divRem(String t, String u, boolean div) {
        String name = "jdpx_" + (div ? "div_" : "rem_") + t;
        String body = div
                ? "    return b == 0 ? 0 : b == -1 ? as_" + t + "(-(" + u + ")a) : a / b;\n"
                : "    return (b == 0 || b == -1) ? 0 : a % b;\n";
        return "/* Java " + (div ? "division" : "remainder") + ": MIN_VALUE " + (div ? "/" : "%")
                + " -1 does not trap; x " + (div ? "/" : "%") + " 0 gives 0 on devices. */\n"
                + t + " " + name + "(" + t + " a, " + t + " b) {\n" + body + "}\n";
    }

    private static String pow(String t, String f) {
        return "/* Java pow: NaN where |x| == 1 and y is infinite or NaN (C's pow gives 1 there). */\n"
                + t + " jdpx_pow_" + t + "(" + t + " x, " + t + " y) {\n"
                + "    return (fabs(x) == 1.0" + f + " && !(fabs(y) < INFINITY)) ? (" + t + ")NAN : pow(x, y);\n"
                + "}\n";
    }

    private static String cast(String to, String from) {
        String name = "jdpx_" + (to.equals("long") ? "d2l" : "d2i") + "_" + from;
        return "/* Java (" + to + ") cast of a " + from + ": truncate, saturate, NaN gives 0. */\n"
                + to + " " + name + "(" + from + " x) {\n"
                + "    return isnan(x) ? 0 : convert_" + to + "_sat_rtz(x);\n"
                + "}\n";
    }

    private static String floatAdd(String t, String u, String s, String space, String cas) {
        return "/* Atomic " + t + " add as a compare-and-swap loop on the bits; returns the old value. */\n"
                + t + " jdpx_atomic_add_" + t + "_" + space.substring(2) + "(volatile " + space + " " + t + "* p, " + t + " v) {\n"
                + "    volatile " + space + " " + s + "* q = (volatile " + space + " " + s + "*)p;\n"
                + "    " + s + " expected;\n"
                + "    " + s + " seen = *q;\n"
                + "    do {\n"
                + "        expected = seen;\n"
                + "        seen = " + cas + "(q, expected, as_" + s + "(as_" + t + "(expected) + v));\n"
                + "    } while (seen != expected);\n"
                + "    return as_" + t + "(expected);\n"
                + "}\n";
    }
}
