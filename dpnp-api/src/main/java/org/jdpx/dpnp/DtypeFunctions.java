package org.jdpx.dpnp;

import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's functions about dtypes and complex values, inherited by {@link Dpnp} (call them as
 * {@code Dpnp.angle(z)}, {@code Dpnp.resultType(...)}). The array functions are elementwise, lazy
 * and fused, and run on their argument's device; the dtype questions are answered on the host
 * from NumPy 2's rules (checked against NumPy for every dtype pair). A separate file only to keep
 * {@code Dpnp} short.
 */
public abstract sealed class DtypeFunctions extends NumpyFileFunctions permits MoreFunctions {

    DtypeFunctions() {
    }

    // ---- complex parts ----

    /** NumPy's {@code real}: the real part (a copy; {@link UsmNdArray#real()} is the view); a real array's values. */
    public static UsmNdArray real(UsmNdArray x) { return Tensor.real(x); }

    /** NumPy's {@code imag}: the imaginary part; zeros for a real array. */
    public static UsmNdArray imag(UsmNdArray x) { return Tensor.imag(x); }

    /** NumPy's {@code conjugate}: the complex conjugate; a real array's values. */
    public static UsmNdArray conjugate(UsmNdArray x) { return Tensor.conj(x); }

    /** NumPy's {@code conj}, the same as {@link #conjugate}. */
    public static UsmNdArray conj(UsmNdArray x) { return Tensor.conj(x); }

    /**
     * NumPy's {@code sort_complex}: a sorted along its last axis in NumPy's complex order (real part,
     * then imaginary part, NaNs last), as a complex array even for real input (complex64 for 8- and
     * 16-bit integers, else complex128, or complex64 on a device without fp64). Runs on a's device.
     *
     * @throws IllegalArgumentException for a 0-d array
     */
    public static UsmNdArray sortComplex(UsmNdArray a) { return ComplexOrder.sortComplex(a); }

    /** NumPy's {@code angle(z)}: the argument {@code arctan2(imag, real)} in radians (float; real input gives 0 or pi). */
    public static UsmNdArray angle(UsmNdArray z) { return ComplexFns.angle(z, false); }

    /** NumPy's {@code angle(z, deg)}: in degrees when {@code deg}. */
    public static UsmNdArray angle(UsmNdArray z, boolean deg) { return ComplexFns.angle(z, deg); }

    /** NumPy's {@code iscomplex}: whether each element has a non-zero imaginary part (all false for a real array). */
    public static UsmNdArray iscomplex(UsmNdArray x) { return ComplexFns.iscomplex(x); }

    /** NumPy's {@code isreal}: whether each element's imaginary part is zero. */
    public static UsmNdArray isreal(UsmNdArray x) { return Tensor.logicalNot(ComplexFns.iscomplex(x)); }

    /** NumPy's {@code iscomplexobj}: whether the array's dtype is complex (whatever its values). */
    public static boolean iscomplexobj(UsmNdArray x) { return x.dtype().isComplex(); }

    /** NumPy's {@code isrealobj}: whether the array's dtype is not complex. */
    public static boolean isrealobj(UsmNdArray x) { return !x.dtype().isComplex(); }

    /** NumPy's {@code real_if_close(a)}: tol=100 machine epsilons. */
    public static UsmNdArray realIfClose(UsmNdArray a) { return ComplexFns.realIfClose(a, 100); }

    /**
     * NumPy's {@code real_if_close(a, tol)}: the real part when every imaginary part is below
     * {@code tol} machine epsilons of the dtype (or below {@code tol} itself when it is over 1),
     * else {@code a}; reads one flag back from the device.
     */
    public static UsmNdArray realIfClose(UsmNdArray a, double tol) { return ComplexFns.realIfClose(a, tol); }

    // ---- dtype questions (host) ----

    /**
     * NumPy's {@code result_type}: the dtype of combining arrays ({@link UsmNdArray}), dtypes
     * ({@link DType} or names) and Java scalars, with NumPy 2's weak scalars (NEP 50).
     *
     * @throws IllegalArgumentException for an argument that is none of these, or none at all
     */
    public static DType resultType(Object... arraysAndDtypes) { return DtypeRules.resultType(arraysAndDtypes); }

    /** NumPy's {@code promote_types}: the smallest dtype both can be safely cast to. */
    public static DType promoteTypes(DType a, DType b) { return org.jdpx.tensor.Promotion.result(a, b); }

    /** NumPy's {@code can_cast(from, to)}: casting='safe'. */
    public static boolean canCast(DType from, DType to) { return DtypeRules.canCast(from, to, "safe"); }

    /**
     * NumPy's {@code can_cast(from, to, casting)}, casting one of {@code no}, {@code equiv},
     * {@code safe}, {@code same_kind}, {@code unsafe}.
     *
     * @throws IllegalArgumentException for another casting name
     */
    public static boolean canCast(DType from, DType to, String casting) { return DtypeRules.canCast(from, to, casting); }

    /**
     * NumPy's {@code min_scalar_type}: the smallest dtype holding a Java scalar's value
     * (Boolean, an integer type or {@link java.math.BigInteger}, Float/Double, {@link org.jdpx.tensor.Complex}).
     */
    public static DType minScalarType(Object value) { return DtypeRules.minScalarType(value); }

    /**
     * NumPy's {@code common_type}: the inexact dtype all arrays convert to (integers count as float64).
     *
     * @throws IllegalArgumentException for a bool array, as NumPy raises TypeError
     */
    public static DType commonType(UsmNdArray... arrays) { return DtypeRules.commonType(arrays); }

    /** NumPy's {@code mintypecode(typechars)}: typeset 'GDFgdf', default 'd'. */
    public static String mintypecode(String typechars) { return DtypeRules.mintypecode(typechars, "GDFgdf", "d"); }

    /** NumPy's {@code mintypecode}: the type character of {@code typeset} all of {@code typechars} can become. */
    public static String mintypecode(String typechars, String typeset, String dflt) { return DtypeRules.mintypecode(typechars, typeset, dflt); }

    /**
     * NumPy's {@code issubdtype(dtype, abstract)}: whether {@code t} is a {@code generic},
     * {@code number}, {@code integer}, {@code signedinteger}, {@code unsignedinteger},
     * {@code inexact}, {@code floating}, {@code complexfloating} or {@code bool}, or that dtype's name.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static boolean issubdtype(DType t, String abstractOrDtype) { return DtypeRules.issubdtype(t, abstractOrDtype); }

    /**
     * The Array API's {@code isdtype(dtype, kind)}: kind one of {@code bool}, {@code signed integer},
     * {@code unsigned integer}, {@code integral}, {@code real floating}, {@code complex floating},
     * {@code numeric}, or a dtype name.
     *
     * @throws IllegalArgumentException for an unknown kind
     */
    public static boolean isdtype(DType t, String kind) { return DtypeRules.isdtype(t, kind); }

    /**
     * NumPy's {@code typename(char)}: the C type description of a type character ({@code 'd'} is
     * "double precision").
     *
     * @throws IllegalArgumentException for a character NumPy does not describe
     */
    public static String typename(String typeChar) { return DtypeRules.typename(typeChar); }
}
