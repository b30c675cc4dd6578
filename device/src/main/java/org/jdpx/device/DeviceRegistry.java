package org.jdpx.device;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jdpx.device.spi.Backend;
import org.jdpx.device.spi.BackendUnavailableException;
import org.jdpx.device.spi.DeviceDriver;
import org.jdpx.device.spi.LlvmHandlers;
import org.jdpx.device.spi.NativeSignals;

/**
 * The devices of one process: discovers every backend once, applies the selector, numbers the
 * devices for filter strings, chooses the default and resolves filters with fallback or strictness.
 * {@link Devices} holds the process-wide instance; tests build their own with chosen backends.
 */
public final class DeviceRegistry {

    private static final System.Logger LOG = System.getLogger("org.jdpx.device");

    private final DeviceSettings settings;
    private final List<Device> devices;
    /** Devices the selector hides, numbered as they would be without it; only named in messages. */
    private final List<Device> hidden;
    private final List<BackendStatus> statuses;
    private final Consumer<String> warnings;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Device defaultDevice;

    /**
     * Discovers the given backends. A backend that throws (a missing native library included)
     * is recorded as unavailable with its reason; the others are unaffected.
     *
     * @param warnings where fallback warnings go (the process-wide registry logs them)
     */
    public DeviceRegistry(List<Backend> backends, DeviceSettings settings, Consumer<String> warnings) {
        this.settings = settings;
        this.warnings = warnings;
        List<Backend> ordered = new ArrayList<>(backends);
        // Listing order: level_zero, opencl, other backends by name, java last.
        ordered.sort(Comparator.comparingInt(DeviceRegistry::orderOf).thenComparing(Backend::name));
        List<Device> found = new ArrayList<>();
        List<Device> hiddenFound = new ArrayList<>();
        List<BackendStatus> st = new ArrayList<>();
        Map<String, Integer> perKind = new HashMap<>();
        Map<String, Integer> perKindUnselected = new HashMap<>();
        // Before any driver loads: keeps PoCL off the JVM's SIGFPE handler (see NativeSignals).
        NativeSignals.beforeNativeLoad();
        for (Backend b : ordered) {
            List<DeviceDriver> drivers;
            NativeSignals.Snapshot signals = NativeSignals.snapshot();
            try {
                drivers = b.discover();
            } catch (BackendUnavailableException e) {
                st.add(new BackendStatus(b.name(), false, 0, e.getMessage()));
                continue;
            } catch (LinkageError | RuntimeException e) {
                // A native library that is missing or broken must not take the process down.
                st.add(new BackendStatus(b.name(), false, 0, "failed to load: " + e));
                continue;
            }
            NativeSignals.warnIfReplaced(signals, "discovering the " + b.name() + " backend");
            // Before anything compiles: LLVM's crash handlers would otherwise take the JVM's signals (see LlvmHandlers).
            LlvmHandlers.pin();
            st.add(new BackendStatus(b.name(), true, drivers.size(), drivers.isEmpty() ? b.emptyReason() : null));
            for (int pos = 0; pos < drivers.size(); pos++) {
                DeviceDriver d = drivers.get(pos);
                DeviceType type = d.info().type();
                String kind = b.name() + ":" + type.filterName();
                int unselectedIndex = perKindUnselected.merge(kind, 1, Integer::sum) - 1;
                int score = typeScore(type) + b.selectionBonus();
                if (!settings.selector().admits(b.name(), type, pos)) {
                    hiddenFound.add(new Device(d, b.name(), unselectedIndex, score));
                    continue;
                }
                int index = perKind.merge(kind, 1, Integer::sum) - 1;
                found.add(new Device(d, b.name(), index, score));
            }
        }
        this.devices = List.copyOf(found);
        this.hidden = List.copyOf(hiddenFound);
        this.statuses = List.copyOf(st);
    }

    /**
     * Discovers the backends on the class path with the settings of this process.
     *
     * @throws IllegalArgumentException when a setting is malformed (before anything is discovered)
     */
    public static DeviceRegistry fromEnvironment() {
        DeviceSettings settings = DeviceSettings.fromEnvironment();
        List<Backend> backends = new ArrayList<>();
        ServiceLoader.load(Backend.class, DeviceRegistry.class.getClassLoader()).forEach(backends::add);
        return new DeviceRegistry(backends, settings, msg -> LOG.log(Level.WARNING, msg));
    }

    /** The visible devices in listing order. */
    public List<Device> devices() {
        return devices;
    }

    /** Every backend found on the class path, available or not, with its reason. */
    public List<BackendStatus> backends() {
        return statuses;
    }

    /** The settings this registry was made with. */
    public DeviceSettings settings() {
        return settings;
    }

    /**
     * The device that matches a filter (alternatives joined by {@code ,} tried in order), without
     * falling back.
     *
     * @throws IllegalArgumentException when the filter is malformed
     */
    public Optional<Device> find(String filter) {
        for (FilterString f : FilterString.parseAlternatives(filter)) {
            Optional<Device> d = match(f);
            if (d.isPresent()) {
                return d;
            }
        }
        return Optional.empty();
    }

    /** Every visible device whose backend and type match one of the alternatives (index ignored). */
    public List<Device> findAll(String filter) {
        List<FilterString> alts = FilterString.parseAlternatives(filter);
        return devices.stream().filter(d -> alts.stream().anyMatch(f -> f.matchesKind(d))).toList();
    }

