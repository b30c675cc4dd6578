package org.jdpx.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the command line with standard output captured.
 *
 * @param status the exit status
 * @param out    what it printed
 */
record CliRun(int status, String out) {

    /** Runs {@code args} through {@link Main#run(String...)}. */
    static CliRun of(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            status = Main.run(args);
        } finally {
            System.setOut(saved);
        }
        return new CliRun(status, buf.toString(StandardCharsets.UTF_8));
    }
}
