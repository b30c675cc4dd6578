package org.jdpx.kernels.ir;

/**
 * A named, typed variable of a function: a parameter, a local, a compiler temporary or an
 * array. Identity matters (two variables may share a name until the emitter makes names unique).
 */
public final class Var {
    private final String name;
    private final Type type;

    /** A variable called {@code name} (a C identifier hint) of type {@code type}. */
    public Var(String name, Type type) {
        this.name = name;
        this.type = type;
    }

    /** The name hint. */
    public String name() { return name; }

    /** The type. */
    public Type type() { return type; }

    /** The scalar type; throws {@link IllegalStateException} for pointers and arrays. */
    public Scalar scalar() {
        if (type instanceof Scalar s) return s;
        throw new IllegalStateException(name + " is not a scalar: " + type);
    }

    @Override
    public String toString() { return name + ":" + type; }
}