    /**
     * The device for a filter. When none matches, strict mode throws; otherwise the default
     * device (the configured one when {@code JDPX_DEFAULT_DEVICE}/{@code -Djdpx.device} names a
     * visible device, else the best by scoring) is returned and one warning per filter per
     * process names both.
     *
     * @throws NoSuchDeviceException in strict mode when nothing matches, listing what exists;
     *         in any mode when no device is visible at all, saying why (e.g. the selector)
     * @throws IllegalArgumentException when the filter is malformed
     */
    public Device select(String filter) {
        Optional<Device> d = find(filter);
        if (d.isPresent()) {
            return d.get();
        }
        if (devices.isEmpty()) {
            throw nothingVisible(filter);
        }
        if (settings.strict()) {
            throw new NoSuchDeviceException(filter, filterStrings(), hiddenNote(filter));
        }
        Device fallback = defaultDevice();
        if (warned.add(filter)) {
            warnings.accept("no device matches '" + filter + "'" + hiddenNote(filter)
                    + "; falling back to the default device " + fallback + ". Set JDPX_STRICT=1 to make this an error.");
        }
        return fallback;
    }

    /**
     * The default device: the one {@code JDPX_DEFAULT_DEVICE}/{@code -Djdpx.device} names, else
     * the best by SYCL's scoring (GPU over CPU over accelerator, Level Zero over OpenCL, java last).
     * A configured default that matches no device falls back to the scored one with a warning
     * (strict mode: an exception).
     *
     * @throws NoSuchDeviceException when no device is visible at all, or in strict mode when the
     *         configured default matches none
     */
    public Device defaultDevice() {
        Device d = defaultDevice;
        if (d == null) {
            d = configuredDefault();
            defaultDevice = d;
        }
        return d;
    }

    private Device configuredDefault() {
        String filter = settings.defaultFilter();
        if (filter == null) {
            return scoredDefault();
        }
        Optional<Device> named = find(filter);
        if (named.isPresent()) {
            return named.get();
        }
        if (devices.isEmpty()) {
            throw nothingVisible(filter);
        }
        String what = "the default device setting (JDPX_DEFAULT_DEVICE or -Djdpx.device) '" + filter
                + "' matches no device" + hiddenNote(filter);
        if (settings.strict()) {
            throw new NoSuchDeviceException(filter, what + "; devices here: " + String.join(", ", filterStrings())
                    + ". Set it to one of those, or unset it (or JDPX_STRICT) to use the best device.");
        }
        Device best = scoredDefault();
        if (warned.add(filter)) {
            warnings.accept(what + "; using " + best + " instead. Set it to one of " + filterStrings() + ".");
        }
        return best;
    }

    /** The filter strings of all visible devices. */
    public List<String> filterStrings() {
        return devices.stream().map(Device::filterString).toList();
    }

    private Device scoredDefault() {
        Device best = null;
        for (Device d : devices) {
            if (best == null || d.selectionScore() > best.selectionScore()) {
                best = d;
            }
        }
        if (best == null) {
            throw nothingVisible("(default)");
        }
        return best;
    }

    /** Why nothing is visible: the selector hides every device, or no backend found one. */
    private NoSuchDeviceException nothingVisible(String filter) {
        if (!hidden.isEmpty()) {
            Device first = hidden.getFirst();
            return new NoSuchDeviceException(filter, "no device is visible: JDPX_DEVICE_SELECTOR='"
                    + settings.selector() + "' hides every device found here ("
                    + String.join(", ", hidden.stream().map(Device::filterString).toList())
                    + "). Change it to admit one of them, e.g. JDPX_DEVICE_SELECTOR='" + first.backend() + ":"
                    + first.type().filterName() + "', or unset it.");
        }
        List<String> why = statuses.stream().map(b -> b.name() + ": " + (b.reason() == null ? "no devices" : b.reason()))
                .toList();
        return new NoSuchDeviceException(filter, "no device found here; backends: "
                + (why.isEmpty() ? "none on the class path (add jdpx-device's backends to it)" : String.join("; ", why))
                + ".");
    }

    /** " (JDPX_DEVICE_SELECTOR='…' hides a, b)" when the selector hides devices the filter would match, else "". */
    private String hiddenNote(String filter) {
        List<FilterString> alts = FilterString.parseAlternatives(filter);
        List<String> matches = hidden.stream().filter(d -> alts.stream().anyMatch(f -> f.matchesKind(d)))
                .map(Device::filterString).toList();
        return matches.isEmpty() ? "" : " (JDPX_DEVICE_SELECTOR='" + settings.selector() + "' hides "
                + String.join(", ", matches) + ")";
    }

    private Optional<Device> match(FilterString f) {
        int wanted = f.effectiveIndex();
        int seen = 0;
        for (Device d : devices) {
            if (f.matchesKind(d) && seen++ == wanted) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static int typeScore(DeviceType t) {
        return switch (t) {
            case GPU -> 500;
            case CPU -> 300;
            case ACCELERATOR -> 75;
        };
    }

    private static int orderOf(Backend b) {
        return switch (b.name()) {
            case "level_zero" -> 0;
            case "opencl" -> 1;
            case "java" -> 3;
            default -> 2;
        };
    }
}
