package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdpx.device.DeviceType;
import org.jdpx.device.spi.Backend;
import org.jdpx.device.spi.BackendUnavailableException;
import org.jdpx.device.spi.DeviceDriver;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * The OpenCL backend through JOCL: every device of every installed ICD (PoCL, Mesa rusticl, vendor
 * drivers). Devices are asked for per type (CPU, GPU, accelerator) because rusticl rejects
 * {@code CL_DEVICE_TYPE_ALL}; a platform with no device (Clover, rusticl without
 * {@code RUSTICL_ENABLE}) is skipped quietly.
 *
 * <p>The devices of a process are discovered once and shared by every {@code DeviceRegistry}, so
 * each OpenCL device has exactly one context however many registries are built.
 */
public final class OpenClBackend implements Backend {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device.opencl");
    private static final long[] TYPES = {CL_DEVICE_TYPE_CPU, CL_DEVICE_TYPE_GPU, CL_DEVICE_TYPE_ACCELERATOR};

    private static List<DeviceDriver> discovered;
    private static String emptyReason;

    /** Does no native work; see {@link #discover()}. */
    public OpenClBackend() {
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public int selectionBonus() {
        return 0;
    }

    /**
     * Finds every OpenCL device, once per process.
     *
     * @throws BackendUnavailableException when the ICD loader or JOCL cannot load, or no platform
     *         is installed
     */
    @Override
    public List<DeviceDriver> discover() throws BackendUnavailableException {
        synchronized (OpenClBackend.class) {
            if (discovered == null) {
                discovered = List.copyOf(scan());
            }
            return discovered;
        }
    }

    @Override
    public String emptyReason() {
        synchronized (OpenClBackend.class) {
            return emptyReason;
        }
    }

    private static List<DeviceDriver> scan() throws BackendUnavailableException {
        NativeOpenCl.ensureLoaded();
        int[] count = new int[1];
        int st = Cl.status(() -> clGetPlatformIDs(0, null, count));
        if (st == CL_PLATFORM_NOT_FOUND_KHR || (st == CL_SUCCESS && count[0] == 0)) {
            throw new BackendUnavailableException("the OpenCL ICD loader found no platform: install an ICD such as "
                    + "pocl-opencl-icd (CPU) or your GPU vendor's OpenCL driver; ICDs are listed in /etc/OpenCL/vendors");
        }
        Cl.check(st, "clGetPlatformIDs", "counting platforms");
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        Cl.check(clGetPlatformIDs(platforms.length, platforms, null), "clGetPlatformIDs", "listing platforms");

        List<DeviceDriver> out = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (cl_platform_id p : platforms) {
            String pname = ClInfo.platformString(p, CL_PLATFORM_NAME);
            int before = out.size();
            for (long type : TYPES) {
                for (cl_device_id d : devicesOf(p, type, pname)) {
                    if (!seen.add(d.getNativePointer())) {
                        continue;
                    }
                    try {
                        ClDeviceProfile profile = DeviceInfoReader.read(p, d, typeOf(type));
                        out.add(new OpenClDevice(p, d, profile));
                    } catch (OpenClException e) {
                        // One broken device must not hide the others.
                        LOG.log(Level.WARNING, "skipping an OpenCL device of " + pname + ": " + e.getMessage());
                    }
                }
            }
            if (out.size() == before) {
                empty.add(pname);
            }
        }
        emptyReason = out.isEmpty() ? "no OpenCL platform has a device (platforms without devices: "
                + String.join(", ", empty) + "; for Mesa rusticl set RUSTICL_ENABLE, e.g. RUSTICL_ENABLE=llvmpipe)"
                : null;
        return out;
    }

    private static List<cl_device_id> devicesOf(cl_platform_id p, long type, String pname) {
        int[] n = new int[1];
        int st = Cl.status(() -> clGetDeviceIDs(p, type, 0, null, n));
        if (st == CL_DEVICE_NOT_FOUND || (st == CL_SUCCESS && n[0] == 0)) {
            return List.of();
        }
        if (st != CL_SUCCESS) {
            LOG.log(Level.DEBUG, () -> "platform " + pname + " answered " + OpenClException.name(st)
                    + " when asked for devices of type " + type);
            return List.of();
        }
        cl_device_id[] ids = new cl_device_id[n[0]];
        Cl.check(clGetDeviceIDs(p, type, ids.length, ids, null), "clGetDeviceIDs", "platform " + pname);
        return List.of(ids);
    }

    private static DeviceType typeOf(long clType) {
        if (clType == CL_DEVICE_TYPE_GPU) {
            return DeviceType.GPU;
        }
        return clType == CL_DEVICE_TYPE_CPU ? DeviceType.CPU : DeviceType.ACCELERATOR;
    }
}
