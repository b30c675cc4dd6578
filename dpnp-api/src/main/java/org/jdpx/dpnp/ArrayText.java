package org.jdpx.dpnp;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's array2string, array_str and array_repr: the array read to the host and laid out as
 * NumPy 2 does (one width per array, shortest round-trip digits cut to {@code precision},
 * scientific notation when the magnitudes call for it, rows wrapped at {@code linewidth},
 * summarized with {@code ...} past {@code threshold} elements), under the current
 * {@link PrintOptions}.
 */
final class ArrayText {
    private static volatile PrintOptions options = PrintOptions.DEFAULTS;

    private ArrayText() {
    }

    static PrintOptions options() {
        return options;
    }

    static void options(PrintOptions o) {
        if (o == null) throw new IllegalArgumentException("set_printoptions: options must not be null");
        options = o;
    }

    /** NumPy's array2string with {@code separator} between elements and {@code prefix} / {@code suffix} around the text. */
    static String array2string(UsmNdArray a, PrintOptions o, String separator, String prefix, String suffix) {
        if (a.size() == 0) return "[]";
        long[] shape = a.shape();
        boolean summarize = a.size() > o.threshold();
        LongFunction<String> cell = formatter(a, shown(shape, summarize ? o.edgeitems() : -1), o);
        if (shape.length == 0) return cell.apply(0);
        Layout l = new Layout(shape, cell, separator, o.edgeitems(), summarize);
        return l.recurse(new long[0], " " + " ".repeat(prefix.length()), o.linewidth() - suffix.length());
    }

    /** NumPy's array_str; a 0-d array reads as its scalar does in Python. */
    static String str(UsmNdArray a) {
        if (a.ndim() != 0) return array2string(a, options, " ", "", "");
        DType t = a.dtype();
        if (t == DType.BOOL) return a.item() != 0 ? "True" : "False";
        if (!t.isFloat()) return t == DType.UINT64 ? Long.toUnsignedString(a.itemLong()) : Long.toString(a.itemLong());
        return python(a.item(), t == DType.FLOAT32);
    }

    /** Python's repr of a float: shortest digits, positional for exponents -4..15, else {@code 1.5e+20}. */
    static String python(double x, boolean f32) {
        if (Double.isNaN(x)) return "nan";
        if (Double.isInfinite(x)) return x > 0 ? "inf" : "-inf";
        String sign = Double.doubleToRawLongBits(x) < 0 ? "-" : "";
        BigDecimal d = new BigDecimal(f32 ? Float.toString((float) Math.abs(x)) : Double.toString(Math.abs(x)));
        if (d.signum() == 0) return sign + "0.0";
        d = d.stripTrailingZeros();
        int e = d.precision() - d.scale() - 1;
        if (e >= -4 && e < 16) {
            String s = d.toPlainString();
            return sign + (s.contains(".") ? s : s + ".0");
        }
        String m = d.movePointLeft(e).toPlainString();
        return sign + m + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
    }

    /** NumPy 2's array_repr: {@code array(...)} with the shape when summarized or empty, the dtype unless implied. */
    static String repr(UsmNdArray a) {
        PrintOptions o = options;
        String prefix = "array(";
        String body = array2string(a, o, ", ", prefix, ")");
        List<String> extras = new ArrayList<>();
        long[] shape = a.shape();
        boolean flatEmpty = shape.length == 1 && shape[0] == 0;
        if (a.size() == 0 && !flatEmpty || a.size() > o.threshold()) extras.add("shape=" + tuple(shape));
        DType t = a.dtype();
        if (!(t == DType.FLOAT64 || t == DType.INT64 || t == DType.BOOL) || a.size() == 0) extras.add("dtype=" + t);
        if (extras.isEmpty()) return prefix + body + ")";
        String text = prefix + body + ",";
        String extra = String.join(", ", extras) + ")";
        int lastLine = text.length() - (text.lastIndexOf('\n') + 1);
        String spacer = lastLine + extra.length() + 1 > o.linewidth() ? "\n" + " ".repeat(prefix.length()) : " ";
        return text + spacer + extra;
    }

