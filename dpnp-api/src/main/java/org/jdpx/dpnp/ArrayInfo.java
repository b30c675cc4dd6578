package org.jdpx.dpnp;

import java.util.HashSet;
import java.util.Set;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.View;

/**
 * NumPy's questions about arrays and their memory (shape, size, memory overlap, layout) and the
 * conversions to a layout (contiguous C or Fortran order, require, asarray_chkfinite); plus the
 * number formatting of base_repr and binary_repr. Layout answers come from the view; copies are
 * made on the array's device.
 */
final class ArrayInfo {
    /** The most element positions shares_memory enumerates before it gives up, as NumPy's max_work. */
    static final long MAX_WORK = 1L << 22;

    private ArrayInfo() {
    }

    static long size(UsmNdArray a, Integer axis) {
        return axis == null ? a.size() : a.shape()[Shapes.axis(axis, a.ndim())];
    }

    /** NumPy's isscalar: Java numbers, booleans, characters and strings; arrays (even 0-d) are not. */
    static boolean isscalar(Object o) {
        return o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof CharSequence;
    }

    /** NumPy's iterable: arrays of at least one dimension, Java arrays and Iterables. */
    static boolean iterable(Object o) {
        if (o instanceof UsmNdArray a) return a.ndim() > 0;
        return o instanceof Iterable<?> || (o != null && o.getClass().isArray()) || o instanceof CharSequence;
    }

    /** The byte range {@code [lo, hi)} a view touches in its allocation. */
    private static long[] bounds(UsmNdArray a) {
        View v = a.view();
        long item = a.dtype().itemSize();
        long lo = v.offset() * item;
        long hi = lo;
        long[] s = v.shape();
        long[] st = v.strides();
        for (int i = 0; i < s.length; i++) {
            if (s[i] == 0) return new long[] {lo, lo};
            long span = (s[i] - 1) * st[i] * item;
            if (span < 0) lo += span;
            else hi += span;
        }
        return new long[] {lo, hi + item};
    }

    static boolean mayShareMemory(UsmNdArray a, UsmNdArray b) {
        if (a.size() == 0 || b.size() == 0) return false;
        if (a.memory() != b.memory()) return false;
        long[] x = bounds(a);
        long[] y = bounds(b);
        return x[0] < y[1] && y[0] < x[1];
    }

    /** NumPy's shares_memory: exact, by enumerating the bytes of the smaller view once the bounds overlap. */
    static boolean sharesMemory(UsmNdArray a, UsmNdArray b) {
        if (!mayShareMemory(a, b)) return false;
        UsmNdArray small = a.size() <= b.size() ? a : b;
        UsmNdArray big = small == a ? b : a;
        if (small.size() + big.size() > MAX_WORK) {
            throw new UnsupportedOperationException("shares_memory: views of more than " + MAX_WORK + " elements together "
                    + "are too hard to decide exactly (NumPy's TooHardError); use may_share_memory");
        }
        Set<Long> bytes = new HashSet<>();
        forEachByte(small, bytes::add);
        boolean[] hit = {false};
        forEachByte(big, p -> hit[0] |= bytes.contains(p));
        return hit[0];
    }

    private static void forEachByte(UsmNdArray a, java.util.function.LongConsumer f) {
        View v = a.view();
        long[] s = v.shape();
        long[] st = v.strides();
        long item = a.dtype().itemSize();
        long[] pos = new long[s.length];
        for (long c = 0; c < a.size(); c++) {
            long off = v.offset();
            for (int i = 0; i < s.length; i++) off += pos[i] * st[i];
            for (long b = 0; b < item; b++) f.accept(off * item + b);
            for (int d = s.length - 1; d >= 0; d--) {
                if (++pos[d] < s[d]) break;
                pos[d] = 0;
            }
        }
    }

    /** NumPy's isfortran: Fortran-contiguous and not C-contiguous. */
    static boolean isfortran(UsmNdArray a) {
        View v = a.view();
        return Shapes.isFContiguous(v.shape(), v.strides()) && !v.isCContiguous();
    }

