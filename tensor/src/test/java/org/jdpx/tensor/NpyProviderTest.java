package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Tensor's .npy calls without jdpx-interop (tensor's own test class path has no codec) name what to add. */
class NpyProviderTest {

    @Test
    void loadWithoutInteropNamesTheModule() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Tensor.load(Path.of("absent.npy"), ArrayOptions.on("java:cpu:0")));
        assertTrue(e.getMessage().contains("org.jdpx:jdpx-interop"), e.getMessage());
    }

    @Test
    void saveWithoutInteropNamesTheModule() {
        UsmNdArray x = Tensor.asarray(new int[] {1, 2}, new long[] {2}, ArrayOptions.on("java:cpu:0"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Tensor.save(Path.of("absent.npy"), x));
        assertTrue(e.getMessage().contains("org.jdpx:jdpx-interop"), e.getMessage());
    }
}
