package org.jdpx.kernels.ir;

import java.util.List;

/**
 * A compilation unit for the emitters: the kernel and every helper it calls, helpers first
 * in an order where callees precede callers (no recursion, so such an order exists).
 */
public record KernelModule(Function kernel, List<Function> helpers) {

    /** Copies the helper list; the kernel must be marked as one. */
    public KernelModule {
        if (!kernel.isKernel()) throw new IllegalArgumentException(kernel + " is not a kernel");
        helpers = List.copyOf(helpers);
    }

    /** Helpers then the kernel: the order emitters print them in. */
    public List<Function> functions() {
        var all = new java.util.ArrayList<Function>(helpers);
        all.add(kernel);
        return all;
    }
}
