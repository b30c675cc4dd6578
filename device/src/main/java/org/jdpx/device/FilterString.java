package org.jdpx.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One parsed device filter string, {@code backend:type:index} with each part optional, as dpctl
 * and SYCL write them: {@code gpu}, {@code gpu:1}, {@code cpu}, {@code opencl:cpu:1},
 * {@code level_zero:gpu:0}, {@code java:cpu}, {@code java}, {@code 2}. The index counts the visible
 * devices that match the backend and type parts, in listing order.
 *
 * @param backend the backend part, or {@code null} for any
 * @param type    the type part, or {@code null} for any
 * @param index   the index part, or -1 when absent (meaning the first match)
 */
public record FilterString(String backend, DeviceType type, int index) {

    /** Backends a filter may name. Those not built in here (cuda, hip) are valid but match nothing. */
    public static final Set<String> BACKENDS = Set.of("opencl", "level_zero", "java", "cuda", "hip");

    /** The grammar, quoted in every parse error. */
    public static final String GRAMMAR = "a filter string is backend:type:index with each part optional "
            + "(backend: opencl, level_zero, java, cuda, hip; type: gpu, cpu, accelerator; index: 0, 1, ...), "
            + "e.g. gpu, gpu:1, cpu, opencl:cpu:1, level_zero:gpu:0, java:cpu, java; "
            + "several joined by ',' mean the first that matches, e.g. gpu,cpu";

    /**
     * Parses one filter string (no commas).
     *
     * @throws IllegalArgumentException quoting the string and the grammar when it is malformed
     */
    public static FilterString parse(String text) {
        if (text == null || text.isBlank()) {
            throw malformed(String.valueOf(text), "it is empty");
        }
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split(":", -1);
        if (parts.length > 3) {
            throw malformed(text, "it has more than three parts");
        }
        String backend = null;
        DeviceType type = null;
        int index = -1;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean last = i == parts.length - 1;
            if (p.isEmpty()) {
                throw malformed(text, "part " + (i + 1) + " is empty");
            } else if (BACKENDS.contains(p) && backend == null && type == null) {
                if (i != 0) {
                    throw malformed(text, "the backend '" + p + "' must come first");
                }
                backend = p;
            } else if (DeviceType.fromFilterName(p) != null && type == null) {
                type = DeviceType.fromFilterName(p);
            } else if (p.chars().allMatch(Character::isDigit)) {
                if (!last) {
                    throw malformed(text, "the index '" + p + "' must be the last part");
                }
                try {
                    index = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw malformed(text, "the index '" + p + "' is too large");
                }
            } else {
                throw malformed(text, "'" + p + "' is neither a backend, a device type nor an index");
            }
        }
        return new FilterString(backend, type, index);
    }

    /**
     * Parses a list of alternatives joined by {@code ,}, tried in order ("first that matches").
     *
     * @throws IllegalArgumentException quoting the string and the grammar when any part is malformed
     */
    public static List<FilterString> parseAlternatives(String text) {
        if (text == null || text.isBlank()) {
            throw malformed(String.valueOf(text), "it is empty");
        }
        List<FilterString> out = new ArrayList<>();
        for (String alt : text.split(",", -1)) {
            if (alt.isBlank()) {
                throw malformed(text, "it has an empty alternative");
            }
            out.add(parse(alt));
        }
        return out;
    }

    /** Whether a device has this filter's backend and type (the index is applied over the matches). */
    public boolean matchesKind(Device device) {
        return (backend == null || backend.equals(device.backend()))
                && (type == null || type == device.type());
    }

    /** The index to take among the matches: the given one, or 0. */
    public int effectiveIndex() {
        return Math.max(index, 0);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(3);
        if (backend != null) {
            parts.add(backend);
        }
        if (type != null) {
            parts.add(type.filterName());
        }
        if (index >= 0) {
            parts.add(Integer.toString(index));
        }
        return String.join(":", parts);
    }

    private static IllegalArgumentException malformed(String text, String why) {
        return new IllegalArgumentException("malformed device filter '" + text + "': " + why + "; " + GRAMMAR);
    }
}
