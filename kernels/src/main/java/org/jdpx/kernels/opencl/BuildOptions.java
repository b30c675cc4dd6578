package org.jdpx.kernels.opencl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdpx.device.Aspect;

/**
 * The options an OpenCL C program of jdpx is built with on one device, so that it computes as
 * Java does there:
 * <ul>
 *   <li>{@value #CORRECTLY_ROUNDED_DIVIDE_SQRT} where the device offers it
 *       ({@link Aspect#FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT}): OpenCL allows float {@code /} an error
 *       of 2.5 ulp and {@code sqrt} 3 ulp unless a program asks for this, and NVIDIA's driver uses
 *       that allowance; Java's results are correctly rounded;</li>
 *   <li>{@code -cl-std=CL2.0} or {@code CL3.0} (the device's version) when the source uses native
 *       float atomics, whose {@code atomic_float} type OpenCL C 1.2 lacks.</li>
 * </ul>
 * The on-disk program cache keys binaries by these options too.
 */
public final class BuildOptions {
    /** The option that makes float division and square root correctly rounded. */
    public static final String CORRECTLY_ROUNDED_DIVIDE_SQRT = "-cl-fp32-correctly-rounded-divide-sqrt";
    private static final Pattern VERSION = Pattern.compile("OpenCL (\\d+)\\.(\\d+)");

    private BuildOptions() {
    }

    /**
     * The options for a program on a device with {@code aspects} and version string
     * {@code deviceVersion} ({@code "OpenCL 3.0 CUDA"}); {@code openCl2Source} when the source
     * needs OpenCL C 2.0 or later (native float atomics). Empty when none apply.
     *
     * @throws IllegalArgumentException when the source needs OpenCL C 2.0 and the version is older or unreadable
     */
    public static String of(Set<Aspect> aspects, String deviceVersion, boolean openCl2Source) {
        List<String> out = new ArrayList<>();
        if (openCl2Source) {
            Matcher m = VERSION.matcher(deviceVersion);
            int major = m.find() ? Integer.parseInt(m.group(1)) : 0;
            if (major < 2) {
                throw new IllegalArgumentException("native float atomics need an OpenCL 2.0 or later device, not '"
                        + deviceVersion + "'; emit the kernel without them");
            }
            out.add(major >= 3 ? "-cl-std=CL3.0" : "-cl-std=CL2.0");
        }
        if (aspects.contains(Aspect.FP32_CORRECTLY_ROUNDED_DIVIDE_SQRT)) out.add(CORRECTLY_ROUNDED_DIVIDE_SQRT);
        return String.join(" ", out);
    }
}
