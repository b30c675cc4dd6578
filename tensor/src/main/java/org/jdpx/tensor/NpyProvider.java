package org.jdpx.tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ServiceLoader;

/**
 * The service behind {@link Tensor#load} and {@link Tensor#save}: the {@code .npy} codec lives in
 * the higher module {@code jdpx-interop} ({@code org.jdpx.interop.npy}), which tensor may not
 * import, so tensor finds it through {@link ServiceLoader} at the first call. Applications that use
 * {@code Tensor.load}/{@code save} put {@code org.jdpx:jdpx-interop} on the class or module path.
 */
public interface NpyProvider {

    /** Reads a {@code .npy} file into a new array on the options' device. */
    UsmNdArray load(Path path, ArrayOptions options) throws IOException;

    /** Writes {@code x} as a {@code .npy} file NumPy reads. */
    void save(Path path, UsmNdArray x) throws IOException;

    /**
     * The provider on the class or module path.
     *
     * @throws IllegalStateException when jdpx-interop is absent, naming the dependency to add
     */
    static NpyProvider find() {
        return ServiceLoader.load(NpyProvider.class, NpyProvider.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new IllegalStateException("reading and writing .npy files needs the module "
                        + "org.jdpx:jdpx-interop (the codec is there, found through java.util.ServiceLoader); "
                        + "add it to the class or module path"));
    }
}
