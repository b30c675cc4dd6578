package org.jdpx.kernels.ir;

/** Small type helpers shared by the builder and the emitters. */
public final class IrTypes {
    private IrTypes() {
    }

    /** The element type of a pointer or array type; throws {@link IllegalArgumentException} otherwise. */
    public static Scalar elementOf(Type t) {
        if (t instanceof PtrType p) return p.elem();
        if (t instanceof ArrayType a) return a.elem();
        throw new IllegalArgumentException("not a pointer or array: " + t);
    }

    /** The address space of a pointer or array type. */
    public static AddressSpace spaceOf(Type t) {
        if (t instanceof PtrType p) return p.space();
        if (t instanceof ArrayType a) return a.space();
        throw new IllegalArgumentException("not a pointer or array: " + t);
    }
}
