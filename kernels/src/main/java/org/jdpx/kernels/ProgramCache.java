package org.jdpx.kernels;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.ProgramBuildException;
import org.jdpx.device.spi.ProgramDriver;
import org.jdpx.device.spi.ProgramSource;
import org.jdpx.kernels.opencl.BuildOptions;
import org.jdpx.kernels.plan.DevicePlan;

/**
 * Built kernels per device, like CuPy's kernel cache: in memory for this process and on disk as
 * device binaries for the next one. The key is what determines the code: the kernel's content
 * hash (bytecode of it and its helpers, constants read, compiler version), the variant the device's
 * {@link DevicePlan} makes of it ({@link CompiledKernel#forPlan}), the build options
 * ({@link BuildOptions}) and the device's platform, name, version and driver version. The directory is {@code JDPX_CACHE_DIR} (or
 * {@code -Djdpx.cacheDir}), else {@code $XDG_CACHE_HOME/jdpx/kernels} or
 * {@code ~/.cache/jdpx/kernels}. An entry the driver refuses (damaged, foreign) is deleted and
 * rebuilt from source.
 */
final class ProgramCache {

    private static final System.Logger LOG = System.getLogger("org.jdpx.kernels");
    /** In-memory key: cheap to build on every launch, unlike the disk key's digest. */
    private record Key(Device device, String contentHash) {
    }

    private static final Map<Key, KernelDriver> BUILT = new ConcurrentHashMap<>();

    private ProgramCache() {
    }

    /** The kernel built for {@code device}, from memory, disk or source in that order. */
    static KernelDriver kernel(Device device, CompiledKernel kernel) {
        return BUILT.computeIfAbsent(new Key(device, kernel.contentHash()), k -> build(device, kernel));
    }

    /** Per device and kernel: the group shape launches without one get, by global size in dimension 0 ({@link #groupShape}). */
    private static final Map<Key, Optional<DevicePlan>> GROUP_SUMMED = new ConcurrentHashMap<>();

    /**
     * The local size a launch of {@code kernel} over {@code global} without one of its own gets on
     * {@code device}: the plan's ({@link DevicePlan#groupSumLocal}) where the device runs a variant
     * that sums atomic adds per group, else null (the driver chooses).
     */
    static long[] groupShape(Device device, CompiledKernel kernel, long[] global) {
        Optional<DevicePlan> plan = GROUP_SUMMED.computeIfAbsent(new Key(device, kernel.contentHash()), k -> {
            DevicePlan p = DevicePlan.of(device);
            return kernel.forPlan(p).groupSummed() ? Optional.of(p) : Optional.empty();
        });
        return plan.map(p -> p.groupSumLocal(global)).orElse(null);
    }

    /** Forgets what this process built, so the next launch reads the disk cache; for tests. */
    static void clearMemory() {
        BUILT.clear();
    }

    /** The cache file of a kernel (as the device's plan shapes it) on a device. */
    static Path file(Device device, CompiledKernel kernel) {
        CompiledKernel variant = kernel.forPlan(DevicePlan.of(device));
        return file(device, variant, options(device, variant));
    }

    private static Path file(Device device, CompiledKernel variant, String options) {
        // a kernel built from IR is named by its builder's key, which need not change when the IR
        // behind it does, so its source joins the key: a binary of old code must not answer for new.
        // A method's hash covers its bytecode already, so a disk hit of one prints no source.
        String code = variant.method() == null ? variant.contentHash() + "\n" + variant.openclSource() : variant.contentHash();
        return directory().resolve(key(device.info(), code, options) + ".bin");
    }

    /** The options {@code variant}'s OpenCL C is built with on {@code device}. */
    static String options(Device device, CompiledKernel variant) {
        DeviceInfo info = device.info();
        return BuildOptions.of(device.aspects(), info.version(), variant.needsOpenCl2(),
                BuildOptions.spellsSignExtension(info.platform(), info.name()));
    }

    static Path directory() {
        String dir = System.getProperty("jdpx.cacheDir", System.getenv("JDPX_CACHE_DIR"));
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jdpx").resolve("kernels");
    }

    private static KernelDriver build(Device device, CompiledKernel kernel) {
        Object flight = KernelFlight.buildStarted();
        CompiledKernel variant = kernel.forPlan(DevicePlan.of(device));
        String options = options(device, variant);
        Path file = file(device, variant, options);
        KernelDriver cached = fromDisk(device, variant, file, options);
        KernelDriver built = cached != null ? cached : fromSource(device, variant, file, options);
        KernelFlight.built(flight, variant, device, cached != null);
        return built;
    }

    /** The kernel from its cache file, or null when there is none or the driver refuses it (then the file is deleted). */
    private static KernelDriver fromDisk(Device device, CompiledKernel kernel, Path file, String options) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ProgramDriver p = device.spi().buildProgram(new ProgramSource.Binary(Files.readAllBytes(file), options));
            return p.kernel(kernel.name());
        } catch (IOException | ProgramBuildException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "kernel cache entry {0} for {1} is unusable ({2}); rebuilding it",
                    file, device.filterString(), e.getMessage());
            deleteQuietly(file);
            return null;
        }
    }

    private static KernelDriver fromSource(Device device, CompiledKernel kernel, Path file, String options) {
        ProgramDriver p = device.spi().buildProgram(new ProgramSource.OpenClC(kernel.openclSource(), options));
        p.binary().ifPresent(bytes -> store(file, bytes));
        return p.kernel(kernel.name());
    }

    private static void store(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "build", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            // A read-only or full cache only costs the next process a rebuild.
            LOG.log(Level.DEBUG, "cannot write kernel cache entry {0}: {1}", file, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot delete {0}: {1}", file, e.getMessage());
        }
    }

    private static String key(DeviceInfo d, String contentHash, String options) {
        // the compiler version too: hashes of kernels built from IR come from their builders and know nothing of the emitters
        String text = String.join("\n", org.jdpx.kernels.frontend.Frontend.COMPILER_VERSION, contentHash, d.platform(), d.name(),
                d.version(), d.driverVersion(), options);
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
