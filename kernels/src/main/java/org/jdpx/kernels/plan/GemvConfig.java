package org.jdpx.kernels.plan;

import java.util.function.Supplier;
import org.jdpx.device.Device;

/**
 * How the GPU plan's row-form matrix-vector kernel spreads a row of A over a work-group: at most
 * {@code width} items share one row (a power of two, striding along K together, so neighbouring
 * items read neighbouring elements), and each item keeps {@code unroll} independent sums, loading
 * {@code unroll} elements {@code width} apart per loop step so that that many loads are in flight
 * per item instead of one.
 *
 * <p>The default, 256 items and one sum, is the shape an NVIDIA H100 ran {@code gemv_f32} (4096^2
 * float32) with in 57 µs, launch and wait included (cuBLAS through CuPy: 44 µs; the device copy
 * moves the same bytes in about 24 µs). Narrower rows and more sums per item are what a GPU GEMV
 * usually wants, but no other shape has been measured on a GPU yet: {@code JDPX_GEMV_CONFIG=width,unroll}
 * (or {@code -Djdpx.gemvConfig}) runs another one, and {@code scripts/gpu/session.sh} sweeps a
 * few on the next lent GPU. CPU plans do not use this kernel.
 *
 * @param width  the most items that share one row (a power of two; the work-group size caps it)
 * @param unroll independent sums per item (1 to 8)
 */
public record GemvConfig(int width, int unroll) {

    /** The shape measured on the H100 (see the class comment). */
    public static final GemvConfig DEFAULT = new GemvConfig(256, 1);

    /** The system property that overrides the default, as {@code JDPX_GEMV_CONFIG} does (the property wins). */
    public static final String PROPERTY = "jdpx.gemvConfig";

    private static final ScopedValue<GemvConfig> SCOPED = ScopedValue.newInstance();

    /**
     * @throws IllegalArgumentException when {@code width} is not a positive power of two or
     *         {@code unroll} is outside 1..8
     */
    public GemvConfig {
        if (width < 1 || Integer.bitCount(width) != 1) {
            throw new IllegalArgumentException("GEMV row width " + width + " is not a positive power of two");
        }
        if (unroll < 1 || unroll > 8) {
            throw new IllegalArgumentException("GEMV unroll " + unroll + " is outside 1..8");
        }
    }

    /**
     * The configuration for {@code device}: the one {@link #forcing} binds on this thread, else
     * the override, else {@link #DEFAULT}.
     *
     * @throws IllegalArgumentException when the override is malformed
     */
    public static GemvConfig of(Device device) {
        if (SCOPED.isBound()) return SCOPED.get();
        String override = System.getProperty(PROPERTY, System.getenv("JDPX_GEMV_CONFIG"));
        return override != null && !override.isBlank() ? parse(override) : DEFAULT;
    }

    /** Runs {@code body} with {@code config} for every {@link #of} this thread makes inside it (tests). */
    public static <T> T forcing(GemvConfig config, Supplier<T> body) {
        return ScopedValue.where(SCOPED, config).call(body::get);
    }

    /** This configuration in the override's form, {@code width,unroll}. */
    public String asOverride() {
        return width + "," + unroll;
    }

    /** Parses {@code width,unroll}. */
    static GemvConfig parse(String s) {
        String[] p = s.split(",");
        try {
            if (p.length != 2) throw new NumberFormatException("2 fields");
            return new GemvConfig(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JDPX_GEMV_CONFIG=" + s + " is not width,unroll with width a power of "
                    + "two and unroll 1..8 (e.g. 32,4): " + e.getMessage(), e);
        }
    }
}
