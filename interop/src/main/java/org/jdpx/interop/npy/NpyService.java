package org.jdpx.interop.npy;

import java.io.IOException;
import java.nio.file.Path;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.NpyProvider;
import org.jdpx.tensor.UsmNdArray;

/**
 * The {@code .npy} codec as tensor's {@link NpyProvider} service, so {@code Tensor.load}/{@code save}
 * (in the lower module) reach {@link Npy}; registered in {@code META-INF/services}.
 */
public final class NpyService implements NpyProvider {

    /** The instance {@link java.util.ServiceLoader} makes. */
    public NpyService() {
    }

    @Override
    public UsmNdArray load(Path path, ArrayOptions options) throws IOException {
        return Npy.load(path, options);
    }

    @Override
    public void save(Path path, UsmNdArray x) throws IOException {
        Npy.save(path, x);
    }
}
