package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's questions about arrays (shape, size, memory overlap, layout), layout conversions,
 * number formatting and array printing with print options, inherited by {@link Dpnp}. The
 * questions read only metadata (none waits for the device except asarray_chkfinite's one
 * reduction); conversions copy on the array's device; printing reads the array to the host.
 * Bad arguments throw {@link IllegalArgumentException} with NumPy's wording.
 */
public abstract class InfoFunctions extends IndexFunctions {

    InfoFunctions() {
    }

    /** NumPy {@code shape(a)}. */
    public static long[] shape(UsmNdArray a) { return a.shape(); }
    /** NumPy {@code size(a)}: the number of elements. */
    public static long size(UsmNdArray a) { return a.size(); }
    /** NumPy {@code size(a, axis)}: the extent of one axis (null: all elements). */
    public static long size(UsmNdArray a, Integer axis) { return ArrayInfo.size(a, axis); }
    /** NumPy {@code ndim(a)}. */
    public static int ndim(UsmNdArray a) { return a.ndim(); }
    /** NumPy {@code isscalar(element)}: Java numbers, booleans, characters and strings (not arrays, even 0-d). */
    public static boolean isscalar(Object element) { return ArrayInfo.isscalar(element); }
    /** NumPy {@code iterable(y)}: arrays of at least one dimension, Java arrays, Iterables and strings. */
    public static boolean iterable(Object y) { return ArrayInfo.iterable(y); }
    /** NumPy {@code may_share_memory(a, b)}: whether the byte ranges of the views overlap in one allocation. */
    public static boolean mayShareMemory(UsmNdArray a, UsmNdArray b) { return ArrayInfo.mayShareMemory(a, b); }
    /**
     * NumPy {@code shares_memory(a, b)}: exactly whether an element's bytes are in both; throws
     * UnsupportedOperationException beyond {@link ArrayInfo#MAX_WORK} elements (use may_share_memory).
     */
    public static boolean sharesMemory(UsmNdArray a, UsmNdArray b) { return ArrayInfo.sharesMemory(a, b); }
    /** NumPy {@code broadcast_shapes(*shapes)}. */
    public static long[] broadcastShapes(long[]... shapes) { return Shapes.broadcast(shapes); }
    /** NumPy {@code isfortran(a)}: Fortran-contiguous and not C-contiguous. */
    public static boolean isfortran(UsmNdArray a) { return ArrayInfo.isfortran(a); }
    /** NumPy {@code ascontiguousarray(a)}: a C-contiguous array (a itself when it is one; at least 1-D). */
    public static UsmNdArray ascontiguousarray(UsmNdArray a) { return ArrayInfo.ascontiguousarray(a); }
    /** NumPy {@code asfortranarray(a)}: a Fortran-contiguous array (a itself when it is one; at least 1-D). */
    public static UsmNdArray asfortranarray(UsmNdArray a) { return ArrayInfo.asfortranarray(a); }
    /** NumPy {@code require(a, dtype, requirements)}: flags "C", "F", "A", "W", "O", "E". */
    public static UsmNdArray require(UsmNdArray a, DType dtype, String... requirements) { return ArrayInfo.require(a, dtype, requirements); }
    /** NumPy {@code asanyarray(a)}: a itself (there are no array subclasses here). */
    public static UsmNdArray asanyarray(UsmNdArray a) { return a; }
    /** NumPy {@code asanyarray(a, dtype=..., device=...)}. */
    public static UsmNdArray asanyarray(UsmNdArray a, ArrayOptions o) { return Dpnp.asarray(a, o); }
    /** NumPy {@code asarray_chkfinite(a)}: throws IllegalArgumentException when a holds an inf or NaN. */
    public static UsmNdArray asarrayChkfinite(UsmNdArray a) { return ArrayInfo.asarrayChkfinite(a, ArrayOptions.on(a.queue())); }
    /** NumPy {@code asarray_chkfinite(a, dtype=..., device=...)}. */
    public static UsmNdArray asarrayChkfinite(UsmNdArray a, ArrayOptions o) { return ArrayInfo.asarrayChkfinite(a, o); }
    /** NumPy {@code base_repr(number, base=2, padding=0)}. */
    public static String baseRepr(long number) { return ArrayInfo.baseRepr(number, 2, 0); }
    /** NumPy {@code base_repr(number, base, padding)}: digits 0-9A-Z, base 2..36. */
    public static String baseRepr(long number, int base, int padding) { return ArrayInfo.baseRepr(number, base, padding); }
    /** NumPy {@code binary_repr(num)}. */
    public static String binaryRepr(long num) { return ArrayInfo.binaryRepr(num, null); }
    /** NumPy {@code binary_repr(num, width)}: negative numbers in two's complement of that width. */
    public static String binaryRepr(long num, Integer width) { return ArrayInfo.binaryRepr(num, width); }

