package org.jdpx.kernels;

/**
 * Thrown by {@link KernelCompiler} when a kernel (or a helper it calls) uses Java that cannot
 * run on a device. The message names the class, method, source line and the construct, e.g.
 * {@code kernel Foo.bad (Foo.java:42): object allocation 'new java.lang.StringBuilder' is not
 * allowed in a kernel}. Unchecked: it reports a programming error in the kernel.
 */
public final class KernelCompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;

    /** A compile error at {@code line} (-1 when unknown) with a complete message. */
    public KernelCompileException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The source line the error points at, or -1 when the class has no line numbers. */
    public int line() {
        return line;
    }
}
