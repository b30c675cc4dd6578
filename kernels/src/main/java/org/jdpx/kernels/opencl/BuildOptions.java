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
 *       float atomics, whose {@code atomic_float} type OpenCL C 1.2 lacks;</li>
 *   <li>{@code -D}{@value #SPELL_SIGN_EXTENSION} on Mesa's OpenCL drivers ({@link #spellsSignExtension}),
 *       whose llvmpipe compares a plain {@code (long)} of an int with a constant unsigned: the
 *       prelude then spells int-to-long widening out, which elsewhere costs PoCL its vectorized
 *       work-item loops (a 2-D view kernel ran 8-15 times slower with it).</li>
 * </ul>
 * The on-disk program cache keys binaries by these options too.
 */
public final class BuildOptions {
    /** The option that makes float division and square root correctly rounded. */
    public static final String CORRECTLY_ROUNDED_DIVIDE_SQRT = "-cl-fp32-correctly-rounded-divide-sqrt";
    /** The macro that makes the prelude spell int-to-long widening out (Mesa's drivers). */
    public static final String SPELL_SIGN_EXTENSION = "JDPX_SPELL_SIGN_EXTENSION";
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
        return of(aspects, deviceVersion, openCl2Source, false);
    }

    /**
     * Like {@link #of(Set, String, boolean)}, with {@code -D}{@value #SPELL_SIGN_EXTENSION} first
     * when {@code spellSignExtension} ({@link #spellsSignExtension} of the device).
     *
     * @throws IllegalArgumentException when the source needs OpenCL C 2.0 and the version is older or unreadable
     */
    public static String of(Set<Aspect> aspects, String deviceVersion, boolean openCl2Source, boolean spellSignExtension) {
        List<String> out = new ArrayList<>();
        if (spellSignExtension) out.add("-D" + SPELL_SIGN_EXTENSION);
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

    /**
     * Whether programs for the device of platform {@code platform} and name {@code deviceName}
     * spell sign extension out: true on Mesa's OpenCL platforms (rusticl, Clover) and llvmpipe.
     */
    public static boolean spellsSignExtension(String platform, String deviceName) {
        String p = platform.toLowerCase(java.util.Locale.ROOT), n = deviceName.toLowerCase(java.util.Locale.ROOT);
        return p.contains("rusticl") || p.contains("clover") || p.contains("mesa") || n.contains("llvmpipe");
    }
}
