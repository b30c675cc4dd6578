package org.jdpx.perf.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What this machine is: CPU name, cores and the fp32 peak derived from {@code /proc/cpuinfo}. */
final class MachineProbe {

    private MachineProbe() {
    }

    record Cpu(String name, int cores, Peak peak) {
    }

    static Cpu probe() {
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return new Cpu(System.getProperty("os.arch"), cores,
                    new Peak(Double.NaN, "unknown: /proc/cpuinfo is not readable (" + e.getMessage() + ")"));
        }
        String name = System.getProperty("os.arch");
        String vendor = "";
        int family = -1;
        double mhz = 0;
        Set<String> flags = new HashSet<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) continue;
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "model name" -> name = value;
                case "vendor_id" -> vendor = value;
                case "cpu family" -> family = Integer.parseInt(value);
                case "cpu MHz" -> mhz = Math.max(mhz, Double.parseDouble(value));
                case "flags", "Features" -> flags.addAll(List.of(value.split("\\s+")));
                default -> { }
            }
        }
        if (mhz == 0) {
            return new Cpu(name, cores, new Peak(Double.NaN, "unknown: /proc/cpuinfo gives no cpu MHz"));
        }
        return new Cpu(name, cores, Peak.of(mhz, cores, vendor, family, flags));
    }
}
