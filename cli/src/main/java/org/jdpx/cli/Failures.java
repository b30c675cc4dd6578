package org.jdpx.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line reports a failure: one line on stderr, {@code jdpx: } and the message (which
 * names the problem and the fix), the stack trace only with {@code --verbose}. Usage errors (a bad
 * option or argument) exit with 2, other failures with 1, as picocli's defaults do.
 */
final class Failures implements IExecutionExceptionHandler, IParameterExceptionHandler {

    private final BooleanSupplier verbose;

    Failures(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        StringBuilder line = new StringBuilder(ex.getMessage());
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions)).append('?');
            }
        }
        line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        report(line.toString(), ex);
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        report(describe(ex), ex);
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    private void report(String message, Exception ex) {
        PrintStream err = System.err;
        err.println("jdpx: " + message);
        if (verbose.getAsBoolean()) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    /**
     * The message alone for the errors jdpx and argument checks raise on purpose (they say what to
     * do); the exception's name too for anything else, and where to look.
     */
    static String describe(Throwable ex) {
        String message = ex.getMessage() == null || ex.getMessage().isBlank()
                ? (ex.getCause() != null ? describe(ex.getCause()) : "") : ex.getMessage();
        boolean onPurpose = ex instanceof IllegalArgumentException || ex instanceof IllegalStateException
                || ex instanceof UnsupportedOperationException || ex.getClass().getName().startsWith("org.jdpx.");
        if (onPurpose && !message.isEmpty()) {
            return message;
        }
        return ex.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message)
                + " (run with --verbose for the stack trace)";
    }
}
