package org.jdpx.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jdpx.device.Aspect;
import org.jdpx.device.BackendStatus;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jdpx devices}: the device listing, like {@code sycl-ls} and {@code python -m dpctl -f}. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the devices jdpx sees, mark the default, and say why unavailable backends are.")
final class DevicesCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "-v", description = "Print every property of each device (so does --verbose).")
    boolean properties;

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        DeviceRegistry registry = main.registry();
        PrintStream out = System.out;
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(toJson(registry)));
        } else {
            printText(registry, out);
        }
        return 0;
    }

    static Map<String, Object> toJson(DeviceRegistry registry) {
        Device dflt = registry.devices().isEmpty() ? null : registry.defaultDevice();
        List<Map<String, Object>> devices = new ArrayList<>();
        for (Device d : registry.devices()) {
            DeviceInfo i = d.info();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("filter", d.filterString());
            m.put("backend", d.backend());
            m.put("type", d.type().filterName());
            m.put("name", i.name());
            m.put("vendor", i.vendor());
            m.put("driverVersion", i.driverVersion());
            m.put("computeUnits", i.computeUnits());
            m.put("globalMemBytes", i.globalMemBytes());
            m.put("maxAllocBytes", i.maxAllocBytes());
            m.put("maxWorkGroupSize", i.maxWorkGroupSize());
            m.put("fp64", i.has(Aspect.FP64));
            m.put("fp16", i.has(Aspect.FP16));
            m.put("default", d == dflt);
            devices.add(m);
        }
        List<Map<String, Object>> backends = new ArrayList<>();
        for (BackendStatus b : registry.backends()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", b.name());
            m.put("available", b.available());
            m.put("reason", b.reason());
            backends.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("devices", devices);
        root.put("backends", backends);
        return root;
    }

    private void printText(DeviceRegistry registry, PrintStream out) {
        Device dflt = registry.devices().isEmpty() ? null : registry.defaultDevice();
        int width = registry.devices().stream().mapToInt(d -> d.filterString().length()).max().orElse(0) + 2;
        for (Device d : registry.devices()) {
            DeviceInfo i = d.info();
            out.printf(Locale.ROOT, "%s %-" + width + "s %s, %s %s [%s]%n", d == dflt ? "*" : " ",
                    "[" + d.filterString() + "]", i.platform(), i.name(), i.version(), i.driverVersion());
            if (properties || main.verbose) {
                printDetails(i, out);
            }
        }
        if (registry.devices().isEmpty()) {
            out.println("  no visible devices" + (registry.settings().selector().isEmpty() ? ""
                    : " (JDPX_DEVICE_SELECTOR='" + registry.settings().selector() + "')"));
        }
        out.println();
        out.println("Backends:");
        for (BackendStatus b : registry.backends()) {
            String state = b.available()
                    ? "available, " + b.deviceCount() + (b.deviceCount() == 1 ? " device" : " devices")
                            + (b.reason() == null ? "" : " (" + b.reason() + ")")
                    : "unavailable: " + b.reason();
            out.printf(Locale.ROOT, "  %-11s %s%n", b.name(), state);
        }
        if (dflt != null) {
            out.println();
            out.println("* default device: " + dflt.filterString()
                    + " (set JDPX_DEFAULT_DEVICE or -Djdpx.device to change it)");
        }
    }

    private static void printDetails(DeviceInfo i, PrintStream out) {
        String pad = "      ";
        out.println(pad + "vendor            " + i.vendor());
        out.println(pad + "type              " + i.type().filterName());
        out.println(pad + "compute units     " + i.computeUnits());
        out.println(pad + "global memory     " + i.globalMemBytes() + " bytes");
        out.println(pad + "max allocation    " + i.maxAllocBytes() + " bytes");
        out.println(pad + "local memory      " + i.localMemBytes() + " bytes");
        out.println(pad + "max work-group    " + i.maxWorkGroupSize() + ", item sizes " + i.maxWorkItemSizes());
        out.println(pad + "sub-group sizes   " + (i.subGroupSizes().isEmpty() ? "unknown" : i.subGroupSizes()));
        out.println(pad + "max clock         " + (i.maxClockMHz() == 0 ? "unknown" : i.maxClockMHz() + " MHz"));
        out.println(pad + "aspects           " + i.aspects().stream().map(Aspect::dpctlName).sorted().toList());
    }
}
