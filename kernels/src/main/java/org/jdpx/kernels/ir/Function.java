package org.jdpx.kernels.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * One IR function: a kernel entry point or a helper it calls. Holds parameters, the
 * structured body, and every local variable (scalars, private arrays, and for kernels the
 * constant-size local-memory arrays), which emitters declare at the top of the function.
 * Mutable while being built; treat as read-only once handed to an emitter.
 */
public final class Function {
    private final String name;
    private final boolean kernel;
    private final Scalar returnType;
    private final List<Param> params = new ArrayList<>();
    private final List<Var> locals = new ArrayList<>();
    private List<Stmt> body = new ArrayList<>();

    /** A function called {@code name}; {@code returnType} null means void (kernels are void). */
    public Function(String name, boolean kernel, Scalar returnType) {
        if (kernel && returnType != null) throw new IllegalArgumentException("kernels return void");
        this.name = name;
        this.kernel = kernel;
        this.returnType = returnType;
    }

    /** The function's name (a C identifier). */
    public String name() { return name; }

    /** True for the kernel entry point. */
    public boolean isKernel() { return kernel; }

    /** Return type, null for void. */
    public Scalar returnType() { return returnType; }

    /** The parameters in call order (for kernels: user arguments, then hidden view arguments). */
    public List<Param> params() { return params; }

    /** Locals the emitters declare: scalars and arrays. */
    public List<Var> locals() { return locals; }

    /** The structured body. */
    public List<Stmt> body() { return body; }

    /** Replaces the body (used by rewriting passes). */
    public void setBody(List<Stmt> body) { this.body = body; }

    @Override
    public String toString() { return (kernel ? "kernel " : "function ") + name; }
}