    static UsmNdArray ascontiguousarray(UsmNdArray a) {
        UsmNdArray r = a.ndim() == 0 ? a.reshape(1) : a;
        return Dense.of(r);
    }

    static UsmNdArray asfortranarray(UsmNdArray a) {
        UsmNdArray r = a.ndim() == 0 ? a.reshape(1) : a;
        if (!r.isLazy() && Shapes.isFContiguous(r.view().shape(), r.view().strides())) return r;
        return UsmNdArray.allocate(r.shape(), r.dtype(), r.queue(), r.usmType(), 'F').assign(r);
    }

    /** NumPy's require: {@code a} (as {@code dtype} when given) meeting flags C/F (layout), A/W/O (a fresh copy), E (none). */
    static UsmNdArray require(UsmNdArray a, DType dtype, String... requirements) {
        UsmNdArray r = dtype == null || dtype == a.dtype() ? a : a.astype(dtype).eval();
        boolean c = false;
        boolean f = false;
        boolean own = false;
        for (String q : requirements) {
            switch (q.toUpperCase()) {
                case "C", "C_CONTIGUOUS", "CONTIGUOUS" -> c = true;
                case "F", "F_CONTIGUOUS", "FORTRAN" -> f = true;
                case "A", "ALIGNED", "W", "WRITEABLE", "O", "OWNDATA" -> own = true;
                case "E", "ENSUREARRAY" -> { }
                default -> throw new IllegalArgumentException("require: unknown requirement '" + q + "'");
            }
        }
        if (c && f) throw new IllegalArgumentException("require: cannot specify both \"C\" and \"F\" order");
        if (own && r == a) r = a.copy().eval();
        if (f) return r.ndim() < 2 ? ascontiguousarray(r) : asfortranarray(r);
        if (c) return ascontiguousarray(r);
        return r.isLazy() ? r.eval() : r;
    }

    /** NumPy's asarray_chkfinite: {@code a} when every element is finite (one reduction read), else an exception. */
    static UsmNdArray asarrayChkfinite(UsmNdArray a, ArrayOptions o) {
        UsmNdArray r = Tensor.asarray(a, o);
        if (r.dtype().isFloat() && r.size() > 0 && Tensor.all(Tensor.isfinite(r), null, false).item() == 0) {
            throw new IllegalArgumentException("asarray_chkfinite: array must not contain infs or NaNs");
        }
        return r;
    }

    /** NumPy's base_repr: {@code number} in {@code base} (2..36), {@code padding} zeros in front. */
    static String baseRepr(long number, int base, int padding) {
        if (base > 36) throw new IllegalArgumentException("base_repr: bases greater than 36 not handled in base_repr");
        if (base < 2) throw new IllegalArgumentException("base_repr: bases less than 2 not handled in base_repr");
        String digits = java.math.BigInteger.valueOf(number).abs().toString(base).toUpperCase();
        String r = "0".repeat(Math.max(0, padding)) + (number == 0 && padding > 0 ? "" : digits);
        return number < 0 ? "-" + r : r;
    }

    /** NumPy's binary_repr: {@code num} in binary; with {@code width}, negative numbers in two's complement. */
    static String binaryRepr(long num, Integer width) {
        if (num == 0) return "0".repeat(width == null ? 1 : Math.max(1, width));
        java.math.BigInteger n = java.math.BigInteger.valueOf(num);
        if (num < 0 && width == null) return "-" + n.negate().toString(2);
        String binary;
        if (num > 0) {
            binary = n.toString(2);
        } else {
            int poswidth = n.negate().bitLength();
            if (java.math.BigInteger.ONE.shiftLeft(poswidth - 1).equals(n.negate())) poswidth--;
            binary = java.math.BigInteger.ONE.shiftLeft(poswidth + 1).add(n).toString(2);
        }
        if (width == null) return binary;
        if (width < binary.length()) {
            throw new IllegalArgumentException("binary_repr: insufficient bit width=" + width + " provided for binwidth="
                    + binary.length());
        }
        return (num > 0 ? "0" : "1").repeat(width - binary.length()) + binary;
    }
}
