package org.jdpx.dpnp;

import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's questions about arrays (shape, size, memory overlap, layout), layout conversions and
 * number formatting, inherited by {@link Dpnp}. The questions read only metadata (none waits
 * for the device except asarray_chkfinite's one reduction); conversions copy on the array's
 * device. Bad arguments throw {@link IllegalArgumentException} with NumPy's wording.
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
}
