package org.jdpx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jdpx} command line. Each subcommand is one class in this package. */
@Command(name = "jdpx", mixinStandardHelpOptions = true, version = "jdpx 0.1.0",
        description = "Array computing and kernels on XPUs for Java: compute follows data.",
        subcommands = {TourCommand.class, DevicesCommand.class, KernelSourceCommand.class, JmhCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; for tests. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
