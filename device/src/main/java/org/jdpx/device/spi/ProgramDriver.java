package org.jdpx.device.spi;

import java.util.Optional;

/**
 * A program built for one device by {@link DeviceDriver#buildProgram(ProgramSource)}. Thread-safe.
 */
public interface ProgramDriver {

    /**
     * The kernel of this program with the given name; the same object on every call.
     *
     * @throws IllegalArgumentException when the program has no kernel of that name
     * @throws IllegalStateException    after {@link #release()}
     */
    KernelDriver kernel(String name);

    /**
     * The device binary of this program, for the on-disk cache, or empty when the driver gives none.
     * The bytes are opaque: feed them back as {@link ProgramSource.Binary} on the same device and
     * driver version; a backend refuses (with {@link ProgramBuildException}) bytes it did not make.
     */
    Optional<byte[]> binary();

    /** The compiler's log of the successful build; often empty. */
    String buildLog();

    /** Releases the program and its kernels. Launches already enqueued still complete. */
    void release();
}
