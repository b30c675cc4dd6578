package org.jdpx.dpnp;

/**
 * NumPy's print options as far as {@link ArrayText} honours them: {@code precision} (digits after
 * the point), {@code threshold} (more elements than this are summarized), {@code edgeitems}
 * (elements kept at each end of a summarized axis), {@code linewidth} (characters per line),
 * {@code suppress} (no scientific notation for small numbers), and the strings for NaN and infinity.
 * They apply to {@code Dpnp.array2string}, {@code array_str} and {@code array_repr}.
 */
public record PrintOptions(int precision, long threshold, int edgeitems, int linewidth, boolean suppress, String nanstr,
                           String infstr) {

    /** NumPy's defaults. */
    public static final PrintOptions DEFAULTS = new PrintOptions(8, 1000, 3, 75, false, "nan", "inf");

    /** Checks the values as NumPy's set_printoptions does. */
    public PrintOptions {
        if (precision < 0) throw new IllegalArgumentException("set_printoptions: precision must be >= 0, got " + precision);
        if (threshold < 0) throw new IllegalArgumentException("set_printoptions: threshold must be non-negative, got " + threshold);
        if (edgeitems < 0) throw new IllegalArgumentException("set_printoptions: edgeitems must be non-negative, got " + edgeitems);
        if (linewidth < 1) throw new IllegalArgumentException("set_printoptions: linewidth must be positive, got " + linewidth);
        if (nanstr == null || infstr == null) throw new IllegalArgumentException("set_printoptions: nanstr and infstr must not be null");
    }

    /** These options with another precision. */
    public PrintOptions precision(int p) { return new PrintOptions(p, threshold, edgeitems, linewidth, suppress, nanstr, infstr); }
    /** These options with another threshold. */
    public PrintOptions threshold(long t) { return new PrintOptions(precision, t, edgeitems, linewidth, suppress, nanstr, infstr); }
    /** These options with another edgeitems. */
    public PrintOptions edgeitems(int e) { return new PrintOptions(precision, threshold, e, linewidth, suppress, nanstr, infstr); }
    /** These options with another linewidth. */
    public PrintOptions linewidth(int w) { return new PrintOptions(precision, threshold, edgeitems, w, suppress, nanstr, infstr); }
    /** These options with another suppress. */
    public PrintOptions suppress(boolean s) { return new PrintOptions(precision, threshold, edgeitems, linewidth, s, nanstr, infstr); }

    /** What {@code Dpnp.printoptions} returns: closing it restores the options it replaced. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
