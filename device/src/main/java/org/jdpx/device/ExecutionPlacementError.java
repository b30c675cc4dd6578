package org.jdpx.device;

/**
 * Operands of one operation live on different devices or queues. jdpx never copies data between
 * devices behind the user's back (compute follows data); the message names each place and the
 * fix, {@code toDevice}. Named after dpctl's {@code ExecutionPlacementError}, but unchecked like
 * any argument error in Java.
 */
public class ExecutionPlacementError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with a message that names the places and the fix. */
    public ExecutionPlacementError(String message) {
        super(message);
    }

    /**
     * The standard message for two operands on different queues.
     *
     * @param what   what was being done, e.g. {@code "add"} or {@code "kernel vadd"}
     * @param first  the first operand's name and queue
     * @param firstQ its queue
     * @param second the second operand's name
     * @param secondQ its queue
     */
    public static ExecutionPlacementError of(String what, String first, Queue firstQ, String second, Queue secondQ) {
        return of(what, first, firstQ, second, secondQ, "");
    }

    /** The standard message with one more sentence of advice at the end. */
    public static ExecutionPlacementError of(String what, String first, Queue firstQ, String second, Queue secondQ,
                                             String hint) {
        boolean sameDevice = firstQ.device() == secondQ.device();
        String why = sameDevice
                ? "they live on two different queues of " + firstQ.device().filterString()
                : "they live on different devices, " + firstQ.device().filterString() + " and "
                        + secondQ.device().filterString();
        return new ExecutionPlacementError("cannot " + what + ": " + first + " is on " + firstQ + " but "
                + second + " is on " + secondQ + "; " + why + ". Execution placement follows the data, "
                + "so move one operand first, e.g. " + second + ".toDevice(\"" + firstQ.device().filterString()
                + "\") or " + second + ".toDevice(" + first + ".queue())." + (hint.isEmpty() ? "" : " " + hint));
    }
}
