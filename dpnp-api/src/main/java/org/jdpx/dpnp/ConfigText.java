package org.jdpx.dpnp;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdpx.device.Aspect;
import org.jdpx.device.BackendStatus;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceRegistry;
import org.jdpx.device.Devices;
import org.jdpx.kernels.frontend.Frontend;

/**
 * The text of show_config and show_runtime, in NumPy's indented "section: key: value" layout:
 * jdpx's build (version, kernel compiler), the Java runtime, the machine and every device the
 * process-wide registry lists with its platform and driver versions, as {@code jdpx devices} does.
 */
final class ConfigText {

    private ConfigText() {
    }

    /** jdpx's version: the jar manifest's, else the build's (0.1.0 in the source tree). */
    static String version() {
        String v = ConfigText.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    static String config(DeviceRegistry registry) {
        StringBuilder sb = new StringBuilder();
        sb.append("Build Dependencies:\n");
        kv(sb, 1, "jdpx", version());
        kv(sb, 1, "kernel compiler", Frontend.COMPILER_VERSION);
        sb.append("Java Information:\n");
        kv(sb, 1, "version", System.getProperty("java.version"));
        kv(sb, 1, "vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        kv(sb, 1, "vendor", System.getProperty("java.vendor"));
        sb.append("Machine Information:\n");
        kv(sb, 1, "system", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        kv(sb, 1, "cpu", System.getProperty("os.arch"));
        kv(sb, 1, "processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        devices(sb, registry);
        return sb.toString();
    }

    static String runtime(DeviceRegistry registry) {
        StringBuilder sb = new StringBuilder();
        sb.append("jdpx Runtime:\n");
        kv(sb, 1, "jdpx_version", version());
        kv(sb, 1, "java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        kv(sb, 1, "max_memory_bytes", String.valueOf(Runtime.getRuntime().maxMemory()));
        Map<String, String> env = new TreeMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("JDPX_") || k.equals("RUSTICL_ENABLE")) env.put(k, v);
        });
        sb.append("Settings:\n");
        if (env.isEmpty()) sb.append("  (no JDPX_ environment variables set)\n");
        env.forEach((k, v) -> kv(sb, 1, k, v));
        devices(sb, registry);
        return sb.toString();
    }

    private static void devices(StringBuilder sb, DeviceRegistry registry) {
        sb.append("Devices:\n");
        if (registry.devices().isEmpty()) sb.append("  (no visible devices)\n");
        for (Device d : registry.devices()) {
            DeviceInfo i = d.info();
            sb.append("  - filter: ").append(d.filterString()).append('\n');
            kv(sb, 2, "name", i.name());
            kv(sb, 2, "vendor", i.vendor());
            kv(sb, 2, "platform", i.platform());
            kv(sb, 2, "version", i.version());
            kv(sb, 2, "driver version", i.driverVersion());
            kv(sb, 2, "compute units", String.valueOf(i.computeUnits()));
            kv(sb, 2, "global memory", String.format(Locale.ROOT, "%.1f MiB", i.globalMemBytes() / 1048576.0));
            kv(sb, 2, "fp64", String.valueOf(i.has(Aspect.FP64)));
        }
        sb.append("Backends:\n");
        for (BackendStatus b : registry.backends()) {
            kv(sb, 1, b.name(), b.available() ? "available (" + b.deviceCount() + " devices)" : "unavailable: " + b.reason());
        }
    }

    private static void kv(StringBuilder sb, int indent, String k, String v) {
        sb.append("  ".repeat(indent)).append(k).append(": ").append(v).append('\n');
    }

    static DeviceRegistry registry() {
        return Devices.registry();
    }
}
