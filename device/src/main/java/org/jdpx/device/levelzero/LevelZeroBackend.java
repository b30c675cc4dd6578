package org.jdpx.device.levelzero;

import java.lang.System.Logger.Level;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.spi.Backend;
import org.jdpx.device.spi.BackendUnavailableException;
import org.jdpx.device.spi.DeviceDriver;

/**
 * The {@code level_zero} backend: Intel's Level Zero through its loader library, called with
 * {@code java.lang.foreign} (no JNI, no extra jar).
 *
 * <p>How it reports a machine that cannot run it, so the device listing says why:
 * <ul>
 *   <li>no loader library: {@link #discover()} throws "libze_loader.so.1 not found: install libze1 ...";</li>
 *   <li>a loader but no driver ({@code zeInit} fails, typically {@code ZE_RESULT_ERROR_UNINITIALIZED}):
 *       {@link #discover()} throws with the loader's result, so the backend is listed as
 *       <em>unavailable</em> with that reason. A loader with no driver cannot do anything, and
 *       "unavailable: no driver" is what a user needs to read;</li>
 *   <li>drivers that initialize but report no device: zero devices, and {@link #emptyReason()} says so.</li>
 * </ul>
 * The system property {@value #LIBRARY_PROPERTY} overrides the library name or path.
 */
public final class LevelZeroBackend implements Backend {

    /** System property naming the loader library (a name the dynamic linker finds, or a path). */
    public static final String LIBRARY_PROPERTY = "jdpx.levelZero.library";
    /** The loader's soname on Linux. */
    public static final String DEFAULT_LIBRARY = "libze_loader.so.1";

    private static final System.Logger LOG = System.getLogger("org.jdpx.device.levelzero");
    /** SYCL's default selector prefers Level Zero devices over OpenCL ones of the same type. */
    private static final int PREFER_OVER_OPENCL = 50;

    private volatile String emptyReason;

    @Override
    public String name() {
        return "level_zero";
    }

    @Override
    public int selectionBonus() {
        return PREFER_OVER_OPENCL;
    }

    /**
     * Loads the loader, initializes every driver and lists their devices, driver by driver.
     *
     * @throws BackendUnavailableException when the loader is missing or {@code zeInit} fails; the
     *         message names the library or the result and what to install
     */
    @Override
    public List<DeviceDriver> discover() throws BackendUnavailableException {
        String library = System.getProperty(LIBRARY_PROPERTY, DEFAULT_LIBRARY);
        ZeApi api = ZeApi.load(library);
        int rc = api.init(0);
        if (rc != ZeResult.SUCCESS) {
            String reason = initFailure(library, rc);
            LOG.log(Level.DEBUG, reason);
            throw new BackendUnavailableException(reason);
        }
        try {
            List<DeviceDriver> found = new ArrayList<>();
            List<MemorySegment> drivers = api.drivers();
            for (int i = 0; i < drivers.size(); i++) {
                ZeContext ctx = new ZeContext(api, drivers.get(i), i);
                for (MemorySegment device : api.devices(ctx.driver)) {
                    found.add(new LevelZeroDeviceDriver(ctx, device));
                }
            }
            emptyReason = found.isEmpty() ? "Level Zero loader " + library + " initialized "
                    + drivers.size() + " driver(s), but they report no device" : null;
            return List.copyOf(found);
        } catch (LevelZeroException e) {
            throw new BackendUnavailableException("Level Zero loader " + library + " initialized, but "
                    + e.getMessage(), e);
        }
    }

    /** Why the last {@link #discover()} found no device, or {@code null} when it found some. */
    @Override
    public String emptyReason() {
        return emptyReason;
    }

    /** The unavailability reason for a failed {@code zeInit}, with the fix where it is known. */
    static String initFailure(String library, int result) {
        String base = "Level Zero loader " + library + " found, but zeInit returned " + ZeResult.describe(result);
        if (result == ZeResult.ERROR_UNINITIALIZED) {
            return base + ": no Level Zero driver is installed (on Intel GPUs: install intel-level-zero-gpu)";
        }
        return base;
    }
}