    /** NumPy {@code array2string(a)}: the elements as NumPy prints them under the current print options (reads a to the host). */
    public static String array2string(UsmNdArray a) { return ArrayText.array2string(a, ArrayText.options(), " ", "", ""); }
    /**
     * NumPy {@code array2string(a, max_line_width, precision, suppress_small, separator, prefix)}: null
     * arguments take the print options; prefix only indents the following lines, as in NumPy.
     */
    public static String array2string(UsmNdArray a, Integer maxLineWidth, Integer precision, Boolean suppressSmall, String separator,
                                      String prefix) {
        PrintOptions o = ArrayText.options();
        if (maxLineWidth != null) o = o.linewidth(maxLineWidth);
        if (precision != null) o = o.precision(precision);
        if (suppressSmall != null) o = o.suppress(suppressSmall);
        return ArrayText.array2string(a, o, separator == null ? " " : separator, prefix == null ? "" : prefix, "");
    }
    /** NumPy {@code array_repr(a)}: {@code array([...], dtype=...)} (reads a to the host). */
    public static String arrayRepr(UsmNdArray a) { return ArrayText.repr(a); }
    /** NumPy {@code array_str(a)}: the elements without the {@code array(} wrapper (reads a to the host). */
    public static String arrayStr(UsmNdArray a) { return ArrayText.str(a); }
    /** NumPy {@code get_printoptions()}: the options array2string, array_str and array_repr use. */
    public static PrintOptions getPrintoptions() { return ArrayText.options(); }
    /** NumPy {@code set_printoptions(...)}: replaces them (for every thread; UsmNdArray.toString is not affected). */
    public static void setPrintoptions(PrintOptions options) { ArrayText.options(options); }
    /** NumPy's {@code with printoptions(...)}: sets {@code options} until the returned scope is closed (try-with-resources). */
    public static PrintOptions.Scope printoptions(PrintOptions options) {
        PrintOptions before = ArrayText.options();
        ArrayText.options(options);
        return () -> ArrayText.options(before);
    }

    /** NumPy {@code format_float_positional(x)}: the shortest digits that read back as x (a Float: as float32), trim 'k'. */
    public static String formatFloatPositional(Number x) {
        return formatFloatPositional(x, null, true, true, "k", false, null, null, null);
    }
    /**
     * NumPy {@code format_float_positional(x, precision, unique, fractional, trim, sign, pad_left, pad_right, min_digits)};
     * null means NumPy's None; trim "k", ".", "0" or "-". Throws IllegalArgumentException as NumPy's ValueError.
     */
    public static String formatFloatPositional(Number x, Integer precision, boolean unique, boolean fractional, String trim, boolean sign,
                                               Integer padLeft, Integer padRight, Integer minDigits) {
        return FloatFormat.positional(x.doubleValue(), x instanceof Float, precision, unique, fractional, trimChar(trim), sign,
                padLeft == null ? -1 : padLeft, padRight == null ? -1 : padRight, minDigits);
    }
    /** NumPy {@code format_float_scientific(x)}: shortest digits, trim 'k', exponent of at least 2 digits. */
    public static String formatFloatScientific(Number x) {
        return formatFloatScientific(x, null, true, "k", false, null, null, null);
    }
    /** NumPy {@code format_float_scientific(x, precision, unique, trim, sign, pad_left, exp_digits, min_digits)}. */
    public static String formatFloatScientific(Number x, Integer precision, boolean unique, String trim, boolean sign, Integer padLeft,
                                               Integer expDigits, Integer minDigits) {
        return FloatFormat.scientific(x.doubleValue(), x instanceof Float, precision, unique, trimChar(trim), sign,
                padLeft == null ? -1 : padLeft, expDigits == null ? 0 : expDigits, minDigits);
    }

    private static char trimChar(String trim) {
        if (trim == null || trim.length() != 1) throw new IllegalArgumentException("trim must be one of 'k', '.', '0' or '-', got " + trim);
        return trim.charAt(0);
    }
}
