package org.jdpx.tensor.fusion;

import java.util.Arrays;
import org.jdpx.kernels.frontend.Frontend;
import org.jdpx.tensor.DType;

/**
 * One compiled loop of a user function (a {@code @Vectorize} overload): its IR from the kernels
 * frontend, the dtypes its Java parameters and result stand for, and a key that names it in
 * fused kernels' structural keys (the frontend's content hash, so the disk cache stays right
 * when the method's bytecode changes).
 */
public record ScalarFunction(String name, Frontend.FunctionResult compiled, DType[] params, DType result) {

    /** The part of a kernel's structural key naming this loop. */
    String key() {
        return name + "@" + compiled.contentHash().substring(0, 16) + Arrays.toString(params) + result;
    }

    /** NumPy's type string of the loop: {@code ff->f}. */
    public String types() {
        StringBuilder s = new StringBuilder();
        for (DType p : params) s.append(p.typeChar());
        return s.append("->").append(result.typeChar()).toString();
    }

    /** True when the loop computes in double anywhere (so it needs a device with fp64). */
    public boolean needsFp64() {
        if (result == DType.FLOAT64 || Arrays.asList(params).contains(DType.FLOAT64)) return true;
        var functions = new java.util.ArrayList<>(compiled.helpers());
        functions.add(compiled.function());
        var probe = new org.jdpx.kernels.ir.KernelModule(org.jdpx.kernels.ir.IrBuilder.kernel("probe").build(), functions);
        return org.jdpx.kernels.ir.Features.of(probe).fp64();
    }

}
