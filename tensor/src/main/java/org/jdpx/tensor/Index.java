package org.jdpx.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * One component of a basic index, as in NumPy's {@code a[1, 2:8:2, ..., None]}: an integer, a
 * slice, {@link #NEW_AXIS} ({@code None}/{@code np.newaxis}) or {@link #ELLIPSIS}. Basic indexing
 * always gives a view. {@link #parse} reads NumPy's own notation, so {@code a.get("1:, ::-1")}
 * means what it means in Python.
 */
public sealed interface Index permits Index.At, Index.Slice, Index.NewAxis, Index.Ellipsis {

    /** An integer index: selects one position and drops the axis. Negative counts from the end. */
    record At(long index) implements Index {
    }

    /**
     * A slice {@code start:stop:step}; {@code null} parts take Python's defaults.
     *
     * @throws IllegalArgumentException when step is 0
     */
    record Slice(Long start, Long stop, Long step) implements Index {
        public Slice {
            if (step != null && step == 0) {
                throw new IllegalArgumentException("slice step cannot be zero");
            }
        }

        /**
         * Python's {@code slice.indices(n)} then the length: the first position, the step and the
         * number of positions this slice selects from an axis of extent {@code n}.
         */
        public long[] resolve(long n) {
            long st = step == null ? 1 : step;
            long lo;
            long hi;
            if (st > 0) {
                lo = start == null ? 0 : clamp(start < 0 ? start + n : start, 0, n);
                hi = stop == null ? n : clamp(stop < 0 ? stop + n : stop, 0, n);
                long len = hi > lo ? (hi - lo + st - 1) / st : 0;
                return new long[] {lo, st, len};
            }
            lo = start == null ? n - 1 : clamp(start < 0 ? start + n : start, -1, n - 1);
            hi = stop == null ? -1 : clamp(stop < 0 ? stop + n : stop, -1, n - 1);
            long len = lo > hi ? (lo - hi - st - 1) / -st : 0;
            return new long[] {lo, st, len};
        }

        private static long clamp(long v, long min, long max) {
            return Math.max(min, Math.min(max, v));
        }
    }

    /** Inserts an axis of extent 1 ({@code None}, {@code np.newaxis}). */
    record NewAxis() implements Index {
    }

    /** Stands for as many full slices as needed ({@code ...}). */
    record Ellipsis() implements Index {
    }

    /** {@code None}: a new axis of extent 1. */
    Index NEW_AXIS = new NewAxis();

    /** {@code ...}. */
    Index ELLIPSIS = new Ellipsis();

    /** {@code :}, the whole axis. */
    Index ALL = new Slice(null, null, null);

    /** An integer index. */
    static Index at(long i) {
        return new At(i);
    }

    /** {@code start:stop}. */
    static Index slice(long start, long stop) {
        return new Slice(start, stop, null);
    }

    /** {@code start:stop:step}; pass {@code null} for a default part. */
    static Index slice(Long start, Long stop, Long step) {
        return new Slice(start, stop, step);
    }

    /**
     * Parses NumPy's index notation: comma-separated integers, slices {@code a:b:c} with optional
     * parts, {@code ...}, and {@code None} or {@code newaxis}.
     *
     * @throws IllegalArgumentException quoting the text when a part is not one of those
     */
    static Index[] parse(String text) {
        List<Index> out = new ArrayList<>();
        for (String raw : text.split(",", -1)) {
            String p = raw.trim();
            try {
                if (p.equals("...")) {
                    out.add(ELLIPSIS);
                } else if (p.equals("None") || p.equals("newaxis") || p.equals("np.newaxis")) {
                    out.add(NEW_AXIS);
                } else if (p.contains(":")) {
                    String[] f = p.split(":", -1);
                    if (f.length > 3) {
                        throw new IllegalArgumentException("too many ':'");
                    }
                    out.add(new Slice(part(f[0]), part(f[1]), f.length == 3 ? part(f[2]) : null));
                } else {
                    out.add(new At(Long.parseLong(p)));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read index '" + text + "' at '" + p + "': use integers, "
                        + "slices start:stop:step, ... and None, separated by commas (" + e.getMessage() + ")");
            }
        }
        return out.toArray(Index[]::new);
    }

    private static Long part(String s) {
        String t = s.trim();
        return t.isEmpty() ? null : Long.parseLong(t);
    }
}
