package org.jdpx.kernels;

import org.jdpx.kernels.checked.BoundsChecks;

/**
 * The first out-of-bounds access a kernel made in checked mode ({@code JDPX_CHECKED=1},
 * {@code -Djdpx.checked=true}, {@link Kernels#checked} or {@link CompiledKernel#checked()}), thrown
 * after the launch on every device. The message reads like Java's own
 * ({@code Index 10 out of bounds for length 10}) and goes on to name the access, the view or array,
 * the kernel and the source position, e.g. {@code ... : write of 'out' in kernel scale at Kernels.java:42}.
 * The offending access was skipped (a read gave 0); other work-items ran to the end, and any
 * further violations are not reported.
 */
public final class KernelBoundsException extends IndexOutOfBoundsException {
    private final String kernel;
    private final String memory;
    private final String access;
    private final String at;
    private final long index;
    private final long length;

    KernelBoundsException(String kernel, BoundsChecks.AccessSite site, long index, long length) {
        super("Index " + index + " out of bounds for length " + length + ": " + site.access() + " of '" + site.memory() + "'"
                + (site.function().equals(kernel) ? "" : " in helper " + site.function()) + " in kernel " + kernel
                + (site.at() != null ? " at " + site.at() : " (no source line: built from IR, or compiled without -g)")
                + " (checked mode)");
        this.kernel = kernel;
        this.memory = site.memory();
        this.access = site.access();
        this.at = site.at();
        this.index = index;
        this.length = length;
    }

    /** The kernel's name. */
    public String kernel() { return kernel; }

    /** The view parameter, helper parameter or array the access went to. */
    public String memory() { return memory; }

    /** {@code read}, {@code write} or {@code atomic <op>}. */
    public String access() { return access; }

    /** {@code File.java:line} of the access, or null when the class has no line numbers. */
    public String sourcePosition() { return at; }

    /** The index the kernel used, counted in elements from the view's first element. */
    public long index() { return index; }

    /** The number of elements the view (or array) has, the bound the index broke. */
    public long length() { return length; }
}
