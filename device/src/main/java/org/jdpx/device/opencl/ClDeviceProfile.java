package org.jdpx.device.opencl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceType;
import org.jocl.CL;

/**
 * What an OpenCL device reports, beyond the public {@link DeviceInfo}, that decides how this
 * backend drives it: the OpenCL version (queue creation call), host-unified memory (how host
 * copies are done), SVM capabilities (how shared memory is made) and IL versions (SPIR-V input).
 *
 * @param info             the public description
 * @param clMajor          major OpenCL version of the device
 * @param clMinor          minor OpenCL version of the device
 * @param hostUnified      whether device memory is host memory (CPU devices, integrated GPUs)
 * @param svmCapabilities  {@code CL_DEVICE_SVM_CAPABILITIES} bits, 0 before OpenCL 2.0
 * @param ilVersion        {@code CL_DEVICE_IL_VERSION}, empty when the device takes no IL
 */
record ClDeviceProfile(DeviceInfo info, int clMajor, int clMinor, boolean hostUnified, long svmCapabilities,
                       String ilVersion) {

    private static final Pattern VERSION = Pattern.compile("OpenCL (\\d+)\\.(\\d+)");

    /** Whether the device runs at least OpenCL {@code major.minor}. */
    boolean atLeast(int major, int minor) {
        return clMajor > major || (clMajor == major && clMinor >= minor);
    }

    /** Whether shared allocations can be fine-grained SVM buffers the host addresses directly. */
    boolean fineGrainSvm() {
        return atLeast(2, 0) && (svmCapabilities & CL.CL_DEVICE_SVM_FINE_GRAIN_BUFFER) != 0;
    }

    /** Whether the device accepts SPIR-V through {@code clCreateProgramWithIL}. */
    boolean takesSpirV() {
        return ilVersion.contains("SPIR-V");
    }

    /** Whether host copies can map the buffer and copy in the JVM instead of Read/WriteBuffer. */
    boolean mapForHostCopies() {
        return hostUnified || info.type() == DeviceType.CPU;
    }

    /** Parses "OpenCL 3.0 PoCL ..." into {major, minor}; {1, 2} when unreadable. */
    static int[] parseVersion(String deviceVersion) {
        Matcher m = VERSION.matcher(deviceVersion);
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : new int[] {1, 2};
    }
}
