package org.jdpx.dpnp;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * NumPy's Dragon4 float formatting (format_float_positional, format_float_scientific) on the
 * host: unique mode prints the shortest digits that read back as the value (in float32 or
 * float64); past {@code precision} it rounds the exact binary value there (a carry drops the zeros
 * it leaves, as Dragon4 does); exact mode prints the binary value's digits. Also the element formatting of {@link ArrayText}.
 */
final class FloatFormat {

    private FloatFormat() {
    }

    /** The shortest decimal that reads back as |x| in its precision, without trailing zeros. */
    private static BigDecimal shortest(double x, boolean f32) {
        BigDecimal d = new BigDecimal(f32 ? Float.toString((float) Math.abs(x)) : Double.toString(Math.abs(x))).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private static BigDecimal exact(double x, boolean f32) {
        return f32 ? new BigDecimal((double) (float) Math.abs(x)) : new BigDecimal(Math.abs(x));
    }

    /** {@code d} cut by {@code cut}; a rounding up loses the zeros its carry made. */
    private static BigDecimal cut(BigDecimal d, BigDecimal cut) {
        return cut.compareTo(d) > 0 ? strip(cut) : cut;
    }

    private static BigDecimal strip(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static void check(String fn, Integer precision, boolean unique, Integer minDigits, char trim) {
        if (!unique && precision == null) throw new IllegalArgumentException(fn + ": precision must be provided when unique is False");
        if (precision != null && precision < 0) throw new IllegalArgumentException(fn + ": precision must be >= 0");
        if (minDigits != null && precision != null && minDigits > precision) {
            throw new IllegalArgumentException(fn + ": min_digits must be less than or equal to precision");
        }
        if ("k.0-".indexOf(trim) < 0) throw new IllegalArgumentException(fn + ": trim must be one of 'k', '.', '0' or '-', got '" + trim + "'");
    }

    /** Non-finite values as NumPy writes them. */
    private static String special(double x, boolean sign) {
        if (Double.isNaN(x)) return "nan";
        return x < 0 ? "-inf" : sign ? "+inf" : "inf";
    }

    /** NumPy's format_float_positional. {@code padLeft}/{@code padRight} below 0: no padding. */
    static String positional(double x, boolean f32, Integer precision, boolean unique, boolean fractional, char trim, boolean sign,
                             int padLeft, int padRight, Integer minDigits) {
        check("format_float_positional", precision, unique, minDigits, trim);
        if (!Double.isFinite(x)) return special(x, sign);
        BigDecimal d;
        if (unique) {
            d = shortest(x, f32);
            if (precision != null) {
                boolean over = fractional ? d.scale() > precision : d.precision() > precision;
                BigDecimal e = exact(x, f32);
                if (over) d = cut(e, fractional ? e.setScale(precision, RoundingMode.HALF_EVEN)
                        : e.round(new MathContext(Math.max(1, precision), RoundingMode.HALF_EVEN)));
            }
            if (minDigits != null && d.scale() < minDigits) d = exact(x, f32).setScale(minDigits, RoundingMode.HALF_EVEN);
        } else {
            d = fractional ? exact(x, f32).setScale(precision, RoundingMode.HALF_EVEN)
                    : exact(x, f32).round(new MathContext(Math.max(1, precision), RoundingMode.HALF_EVEN));
        }
        String plain = d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        String text = trimmed(plain, trim);
        String head = (Double.doubleToRawLongBits(x) < 0 ? "-" : sign ? "+" : "");
        int dot = text.indexOf('.');
        String intPart = head + (dot < 0 ? text : text.substring(0, dot));
        String rest = dot < 0 ? "" : text.substring(dot);
        if (padRight >= 0 && dot >= 0) rest = rest + " ".repeat(Math.max(0, padRight - (rest.length() - 1)));
        return ArrayText.pad(intPart, padLeft) + rest;
    }

    /** NumPy's format_float_scientific. {@code padLeft} below 0: none; the exponent has at least max(2, expDigits) digits. */
    static String scientific(double x, boolean f32, Integer precision, boolean unique, char trim, boolean sign, int padLeft,
                             int expDigits, Integer minDigits) {
        check("format_float_scientific", precision, unique, minDigits, trim);
        if (!Double.isFinite(x)) return special(x, sign);
        BigDecimal d = unique ? shortest(x, f32) : exact(x, f32);
        int e = d.signum() == 0 ? 0 : d.precision() - d.scale() - 1;
        BigDecimal m = d.movePointLeft(e);
        if (unique) {
            m = strip(m);
            if (precision != null && m.scale() > precision) {
                BigDecimal em = exact(x, f32).movePointLeft(e);
                m = cut(em, em.setScale(precision, RoundingMode.HALF_EVEN));
            }
            if (minDigits != null && m.scale() < minDigits) m = exact(x, f32).movePointLeft(e).setScale(minDigits, RoundingMode.HALF_EVEN);
        } else {
            m = m.setScale(precision, RoundingMode.HALF_EVEN);
        }
        if (m.compareTo(BigDecimal.TEN) >= 0) {
            m = unique ? strip(m.movePointLeft(1)) : m.movePointLeft(1).setScale(precision, RoundingMode.HALF_EVEN);
            e++;
        }
        String text = trimmed(m.toPlainString(), trim);
        String digits = Integer.toString(Math.abs(e));
        String exp = (e < 0 ? "-" : "+") + "0".repeat(Math.max(0, Math.max(2, expDigits) - digits.length())) + digits;
        String head = (Double.doubleToRawLongBits(x) < 0 ? "-" : sign ? "+" : "");
        int dot = text.indexOf('.');
        String intPart = head + (dot < 0 ? text : text.substring(0, dot));
        return ArrayText.pad(intPart, padLeft) + (dot < 0 ? "" : text.substring(dot)) + "e" + exp;
    }

    /** NumPy's trim modes on a plain decimal: k keeps, '.' drops trailing zeros, '0' keeps one zero, '-' drops the point too. */
    private static String trimmed(String plain, char trim) {
        String s = plain.contains(".") ? plain : plain + ".";
        if (trim == 'k') return s;
        int end = s.length();
        while (s.charAt(end - 1) == '0') end--;
        String t = s.substring(0, end);
        if (!t.endsWith(".")) return t;
        return switch (trim) {
            case '0' -> t + "0";
            case '-' -> t.substring(0, t.length() - 1);
            default -> t;
        };
    }
}
