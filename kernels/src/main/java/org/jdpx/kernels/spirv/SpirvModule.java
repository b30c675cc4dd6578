package org.jdpx.kernels.spirv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A finished SPIR-V module: its words and the emitter's own disassembly of them. */
public record SpirvModule(int[] words, String text) {

    /** The module as little-endian bytes, the form drivers and files use. */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) b.putInt(w);
        return b.array();
    }
}