    /** A shape as Python writes a tuple: {@code (2, 3)}, {@code (5,)}, {@code ()}. */
    static String tuple(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /** The flat C-order positions shown: all, or the first and last {@code edge} along every axis. */
    private static long[] shown(long[] shape, int edge) {
        List<Long> out = new ArrayList<>();
        long[] strides = Shapes.cStrides(shape);
        collect(shape, strides, 0, 0, edge, out);
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private static void collect(long[] shape, long[] strides, int axis, long base, int edge, List<Long> out) {
        if (axis == shape.length) {
            out.add(base);
            return;
        }
        long n = shape[axis];
        boolean cut = edge >= 0 && 2L * edge < n;
        for (long i = 0; i < n; i++) {
            if (cut && i == edge) i = n - edge;
            collect(shape, strides, axis + 1, base + i * strides[axis], edge, out);
        }
    }

    /** Formats element {@code i} (flat C order) with one width for the whole array, from the shown elements. */
    private static LongFunction<String> formatter(UsmNdArray a, long[] shown, PrintOptions o) {
        DType t = a.dtype();
        UsmNdArray dense = Dense.of(a);
        if (t == DType.BOOL) {
            boolean[] v = dense.toBooleanArray();
            String yes = a.ndim() == 0 ? "True" : " True";
            return i -> v[(int) i] ? yes : "False";
        }
        if (!t.isFloat()) {
            long[] v = dense.toLongArray();
            boolean unsigned64 = t == DType.UINT64;
            LongFunction<String> text = i -> unsigned64 ? Long.toUnsignedString(v[(int) i]) : Long.toString(v[(int) i]);
            int width = 0;
            for (long i : shown) width = Math.max(width, text.apply(i).length());
            int w = width;
            return i -> pad(text.apply(i), w);
        }
        double[] v = dense.toDoubleArray();
        FloatText f = new FloatText(v, shown, t == DType.FLOAT32, o);
        return i -> f.format(v[(int) i]);
    }

    static String pad(String s, int width) {
        return " ".repeat(Math.max(0, width - s.length())) + s;
    }

    /** NumPy's _formatArray: nested brackets, rows wrapped at the line width, summaries as "...". */
    private record Layout(long[] shape, LongFunction<String> cell, String separator, int edge, boolean summarize) {

        String recurse(long[] index, String hanging, int width) {
            int axis = index.length;
            int left = shape.length - axis;
            if (left == 0) return cell.apply(flat(index));
            String nextHanging = hanging + " ";
            int nextWidth = width - 1;
            long n = shape[axis];
            boolean cut = summarize && 2L * edge < n;
            long leading = cut ? edge : 0;
            long trailing = cut ? edge : n;
            StringBuilder s = new StringBuilder();
            if (left == 1) {
                int elemWidth = width - Math.max(separator.stripTrailing().length(), 1);
                StringBuilder line = new StringBuilder(hanging);
                for (long i = 0; i < leading; i++) {
                    extend(s, line, recurse(with(index, i), nextHanging, nextWidth), elemWidth, hanging);
                    line.append(separator);
                }
                if (cut) {
                    extend(s, line, "...", elemWidth, hanging);
                    line.append(separator);
                }
                for (long i = trailing; i > 1; i--) {
                    extend(s, line, recurse(with(index, n - i), nextHanging, nextWidth), elemWidth, hanging);
                    line.append(separator);
                }
                extend(s, line, recurse(with(index, n - 1), nextHanging, nextWidth), elemWidth, hanging);
                s.append(line);
            } else {
                String lineSep = separator.stripTrailing() + "\n".repeat(left - 1);
                for (long i = 0; i < leading; i++) s.append(hanging).append(recurse(with(index, i), nextHanging, nextWidth)).append(lineSep);
                if (cut) s.append(hanging).append("...").append(lineSep);
                for (long i = trailing; i > 1; i--) {
                    s.append(hanging).append(recurse(with(index, n - i), nextHanging, nextWidth)).append(lineSep);
                }
                s.append(hanging).append(recurse(with(index, n - 1), nextHanging, nextWidth));
            }
            return "[" + s.substring(hanging.length()) + "]";
        }

        private static void extend(StringBuilder s, StringBuilder line, String word, int width, String nextPrefix) {
            boolean wrap = line.length() + word.length() > width && line.length() > nextPrefix.length();
            if (wrap) {
                s.append(line.toString().stripTrailing()).append("\n");
                line.setLength(0);
                line.append(nextPrefix);
            }
            line.append(word);
        }

        private long flat(long[] index) {
            long f = 0;
            for (int i = 0; i < shape.length; i++) f = f * shape[i] + index[i];
            return f;
        }

        private static long[] with(long[] index, long i) {
            long[] r = java.util.Arrays.copyOf(index, index.length + 1);
            r[index.length] = i;
            return r;
        }
    }

    /** NumPy's FloatingFormat in its default 'maxprec' mode. */
    private static final class FloatText {
        private final boolean f32;
        private final PrintOptions o;
        private boolean exp;
        private int padLeft;
        private int padRight;
        private int precision;
        private int expSize;

        FloatText(double[] v, long[] shown, boolean f32, PrintOptions o) {
            this.f32 = f32;
            this.o = o;
            this.precision = o.precision();
            List<Double> finite = new ArrayList<>();
            boolean nonFinite = false;
            boolean negInf = false;
            for (long i : shown) {
                double x = v[(int) i];
                if (Double.isFinite(x)) finite.add(x);
                else {
                    nonFinite = true;
                    negInf |= x == Double.NEGATIVE_INFINITY;
                }
            }
            if (finite.isEmpty()) {
                padLeft = 0;
                padRight = 0;
                expSize = -1;
            } else {
                double max = 0;
                double min = Double.POSITIVE_INFINITY;
                for (double x : finite) {
                    double m = Math.abs(x);
                    if (m == 0) continue;
                    max = Math.max(max, m);
                    min = Math.min(min, m);
                }
                exp = max > 0 && (max >= 1e8 || (!o.suppress() && (min < 1e-4 || max / min > 1e3)));
                if (exp) {
                    int frac = 0;
                    int lead = 0;
                    int e = 0;
                    for (double x : finite) {
                        String s = scientific(x, o.precision());
                        int dot = s.indexOf('.');
                        int ei = s.indexOf('e');
                        lead = Math.max(lead, dot);
                        frac = Math.max(frac, ei - dot - 1);
                        e = Math.max(e, s.length() - ei - 2);
                    }
                    precision = frac;
                    padLeft = lead;
                    expSize = e;
                    padRight = expSize + 2 + precision;
                } else {
                    for (double x : finite) {
                        String s = positional(x, o.precision());
                        int dot = s.indexOf('.');
                        padLeft = Math.max(padLeft, dot);
                        padRight = Math.max(padRight, s.length() - dot - 1);
                    }
                    expSize = -1;
                }
            }
            if (nonFinite) {
                int offset = padRight + 1;
                padLeft = Math.max(padLeft, Math.max(o.nanstr().length() - offset, o.infstr().length() + (negInf ? 1 : 0) - offset));
            }
        }

        String format(double x) {
            if (!Double.isFinite(x)) {
                String r = Double.isNaN(x) ? o.nanstr() : (x < 0 ? "-" : "") + o.infstr();
                return pad(r, padLeft + padRight + 1);
            }
            if (exp) return FloatFormat.scientific(x, f32, precision, true, 'k', false, padLeft, expSize, precision);
            return FloatFormat.positional(x, f32, precision, true, true, '.', false, padLeft, padRight, null);
        }

        private String positional(double x, int p) {
            return FloatFormat.positional(x, f32, p, true, true, '.', false, -1, -1, null);
        }

        private String scientific(double x, int p) {
            return FloatFormat.scientific(x, f32, p, true, '.', false, -1, 0, null);
        }
    }
}
