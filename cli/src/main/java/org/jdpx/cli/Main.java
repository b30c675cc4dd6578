package org.jdpx.cli;

import java.util.function.Supplier;
import org.jdpx.device.DeviceRegistry;
import org.jdpx.device.Devices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code jdpx} command line. Each subcommand is one class in this package. A mistake (a bad
 * option, a device that is not there, a malformed setting) is one line on stderr, {@code jdpx:}
 * then what is wrong and the fix, and exit status 2 for usage errors, 1 for other failures;
 * {@code --verbose} adds the stack trace.
 */
@Command(name = "jdpx", mixinStandardHelpOptions = true, version = "jdpx 0.1.0",
        description = "Array computing and kernels on XPUs for Java: compute follows data.",
        subcommands = {TourCommand.class, DevicesCommand.class, KernelSourceCommand.class, JmhCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace too (and in 'devices', every property of each device).")
    boolean verbose;

    private final Supplier<DeviceRegistry> registry;

    private Main(Supplier<DeviceRegistry> registry) {
        this.registry = registry;
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; for tests. */
    public static int run(String... args) {
        return run(Devices::registry, args);
    }

    /** Runs the command line on the devices {@code registry} gives; tests pass their own settings. */
    static int run(Supplier<DeviceRegistry> registry, String... args) {
        Main main = new Main(registry);
        Failures failures = new Failures(() -> main.verbose);
        return new CommandLine(main)
                .setExecutionExceptionHandler(failures)
                .setParameterExceptionHandler(failures)
                .execute(args);
    }

    /**
     * The devices of this run, made on first use.
     *
     * @throws IllegalArgumentException when a device setting (JDPX_DEVICE_SELECTOR, JDPX_DEFAULT_DEVICE) is malformed
     */
    DeviceRegistry registry() {
        return registry.get();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
