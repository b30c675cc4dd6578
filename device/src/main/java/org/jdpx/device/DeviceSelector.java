package org.jdpx.device;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code JDPX_DEVICE_SELECTOR} variable: which discovered devices are visible at all, with
 * the grammar of oneAPI's {@code ONEAPI_DEVICE_SELECTOR}. Terms are separated by {@code ;}; each
 * is {@code [!]backend:devices} where backend is a backend name or {@code *}, and devices is a
 * comma list of {@code *}, {@code gpu}, {@code cpu}, {@code accelerator}/{@code fpga} or an index
 * (the device's position in its backend's own discovery order). A device is visible when it
 * matches some positive term (or there are none) and no {@code !} term.
 *
 * <p>Examples: {@code opencl:cpu;java:*}, {@code !level_zero:*}, {@code *:gpu}, {@code opencl:0,1}.
 */
public final class DeviceSelector {

    /** The grammar, quoted in parse errors. */
    public static final String GRAMMAR = "JDPX_DEVICE_SELECTOR is a ';'-separated list of [!]backend:devices, "
            + "backend one of opencl, level_zero, java, cuda, hip or *, devices a ','-separated list of *, gpu, "
            + "cpu, accelerator, fpga or an index; e.g. 'opencl:cpu;java:*' or '!level_zero:*'";

    private record Term(boolean exclude, String backend, List<String> devices) {
        boolean matches(String deviceBackend, DeviceType type, int backendPosition) {
            if (!backend.equals("*") && !backend.equals(deviceBackend)) {
                return false;
            }
            for (String d : devices) {
                if (d.equals("*") || (DeviceType.fromFilterName(d) == type)
                        || (Character.isDigit(d.charAt(0)) && Integer.parseInt(d) == backendPosition)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String text;
    private final List<Term> terms;

    private DeviceSelector(String text, List<Term> terms) {
        this.text = text;
        this.terms = terms;
    }

    /** A selector that lets every device through (the variable unset or empty). */
    public static DeviceSelector all() {
        return new DeviceSelector("", List.of());
    }

    /**
     * Parses the variable's value; {@code null} or blank means every device.
     *
     * @throws IllegalArgumentException quoting the value and the grammar when it is malformed
     */
    public static DeviceSelector parse(String text) {
        if (text == null || text.isBlank()) {
            return all();
        }
        List<Term> terms = new ArrayList<>();
        for (String raw : text.split(";")) {
            String t = raw.trim().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) {
                continue;
            }
            boolean exclude = t.startsWith("!");
            if (exclude) {
                t = t.substring(1);
            }
            int colon = t.indexOf(':');
            if (colon <= 0 || colon == t.length() - 1) {
                throw malformed(text, "'" + raw.trim() + "' is not backend:devices");
            }
            if (t.indexOf(':', colon + 1) >= 0) {
                throw malformed(text, "'" + raw.trim() + "' has more than one ':' (a term names a backend and its "
                        + "devices; pick one device by its index in the backend, e.g. opencl:1)");
            }
            String backend = t.substring(0, colon);
            if (!backend.equals("*") && !FilterString.BACKENDS.contains(backend)) {
                throw malformed(text, "'" + backend + "' is not a backend");
            }
            List<String> devices = new ArrayList<>();
            for (String d : t.substring(colon + 1).split(",")) {
                String w = d.trim();
                boolean ok = w.equals("*") || DeviceType.fromFilterName(w) != null
                        || (!w.isEmpty() && w.length() < 10 && w.chars().allMatch(Character::isDigit));
                if (!ok) {
                    throw malformed(text, "'" + w + "' is not *, a device type or an index");
                }
                devices.add(w);
            }
            terms.add(new Term(exclude, backend, List.copyOf(devices)));
        }
        return new DeviceSelector(text, List.copyOf(terms));
    }

    /**
     * Whether a discovered device is visible.
     *
     * @param backendPosition the device's position in its backend's discovery order
     */
    public boolean admits(String backend, DeviceType type, int backendPosition) {
        boolean anyPositive = false;
        boolean positiveHit = false;
        for (Term t : terms) {
            boolean hit = t.matches(backend, type, backendPosition);
            if (t.exclude()) {
                if (hit) {
                    return false;
                }
            } else {
                anyPositive = true;
                positiveHit |= hit;
            }
        }
        return !anyPositive || positiveHit;
    }

    /** Whether this selector hides nothing. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }

    private static IllegalArgumentException malformed(String text, String why) {
        return new IllegalArgumentException("malformed JDPX_DEVICE_SELECTOR '" + text + "': " + why + "; " + GRAMMAR);
    }
}
