package org.jdpx.perf.suite;

import java.util.Locale;

/** Human-readable numbers for progress lines and the Markdown report. */
public final class Format {

    private Format() {
    }

    /** Seconds with a fitting unit: {@code 1.23 s}, {@code 45.6 ms}, {@code 7.89 µs}, {@code 120 ns}. */
    public static String seconds(double s) {
        if (s >= 1) return String.format(Locale.ROOT, "%.3g s", s);
        if (s >= 1e-3) return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        if (s >= 1e-6) return String.format(Locale.ROOT, "%.3g µs", s * 1e6);
        return String.format(Locale.ROOT, "%.3g ns", s * 1e9);
    }

    /** A number to three significant digits. */
    public static String number(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
