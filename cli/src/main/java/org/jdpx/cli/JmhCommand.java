package org.jdpx.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code jdpx jmh ARGS}: runs the JMH benchmarks of perf/ with JMH's own command line. */
@Command(name = "jmh", description = "Run JMH benchmarks (JMH's own options, e.g. 'jdpx jmh UsmCopy -f 1').")
final class JmhCommand implements Callable<Integer> {

    /** Everything after {@code jmh}, options included, goes to JMH unchanged. */
    @Unmatched
    List<String> args = new java.util.ArrayList<>();

    @Override
    public Integer call() throws Exception {
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return 0;
    }
}
