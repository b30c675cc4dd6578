package org.jdpx.dpnp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** The {@code key=value;...} arguments of a differential-test case. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String text) {
        for (String kv : text.split(";")) {
            int eq = kv.indexOf('=');
            if (eq > 0) values.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
    }

    String str(String k) {
        String v = values.get(k);
        if (v == null) throw new IllegalArgumentException("case has no argument " + k);
        return v;
    }

    boolean has(String k) {
        return values.containsKey(k) && !values.get(k).isEmpty();
    }

    long l(String k) { return Long.parseLong(str(k)); }

    int i(String k) { return Integer.parseInt(str(k)); }

    double d(String k) { return Double.parseDouble(str(k)); }

    boolean b(String k) { return has(k) && str(k).equals("1"); }

    /** An optional single axis (empty: null). */
    Integer axis(String k) { return has(k) ? Integer.valueOf(str(k)) : null; }

    /** An optional list of axes (empty: null). */
    int[] axes(String k) { return has(k) ? Arrays.stream(str(k).split(",")).mapToInt(Integer::parseInt).toArray() : null; }

    long[] longs(String k) { return Arrays.stream(str(k).split(",")).mapToLong(Long::parseLong).toArray(); }

    double[] doubles(String k) { return Arrays.stream(str(k).split(",")).mapToDouble(Double::parseDouble).toArray(); }
}
