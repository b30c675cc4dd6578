package org.jdpx.device.opencl;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Lets JOCL find the OpenCL ICD loader on Linux machines that have only {@code libOpenCL.so.1}.
 *
 * <p>JOCL 2.0.5 opens the loader by its unversioned name {@code libOpenCL.so}, which Debian and
 * Ubuntu ship only in the development package ({@code ocl-icd-opencl-dev}); the runtime package
 * ({@code ocl-icd-libopencl1}) and GPU drivers install {@code libOpenCL.so.1}. When the unversioned
 * name does not resolve, this class copies {@code libOpenCL.so.1} into a private temporary
 * directory, changes the copy's {@code DT_SONAME} from {@code libOpenCL.so.1} to
 * {@code libOpenCL.so} (a shorter string written in place, so no other byte moves) and loads it
 * with {@link System#load}. The dynamic linker then answers JOCL's {@code dlopen("libOpenCL.so")}
 * with that already-loaded object, because it matches requested names against loaded sonames.
 * The copy is the same loader code; it reads the same ICD files. Nothing on the system changes.
 *
 * <p>Set {@code -Djdpx.opencl.loaderShim=false} to turn this off (then install
 * {@code ocl-icd-opencl-dev} or link {@code libOpenCL.so} yourself).
 */
final class LoaderShim {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device.opencl");
    private static final long DT_SONAME = 14;
    private static final int SHT_DYNAMIC = 6;

    private LoaderShim() {
    }

    /**
     * Loads a renamed copy of the versioned loader if JOCL's unversioned name would not resolve.
     *
     * @param versioned the path of {@code libOpenCL.so.1} as the dynamic linker found it
     * @return a description of what was done, or empty when nothing was needed or possible
     */
    @SuppressWarnings("restricted") // System.load of the renamed loader copy
    static Optional<String> installIfNeeded(Path versioned) {
        if (!Boolean.parseBoolean(System.getProperty("jdpx.opencl.loaderShim", "true"))) {
            return Optional.empty();
        }
        try {
            byte[] elf = Files.readAllBytes(versioned);
            if (!renameSoname(elf, "libOpenCL.so.1", "libOpenCL.so")) {
                return Optional.empty();
            }
            Path dir = Files.createTempDirectory("jdpx-opencl-");
            Path copy = dir.resolve("libOpenCL.so");
            Files.write(copy, elf);
            copy.toFile().deleteOnExit();
            dir.toFile().deleteOnExit();
            System.load(copy.toString());
            String what = "libOpenCL.so (the name JOCL loads) is missing; loaded a copy of " + versioned
                    + " under that soname. Install ocl-icd-opencl-dev to avoid the copy.";
            LOG.log(Level.DEBUG, what);
            return Optional.of(what);
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(Level.WARNING, "could not prepare libOpenCL.so for JOCL from " + versioned + ": " + e);
            return Optional.empty();
        }
    }

    /**
     * Rewrites the {@code DT_SONAME} string of a 64-bit little-endian ELF shared object in place
     * when it equals {@code from}; {@code to} must not be longer.
     *
     * @return whether the soname was found and rewritten
     */
    static boolean renameSoname(byte[] elf, String from, String to) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.length < 64 || b.getInt(0) != 0x464C457F || elf[4] != 2 || elf[5] != 1) {
            return false; // not ELF64 little-endian
        }
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3A));
        int shnum = Short.toUnsignedInt(b.getShort(0x3C));
        for (int i = 0; i < shnum; i++) {
            int sh = (int) (shoff + (long) i * shentsize);
            if (b.getInt(sh + 4) != SHT_DYNAMIC) {
                continue;
            }
            long dynOff = b.getLong(sh + 0x18);
            long dynSize = b.getLong(sh + 0x20);
            int strIndex = b.getInt(sh + 0x28);
            long strOff = b.getLong((int) (shoff + (long) strIndex * shentsize) + 0x18);
            for (long e = dynOff; e + 16 <= dynOff + dynSize; e += 16) {
                if (b.getLong((int) e) == DT_SONAME) {
                    int at = (int) (strOff + b.getLong((int) e + 8));
                    byte[] old = from.getBytes(StandardCharsets.US_ASCII);
                    for (int k = 0; k < old.length; k++) {
                        if (elf[at + k] != old[k]) {
                            return false;
                        }
                    }
                    if (elf[at + old.length] != 0) {
                        return false;
                    }
                    byte[] now = to.getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(now, 0, elf, at, now.length);
                    for (int k = now.length; k < old.length; k++) {
                        elf[at + k] = 0;
                    }
                    return true;
                }
            }
        }
        return false;
    }
}
