package org.jdpx.device.opencl;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdpx.device.spi.BackendUnavailableException;
import org.jdpx.device.spi.NativeSignals;
import org.jocl.CL;

/**
 * Loads the two native pieces this backend needs, saying in plain words what is missing: the
 * OpenCL ICD loader ({@code libOpenCL.so.1}) and JOCL's own JNI library. Checking the loader
 * first with {@link SymbolLookup} gives a better message than JOCL's link error.
 */
final class NativeOpenCl {

    private static volatile SymbolLookup loader;

    private NativeOpenCl() {
    }

    /** The loader's file name on this operating system. */
    static String loaderName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "OpenCL.dll";
        }
        if (os.contains("mac")) {
            return "/System/Library/Frameworks/OpenCL.framework/OpenCL";
        }
        return "libOpenCL.so.1";
    }

    /**
     * The ICD loader's symbols, for the few calls JOCL lacks ({@code clCreateProgramWithIL}).
     *
     * @throws BackendUnavailableException when the loader is not installed
     */
    @SuppressWarnings("restricted") // looks the ICD loader up; the project runs with native access enabled
    static SymbolLookup loader() throws BackendUnavailableException {
        SymbolLookup l = loader;
        if (l == null) {
            synchronized (NativeOpenCl.class) {
                l = loader;
                if (l == null) {
                    try {
                        l = SymbolLookup.libraryLookup(loaderName(), Arena.global());
                    } catch (IllegalArgumentException | IllegalCallerException e) {
                        throw new BackendUnavailableException(loaderName() + " not found: install the OpenCL ICD "
                                + "loader (Debian/Ubuntu: ocl-icd-libopencl1) and an ICD such as pocl-opencl-icd", e);
                    }
                    loader = l;
                }
            }
        }
        return l;
    }

    /**
     * Makes sure the loader and JOCL's JNI library are usable.
     *
     * @throws BackendUnavailableException naming what is missing
     */
    static void ensureLoaded() throws BackendUnavailableException {
        NativeSignals.beforeNativeLoad(); // before the ICD loader can load PoCL
        loader();
        if (loaderName().startsWith("libOpenCL")) {
            prepareUnversionedName();
        }
        try {
            // Touching CL runs JOCL's static initializer, which extracts and loads its JNI library.
            CL.stringFor_errorCode(CL.CL_SUCCESS);
        } catch (LinkageError | RuntimeException e) {
            throw new BackendUnavailableException("JOCL's native library or libOpenCL.so could not load on "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": " + e.getMessage()
                    + " (JOCL 2.0.5 ships it for Linux, Windows and macOS on x86_64 and arm64)", e);
        }
    }

    /** JOCL opens {@code libOpenCL.so}; where only the versioned file exists, see {@link LoaderShim}. */
    @SuppressWarnings("restricted") // probes whether libOpenCL.so resolves
    private static void prepareUnversionedName() {
        try {
            SymbolLookup.libraryLookup("libOpenCL.so", Arena.global());
            return; // resolvable: JOCL will find it itself
        } catch (IllegalArgumentException e) {
            // Only the versioned loader is installed.
        }
        versionedLoaderPath().ifPresent(LoaderShim::installIfNeeded);
    }

    /** Where the dynamic linker found {@code libOpenCL.so.1}, read from this process's mappings. */
    private static Optional<Path> versionedLoaderPath() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .filter(p -> p.startsWith("/") && p.contains("/libOpenCL.so.1"))
                    .findFirst().map(Path::of);
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
