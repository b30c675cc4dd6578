package org.jdpx.device.spi;

import java.util.Objects;

/**
 * What a device program is built from. The kernel compiler produces one of these and hands it to
 * {@link DeviceDriver#buildProgram(ProgramSource)}; each backend accepts the variants it can build
 * and rejects the others with {@link UnsupportedOperationException}.
 *
 * <p>The interface is sealed so that backends can switch over it exhaustively; a new variant (the
 * java backend's own program form, for instance) is added to the {@code permits} list below.
 */
public sealed interface ProgramSource
        permits ProgramSource.OpenClC, ProgramSource.SpirV, ProgramSource.Binary {

    /** Options passed to the device compiler, never {@code null} (empty for none). */
    String buildOptions();

    /**
     * OpenCL C source text, built by any OpenCL 1.2+ device.
     *
     * @param source       the program text
     * @param buildOptions compiler options such as {@code -cl-fast-relaxed-math}; {@code null} means none
     */
    record OpenClC(String source, String buildOptions) implements ProgramSource {
        /** Rejects a missing source; a {@code null} option string becomes empty. */
        public OpenClC {
            Objects.requireNonNull(source, "source");
            buildOptions = buildOptions == null ? "" : buildOptions;
        }
    }

    /**
     * A SPIR-V module (the words in little-endian byte order), for devices whose IL version
     * includes SPIR-V (Level Zero, some OpenCL 2.1+ drivers).
     *
     * @param module       the module's bytes, starting with the magic number 0x07230203
     * @param buildOptions compiler options; {@code null} means none
     */
    record SpirV(byte[] module, String buildOptions) implements ProgramSource {
        /** Rejects a missing or empty module; a {@code null} option string becomes empty. */
        public SpirV {
            Objects.requireNonNull(module, "module");
            if (module.length == 0 || module.length % 4 != 0) {
                throw new IllegalArgumentException("a SPIR-V module is a non-empty sequence of 4-byte words, got "
                        + module.length + " bytes");
            }
            buildOptions = buildOptions == null ? "" : buildOptions;
        }
    }

    /**
     * A device binary from an earlier build on the same device and driver (see
     * {@link ProgramDriver#binary()}), for the on-disk program cache.
     *
     * @param bytes        the bytes exactly as {@link ProgramDriver#binary()} returned them (backends may
     *                     wrap the driver's binary with a check of device and driver identity)
     * @param buildOptions the options of the original build; {@code null} means none
     */
    record Binary(byte[] bytes, String buildOptions) implements ProgramSource {
        /** Rejects a missing or empty binary; a {@code null} option string becomes empty. */
        public Binary {
            Objects.requireNonNull(bytes, "bytes");
            if (bytes.length == 0) {
                throw new IllegalArgumentException("a device binary cannot be empty");
            }
            buildOptions = buildOptions == null ? "" : buildOptions;
        }
    }
}
