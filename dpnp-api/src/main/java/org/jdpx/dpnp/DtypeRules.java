package org.jdpx.dpnp;

import java.math.BigInteger;
import java.util.Locale;
import org.jdpx.tensor.Complex;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Promotion;
import org.jdpx.tensor.UsmNdArray;

/** NumPy 2's answers to questions about dtypes, computed on the host (no device involved). */
final class DtypeRules {
    /** NumPy's type characters by decreasing element size, as its mintypecode orders them. */
    private static final String BY_SIZE = "GDFgdfQqLlIiHhBb?";

    private DtypeRules() {
    }

    /** NumPy's one-letter code of {@code t} (int64 is 'l' as on Linux). */
    static char charOf(DType t) {
        return t.typeChar();
    }

    static DType resultType(Object... args) {
        DType strong = null;
        DType.Kind weak = null;
        for (Object a : args) {
            DType t = switch (a) {
                case UsmNdArray x -> x.dtype();
                case DType d -> d;
                case String s -> DType.of(s);
                default -> null;
            };
            if (t != null) {
                strong = strong == null ? t : Promotion.result(strong, t);
                continue;
            }
            DType.Kind k = Promotion.scalarKind(a);
            weak = weak == null || k.ordinal() > weak.ordinal() ? k : weak;
        }
        if (strong == null && weak == null) throw new IllegalArgumentException("result_type needs at least one array, dtype or scalar");
        if (strong == null) {
            return switch (weak) {
                case BOOL -> DType.BOOL;
                case SIGNED, UNSIGNED -> DType.INT64;
                case FLOAT -> DType.FLOAT64;
                case COMPLEX -> DType.COMPLEX128;
            };
        }
        return weak == null ? strong : Promotion.withScalar(strong, weak, DType.FLOAT64);
    }

    /** Kinds in NumPy's same_kind order: bool, unsigned, signed, float, complex. */
    private static int kindRank(DType t) {
        return switch (t.kind()) {
            case BOOL -> 0;
            case UNSIGNED -> 1;
            case SIGNED -> 2;
            case FLOAT -> 3;
            case COMPLEX -> 4;
        };
    }

    static boolean canCast(DType from, DType to, String casting) {
        return switch (casting) {
            case "no", "equiv" -> from == to;
            case "safe" -> Promotion.result(from, to) == to;
            case "same_kind" -> Promotion.result(from, to) == to || kindRank(from) <= kindRank(to);
            case "unsafe" -> true;
            default -> throw new IllegalArgumentException("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or"
                    + " 'unsafe', not '" + casting + "'");
        };
    }

    static DType minScalarType(Object v) {
        return switch (v) {
            case Boolean b -> DType.BOOL;
            case Complex c -> fitsSingle(c.re()) && fitsSingle(c.im()) ? DType.COMPLEX64 : DType.COMPLEX128;
            case Double d -> minFloat(d);
            case Float f -> minFloat(f);
            case BigInteger b -> minInt(b);
            case Number n -> minInt(BigInteger.valueOf(n.longValue()));
            case null, default -> throw new IllegalArgumentException("min_scalar_type takes a Java number, boolean or Complex, not " + v);
        };
    }

    private static boolean fitsSingle(double d) {
        return !Double.isFinite(d) || Math.abs(d) < 3.4e38;
    }

    /** NumPy's bounds: float16 below 65000 in magnitude, float32 below 3.4e38; non-finite values fit float16. */
    private static DType minFloat(double d) {
        if (!Double.isFinite(d) || Math.abs(d) < 65000) return DType.FLOAT16;
        return fitsSingle(d) ? DType.FLOAT32 : DType.FLOAT64;
    }

    private static DType minInt(BigInteger v) {
        if (v.signum() >= 0) {
            int bits = v.bitLength();
            return bits <= 8 ? DType.UINT8 : bits <= 16 ? DType.UINT16 : bits <= 32 ? DType.UINT32 : bits <= 64 ? DType.UINT64
                    : DType.FLOAT64;
        }
        int bits = v.bitLength() + 1;
        return bits <= 8 ? DType.INT8 : bits <= 16 ? DType.INT16 : bits <= 32 ? DType.INT32 : bits <= 64 ? DType.INT64 : DType.FLOAT64;
    }

    static DType commonType(UsmNdArray... arrays) {
        boolean complex = false;
        int bits = 0;
        for (UsmNdArray a : arrays) {
            DType t = a.dtype();
            if (t == DType.BOOL) {
                throw new IllegalArgumentException("common_type: can't get common type for non-numeric array of dtype bool");
            }
            complex |= t.isComplex();
            bits = Math.max(bits, t.isInexact() ? t.realPart().itemSize() * 8 : 64);
        }
        if (arrays.length == 0) return DType.FLOAT16;
        if (complex) return bits <= 32 ? DType.COMPLEX64 : DType.COMPLEX128;
        return bits == 16 ? DType.FLOAT16 : bits == 32 ? DType.FLOAT32 : DType.FLOAT64;
    }

    static String mintypecode(String typechars, String typeset, String dflt) {
        StringBuilder in = new StringBuilder();
        for (char c : typechars.toCharArray()) if (typeset.indexOf(c) >= 0) in.append(c);
        if (in.isEmpty()) return dflt;
        if (in.indexOf("F") >= 0 && in.indexOf("d") >= 0) return "D";
        char best = 0;
        for (char c : in.toString().toCharArray()) {
            if (best == 0 || BY_SIZE.indexOf(c) < BY_SIZE.indexOf(best)) best = c;
        }
        return String.valueOf(best);
    }

    static boolean issubdtype(DType t, String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "generic" -> true;
            case "number" -> t != DType.BOOL;
            case "integer" -> t.isInteger();
            case "signedinteger" -> t.kind() == DType.Kind.SIGNED;
            case "unsignedinteger" -> t.kind() == DType.Kind.UNSIGNED;
            case "inexact" -> t.isInexact();
            case "floating" -> t.isFloat();
            case "complexfloating" -> t.isComplex();
            case "bool", "bool_" -> t == DType.BOOL;
            default -> t == DType.of(name);
        };
    }

    static boolean isdtype(DType t, String kind) {
        return switch (kind) {
            case "bool" -> t == DType.BOOL;
            case "signed integer" -> t.kind() == DType.Kind.SIGNED;
            case "unsigned integer" -> t.kind() == DType.Kind.UNSIGNED;
            case "integral" -> t.isInteger();
            case "real floating" -> t.isFloat();
            case "complex floating" -> t.isComplex();
            case "numeric" -> t != DType.BOOL;
            default -> t == DType.of(kind);
        };
    }

    static String typename(String c) {
        return switch (c) {
            case "?" -> "bool";
            case "b" -> "signed char";
            case "B" -> "unsigned char";
            case "h" -> "short";
            case "H" -> "unsigned short";
            case "i" -> "integer";
            case "I" -> "unsigned integer";
            case "l" -> "long integer";
            case "L" -> "unsigned long integer";
            case "q" -> "long long integer";
            case "Q" -> "unsigned long long integer";
            case "f" -> "single precision";
            case "d" -> "double precision";
            case "g" -> "long precision";
            case "F" -> "complex single precision";
            case "D" -> "complex double precision";
            case "G" -> "complex long double precision";
            case "S1" -> "character";
            case "S" -> "string";
            case "U" -> "unicode";
            case "V" -> "void";
            case "O" -> "object";
            default -> throw new IllegalArgumentException("typename: NumPy has no name for type character '" + c + "'");
        };
    }
}
