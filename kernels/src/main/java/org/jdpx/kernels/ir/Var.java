package org.jdpx.kernels.ir;

/**
 * A named, typed variable of a function: a parameter, a local, a compiler temporary or an
 * array. Identity matters (two variables may share a name until the emitter makes names unique).
 */
public final class Var {
    private final String name;
    private final Type type;
    private final boolean nonNegative;

    /** A variable called {@code name} (a C identifier hint) of type {@code type}. */
    public Var(String name, Type type) {
        this(name, type, false);
    }

    /**
     * A variable that may carry the producer's promise {@code nonNegative}: whenever a load,
     * store or atomic reads it in its index, its value is {@code >= 0} (say, the element index of
     * a row's first element). An emitter may then print an int index {@code v + x} without
     * wrap-around: if that sum overflowed, Java's wrapped index would be negative, an access out
     * of bounds that Java would throw on, so no in-bounds run sees a difference.
     */
    public Var(String name, Type type, boolean nonNegative) {
        this.name = name;
        this.type = type;
        this.nonNegative = nonNegative;
    }

    /** The name hint. */
    public String name() { return name; }

    /** The type. */
    public Type type() { return type; }

    /** Whether the producer promised a value {@code >= 0} wherever an access index reads it (see the constructor). */
    public boolean nonNegative() { return nonNegative; }

    /** The scalar type; throws {@link IllegalStateException} for pointers and arrays. */
    public Scalar scalar() {
        if (type instanceof Scalar s) return s;
        throw new IllegalStateException(name + " is not a scalar: " + type);
    }

    @Override
    public String toString() { return name + ":" + type; }
}
