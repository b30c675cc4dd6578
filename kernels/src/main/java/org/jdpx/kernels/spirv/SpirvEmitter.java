package org.jdpx.kernels.spirv;

import org.jdpx.kernels.ir.KernelModule;

/** Placeholder until the SPIR-V backend lands. */
public final class SpirvEmitter {
    private SpirvEmitter() {
    }

    /** Not yet implemented. */
    public static SpirvModule emit(KernelModule m) {
        throw new UnsupportedOperationException("SPIR-V emitter not implemented yet");
    }
}
