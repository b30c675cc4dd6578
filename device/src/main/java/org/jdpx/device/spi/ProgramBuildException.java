package org.jdpx.device.spi;

/**
 * A device compiler rejected a program. Carries the compiler's log and the first lines of the
 * source so that a failure in generated code can be read without rerunning anything.
 */
public class ProgramBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How many lines of the source the message quotes. */
    public static final int QUOTED_LINES = 20;

    private final String buildLog;
    private final String sourceHead;

    /**
     * @param device     the device that compiled it, e.g. {@code opencl:cpu:0 (pthread-...)}
     * @param detail     the driver's error code or other short reason
     * @param buildLog   the compiler's log, may be empty
     * @param sourceText the program text, or a description for binary programs
     */
    public ProgramBuildException(String device, String detail, String buildLog, String sourceText) {
        this(device, detail, buildLog == null ? "" : buildLog.strip(), head(sourceText), null);
    }

    private ProgramBuildException(String device, String detail, String log, String head, Throwable cause) {
        super("program build failed on " + device + " (" + detail + ")"
                + (log.isEmpty() ? "; the compiler gave no log" : ":\n" + log)
                + "\n--- source (first " + QUOTED_LINES + " lines) ---\n" + head, cause);
        this.buildLog = log;
        this.sourceHead = head;
    }

    /** The compiler's log, stripped; empty when it gave none. */
    public String buildLog() {
        return buildLog;
    }

    /** The first {@value #QUOTED_LINES} lines of the source, numbered. */
    public String sourceHead() {
        return sourceHead;
    }

    private static String head(String source) {
        if (source == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n", QUOTED_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, QUOTED_LINES); i++) {
            sb.append(String.format(java.util.Locale.ROOT, "%4d| %s%n", i + 1, lines[i]));
        }
        if (lines.length > QUOTED_LINES) {
            sb.append("    | ...\n");
        }
        return sb.toString();
    }
}
