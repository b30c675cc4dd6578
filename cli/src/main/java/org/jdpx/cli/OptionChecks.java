package org.jdpx.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.device.Device;
import org.jdpx.device.DeviceRegistry;
import org.jdpx.device.NoSuchDeviceException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks of option values made before a command starts its work, each failing as a usage error
 * (exit status 2) that names the option, its value, what is wrong and the fix.
 */
final class OptionChecks {
    private OptionChecks() {
    }

    /** A usage error for {@code option value}. */
    static ParameterException bad(CommandSpec spec, String option, Object value, String why, Throwable cause) {
        return new ParameterException(spec.commandLine(), option + " " + value + ": " + why, cause);
    }

    /**
     * The device a filter option selects, falling back as {@link DeviceRegistry#select} does.
     *
     * @throws ParameterException when the filter is malformed, or matches nothing in strict mode
     */
    static Device select(CommandSpec spec, DeviceRegistry registry, String option, String filter) {
        try {
            return registry.select(filter);
        } catch (IllegalArgumentException e) {
            throw bad(spec, option, filter, e.getMessage() + "; devices here: "
                    + String.join(", ", registry.filterStrings()), e);
        } catch (NoSuchDeviceException e) {
            throw bad(spec, option, filter, e.getMessage(), e);
        }
    }

    /**
     * The device a filter option names exactly, without falling back.
     *
     * @throws ParameterException when the filter is malformed or matches no device
     */
    static Device find(CommandSpec spec, DeviceRegistry registry, String option, String filter) {
        String here = "devices here: " + String.join(", ", registry.filterStrings());
        try {
            return registry.find(filter).orElseThrow(() -> bad(spec, option, filter, "no device matches it; " + here, null));
        } catch (IllegalArgumentException e) {
            throw bad(spec, option, filter, e.getMessage() + "; " + here, e);
        }
    }

    /**
     * Checks that a file can be written where an output option points, before any work is done
     * that would be lost: its folder exists and is writable, and it is not itself a folder.
     *
     * @throws ParameterException saying which of those fails and what to do
     */
    static void writable(CommandSpec spec, String option, Path file) {
        if (file == null) {
            return;
        }
        Path abs = file.toAbsolutePath().normalize();
        Path folder = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw bad(spec, option, file, "it is a folder; give a file name in it, e.g. " + abs.resolve("report"), null);
        } else if (folder == null || !Files.isDirectory(folder)) {
            throw bad(spec, option, file, "the folder " + folder + " does not exist; create it or choose another path",
                    null);
        } else if (Files.exists(abs) ? !Files.isWritable(abs) : !Files.isWritable(folder)) {
            throw bad(spec, option, file, "it cannot be written (no permission on "
                    + (Files.exists(abs) ? abs : folder) + "); choose another path", null);
        }
    }
}
