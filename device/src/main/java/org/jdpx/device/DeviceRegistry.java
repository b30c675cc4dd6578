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
        List<BackendStatus> st = new ArrayList<>();
        Map<String, Integer> perKind = new HashMap<>();
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
            st.add(new BackendStatus(b.name(), true, drivers.size(), drivers.isEmpty() ? b.emptyReason() : null));
            for (int pos = 0; pos < drivers.size(); pos++) {
                DeviceDriver d = drivers.get(pos);
                DeviceType type = d.info().type();
                if (!settings.selector().admits(b.name(), type, pos)) {
                    continue;
                }
                String kind = b.name() + ":" + type.filterName();
                int index = perKind.merge(kind, 1, Integer::sum) - 1;
                found.add(new Device(d, b.name(), index, typeScore(type) + b.selectionBonus()));
            }
        }
        this.devices = List.copyOf(found);
        this.statuses = List.copyOf(st);
    }

    /** Discovers the backends on the class path with the settings of this process. */
    public static DeviceRegistry fromEnvironment() {
        List<Backend> backends = new ArrayList<>();
        ServiceLoader.load(Backend.class, DeviceRegistry.class.getClassLoader()).forEach(backends::add);
        return new DeviceRegistry(backends, DeviceSettings.fromEnvironment(),
                msg -> LOG.log(Level.WARNING, msg));
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
     * device is returned and one warning per filter per process names both.
     *
     * @throws NoSuchDeviceException in strict mode when nothing matches, listing what exists
     * @throws IllegalArgumentException when the filter is malformed
     */
    public Device select(String filter) {
        Optional<Device> d = find(filter);
        if (d.isPresent()) {
            return d.get();
        }
        if (settings.strict()) {
            throw new NoSuchDeviceException(filter, filterStrings());
        }
        Device fallback = scoredDefault();
        if (warned.add(filter)) {
            warnings.accept("no device matches '" + filter + "'; falling back to the default device "
                    + fallback + ". Set JDPX_STRICT=1 to make this an error.");
        }
        return fallback;
    }

    /**
     * The default device: the one {@code JDPX_DEFAULT_DEVICE}/{@code -Djdpx.device} names, else
     * the best by SYCL's scoring (GPU over CPU over accelerator, Level Zero over OpenCL, java last).
     *
     * @throws NoSuchDeviceException when no device is visible at all
     */
    public Device defaultDevice() {
        Device d = defaultDevice;
        if (d == null) {
            d = settings.defaultFilter() != null ? select(settings.defaultFilter()) : scoredDefault();
            defaultDevice = d;
        }
        return d;
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
            throw new NoSuchDeviceException("(default)", List.of());
        }
        return best;
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
