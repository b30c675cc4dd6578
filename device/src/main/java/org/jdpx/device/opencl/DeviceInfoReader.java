package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jdpx.device.Aspect;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceType;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Reads everything this backend needs to know about one OpenCL device, once, at discovery. */
final class DeviceInfoReader {

    /** {@code CL_DEVICE_SUB_GROUP_SIZES_INTEL} from cl_intel_required_subgroup_size; JOCL lacks it. */
    static final int CL_DEVICE_SUB_GROUP_SIZES_INTEL = 0x4108;
    /** {@code CL_DEVICE_IL_VERSION} (OpenCL 2.1). */
    static final int CL_DEVICE_IL_VERSION = 0x105B;
    /** {@code CL_DEVICE_SINGLE_FP_ATOMIC_CAPABILITIES_EXT} from cl_ext_float_atomics; JOCL lacks it. */
    static final int CL_DEVICE_SINGLE_FP_ATOMIC_CAPABILITIES_EXT = 0x4231;
    /** {@code CL_DEVICE_GLOBAL_FP_ATOMIC_ADD_EXT}: the capability bit of atomic add on global memory. */
    static final long CL_DEVICE_GLOBAL_FP_ATOMIC_ADD_EXT = 1L << 1;

    private DeviceInfoReader() {
    }

    @SuppressWarnings("deprecation") // CL_DEVICE_HOST_UNIFIED_MEMORY: deprecated in 2.0, still the best signal
    static ClDeviceProfile read(cl_platform_id platform, cl_device_id d, DeviceType type) {
        String version = ClInfo.string(d, CL_DEVICE_VERSION);
        int[] v = ClDeviceProfile.parseVersion(version);
        Set<String> extensions = Set.of(ClInfo.string(d, CL_DEVICE_EXTENSIONS).split("\\s+"));

        EnumSet<Aspect> aspects = EnumSet.of(Aspect.USM_DEVICE_ALLOCATIONS, Aspect.USM_HOST_ALLOCATIONS,
                Aspect.USM_SHARED_ALLOCATIONS);
        if (ClInfo.optInt64(d, CL_DEVICE_DOUBLE_FP_CONFIG, 0) != 0 || extensions.contains("cl_khr_fp64")) {
            aspects.add(Aspect.FP64);
        }
        if (extensions.contains("cl_khr_fp16")) {
            aspects.add(Aspect.FP16);
        }
        if (extensions.contains("cl_khr_int64_base_atomics")) {
            aspects.add(Aspect.ATOMIC64);
        }
        boolean floatAtomics = extensions.contains("cl_ext_float_atomics");
        aspects.addAll(singleFpAspects(ClInfo.optInt64(d, CL_DEVICE_SINGLE_FP_CONFIG, 0), v[0], floatAtomics,
                floatAtomics ? ClInfo.optInt64(d, CL_DEVICE_SINGLE_FP_ATOMIC_CAPABILITIES_EXT, 0) : 0));

        List<Long> itemSizes = new ArrayList<>(3);
        for (long s : ClInfo.optSizes(d, CL_DEVICE_MAX_WORK_ITEM_SIZES)) {
            itemSizes.add(s);
        }
        while (itemSizes.size() < 3) {
            itemSizes.add(1L);
        }
        List<Long> subGroups = new ArrayList<>();
        for (long s : ClInfo.optSizes(d, CL_DEVICE_SUB_GROUP_SIZES_INTEL)) {
            subGroups.add(s);
        }

        DeviceInfo info = new DeviceInfo(
                ClInfo.string(d, CL_DEVICE_NAME),
                ClInfo.string(d, CL_DEVICE_VENDOR),
                ClInfo.string(d, CL_DRIVER_VERSION),
                version,
                ClInfo.platformString(platform, CL_PLATFORM_NAME),
                type,
                ClInfo.int64(d, CL_DEVICE_GLOBAL_MEM_SIZE),
                ClInfo.int64(d, CL_DEVICE_LOCAL_MEM_SIZE),
                ClInfo.int64(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                ClInfo.int32(d, CL_DEVICE_MAX_COMPUTE_UNITS),
                ClInfo.int64(d, CL_DEVICE_MAX_WORK_GROUP_SIZE),
                itemSizes.subList(0, 3),
                subGroups,
                ClInfo.optInt32(d, CL_DEVICE_MAX_CLOCK_FREQUENCY, 0),
                aspects);
        boolean unified = ClInfo.optInt32(d, CL_DEVICE_HOST_UNIFIED_MEMORY, type == DeviceType.CPU ? 1 : 0) != 0;
        long svm = v[0] >= 2 ? ClInfo.optInt64(d, CL_DEVICE_SVM_CAPABILITIES, 0) : 0;
        String il = v[0] * 10 + v[1] >= 21 ? ClInfo.optString(d, CL_DEVICE_IL_VERSION, "") : "";
        return new ClDeviceProfile(info, v[0], v[1], unified, svm, il);
    }

    /**
     * The single-precision aspects a device's answers give: correctly rounded {@code /} and
     * {@code sqrt} on offer ({@code CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT} in {@code fpConfig}), and
     * native float atomic add on global memory (extension {@code cl_ext_float_atomics} with
     * {@code CL_DEVICE_GLOBAL_FP_ATOMIC_ADD_EXT} in {@code atomicCapabilities}, on OpenCL 2.0 or
     * later, whose C has the {@code atomic_float} type).
     */
    static Set<Aspect> singleFpAspects(long fpConfig, int major, boolean floatAtomicsExtension, long atomicCapabilities) {
        EnumSet<Aspect> out = EnumSet.noneOf(Aspect.class);
        if ((fpConfig & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0) {
            out.add(Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT);
        }
        if (floatAtomicsExtension && major >= 2 && (atomicCapabilities & CL_DEVICE_GLOBAL_FP_ATOMIC_ADD_EXT) != 0) {
            out.add(Aspect.FP32_ATOMIC_ADD);
        }
        return out;
    }
}
