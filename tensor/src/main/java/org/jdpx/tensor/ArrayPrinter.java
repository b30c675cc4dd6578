package org.jdpx.tensor;

import java.lang.foreign.MemorySegment;
import java.math.BigDecimal;

/**
 * NumPy-style {@code repr} of an array with its device: nested brackets aligned under the
 * opening one, columns padded to one width, integral floats printed as {@code 1.}, the middle
 * of large arrays (over 1000 elements) summarized as {@code ...}, and the dtype shown unless it
 * is NumPy's default for its kind. Reads the array to the host (waits for the device).
 */
final class ArrayPrinter {
    private static final String NAME = "UsmNdArray";
    private static final int THRESHOLD = 1000;
    private static final int EDGE = 3;

    private ArrayPrinter() {
    }

    static String repr(UsmNdArray a) {
        String suffix = (defaultDtype(a.dtype()) ? "" : ", dtype=" + a.dtype()) + ", device="
                + a.device().filterString() + ")";
        if (a.size() == 0) {
            return NAME + "([], shape=" + Shapes.describe(a.shape()) + ", dtype=" + a.dtype() + ", device="
                    + a.device().filterString() + ")";
        }
        MemorySegment host = a.toHostSegment();
        long[] shape = a.shape();
        boolean summarize = a.size() > THRESHOLD;
        String[] cells = format(host, a.dtype(), a.size());
        int width = 0;
        for (String c : cells) width = Math.max(width, c.length());
        StringBuilder sb = new StringBuilder(NAME).append('(');
        write(sb, cells, width, shape, Shapes.cStrides(shape), 0, 0, NAME.length() + 1, summarize, a.dtype());
        return sb.append(suffix).toString();
    }

    private static boolean defaultDtype(DType t) {
        return t == DType.FLOAT64 || t == DType.INT64 || t == DType.BOOL || t == DType.COMPLEX128;
    }

    private static void write(StringBuilder sb, String[] cells, int width, long[] shape, long[] strides, int axis,
                              long offset, int indent, boolean summarize, DType t) {
        if (axis == shape.length) {
            String c = cells[(int) offset];
            sb.append(" ".repeat(width - c.length())).append(c);
            return;
        }
        sb.append('[');
        long n = shape[axis];
        boolean cut = summarize && n > 2 * EDGE;
        String sep = axis == shape.length - 1 ? ", " : "," + "\n".repeat(shape.length - 1 - axis) + " ".repeat(indent + axis + 1);
        for (long i = 0; i < n; i++) {
            if (cut && i == EDGE) {
                sb.append("...").append(sep);
                i = n - EDGE;
            }
            write(sb, cells, width, shape, strides, axis + 1, offset + i * strides[axis], indent, summarize, t);
            if (i < n - 1) sb.append(sep);
        }
        sb.append(']');
    }

    private static String[] format(MemorySegment s, DType t, long n) {
        String[] out = new String[(int) n];
        if (t == DType.BOOL) {
            for (int i = 0; i < n; i++) out[i] = HostData.getLong(s, t, i) != 0 ? "True" : "False";
            return out;
        }
        if (!t.isInexact()) {
            for (int i = 0; i < n; i++) {
                long v = HostData.getLong(s, t, i);
                out[i] = t == DType.UINT64 ? Long.toUnsignedString(v) : Long.toString(v);
            }
            return out;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < n; i++) v[i] = HostData.getDouble(s, t, i);
        if (!t.isComplex()) return floats(v, t);
        // NumPy's complex column: the real parts aligned as floats, then each imaginary part with its sign and j.
        double[] im = new double[(int) n];
        for (int i = 0; i < n; i++) im[i] = Math.abs(HostData.getImag(s, t, i));
        String[] re = floats(v, t.realPart());
        String[] ims = floats(im, t.realPart());
        for (int i = 0; i < n; i++) {
            boolean negative = (Double.doubleToRawLongBits(HostData.getImag(s, t, i)) < 0) && !Double.isNaN(im[i]);
            out[i] = re[i] + (negative ? "-" : "+") + ims[i].strip() + "j" + " ".repeat(ims[i].length() - ims[i].strip().length());
        }
        return out;
    }

    /** Python's text of one complex value, e.g. {@code 1+2j} or {@code 0.5-0.25j}. */
    static String complexCell(double re, double im) {
        String r = floats(new double[] {re}, DType.FLOAT64)[0];
        String i = floats(new double[] {Math.abs(im)}, DType.FLOAT64)[0];
        return strip(r) + (im < 0 || (im == 0 && 1 / im < 0) ? "-" : "+") + strip(i) + "j";
    }

    private static String strip(String f) {
        return f.endsWith(".") ? f.substring(0, f.length() - 1) : f;
    }

    /** Float cells in one column format: fixed or scientific for all, aligned on the point. */
    private static String[] floats(double[] values, DType t) {
        int n = values.length;
        String[] out = new String[n];
        boolean integral = true;
        double maxAbs = 0;
        double minAbs = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double v = values[i];
            if (Double.isFinite(v)) {
                integral &= v == Math.rint(v);
                maxAbs = Math.max(maxAbs, Math.abs(v));
                if (v != 0) minAbs = Math.min(minAbs, Math.abs(v));
            }
        }
        boolean scientific = maxAbs >= 1e16 || (minAbs < 1e-4 && !integral) || (maxAbs > 0 && maxAbs / minAbs > 1e3 && minAbs < 1e-4);
        int left = 0;
        int right = 0;
        for (int i = 0; i < n; i++) {
            out[i] = cell(values[i], t, integral, scientific);
            int dot = out[i].indexOf('.');
            if (dot >= 0) {
                left = Math.max(left, dot);
                right = Math.max(right, out[i].length() - dot - 1);
            }
        }
        // Align on the decimal point as NumPy does; nan and inf right-align in the column.
        for (int i = 0; i < n; i++) {
            int dot = out[i].indexOf('.');
            if (dot >= 0) {
                out[i] = " ".repeat(left - dot) + out[i] + " ".repeat(right - (out[i].length() - dot - 1));
            } else {
                out[i] = " ".repeat(Math.max(0, left + 1 + right - out[i].length())) + out[i];
            }
        }
        return out;
    }

    private static String cell(double v, DType t, boolean integral, boolean scientific) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (scientific) {
            String e = String.format("%.8e", v);
            String mant = e.substring(0, e.indexOf('e')).replaceAll("0+$", "");
            String exp = e.substring(e.indexOf('e') + 1);
            int x = Integer.parseInt(exp);
            return mant + "e" + (x < 0 ? "-" : "+") + String.format("%02d", Math.abs(x));
        }
        if (integral) return (long) v + ".";
        // Shortest text that reads back as the same float32/float64, at most 8 decimals (NumPy's precision).
        String shortest = t == DType.FLOAT16 ? shortestHalf(v) : t == DType.FLOAT32 ? Float.toString((float) v) : Double.toString(v);
        BigDecimal d = new BigDecimal(shortest);
        if (d.scale() > 8) d = d.setScale(8, java.math.RoundingMode.HALF_EVEN);
        String text = d.stripTrailingZeros().toPlainString();
        return text.contains(".") ? text : text + ".";
    }

    /** The fewest significant digits that read back as the same float16 (NumPy prints float16 so). */
    private static String shortestHalf(double v) {
        short bits = HostData.toHalf(v);
        for (int digits = 1; digits < 6; digits++) {
            BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
            if (HostData.toHalf(d.doubleValue()) == bits) return d.toPlainString();
        }
        return Double.toString(v);
    }
}
