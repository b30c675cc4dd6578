package org.jdpx.device;

/**
 * Operands of one operation live on different devices or queues. jdpx never copies data between
 * devices behind the user's back (compute follows data); the message names each place and a fix
 * that exists for the operands: {@code toDevice} for arrays ({@link #of}), allocating or copying
 * for USM memory and the kernel-argument views of it ({@link #ofMemory}). Named after dpctl's
 * {@code ExecutionPlacementError}, but unchecked like any argument error in Java.
 */
public class ExecutionPlacementError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the error with a message that names the places and the fix. */
    public ExecutionPlacementError(String message) {
        super(message);
    }

    /**
     * The standard message for two arrays (operands that have {@code toDevice}, such as tensor
     * arrays) on different queues.
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

    /** The standard message for two arrays with one more sentence of advice at the end. */
    public static ExecutionPlacementError of(String what, String first, Queue firstQ, String second, Queue secondQ,
                                             String hint) {
        return new ExecutionPlacementError(places(what, first, firstQ, second, secondQ) + "so move one operand first, e.g. "
                + second + ".toDevice(\"" + firstQ.device().filterString() + "\") or " + second + ".toDevice("
                + first + ".queue())." + (hint.isEmpty() ? "" : " " + hint));
    }

    /**
     * The message for USM memory, or views of it such as kernel arguments, on different queues.
     * Memory has no {@code toDevice}: the fix is to allocate it where the other operand lives or
     * to copy it there ({@code UsmMemory.copyAcrossDevices} between devices, {@code copyFrom} on one).
     *
     * @param hint one more sentence of advice at the end, or empty
     */
    public static ExecutionPlacementError ofMemory(String what, String first, Queue firstQ, String second,
                                                   Queue secondQ, String hint) {
        String device = firstQ.device().filterString();
        String fix = firstQ.device() == secondQ.device()
                ? "so use one queue: allocate " + second + " on the queue of " + first
                        + " (UsmMemory.allocate(queue, kind, bytes)) or copy it there with dst.copyFrom(src)."
                : "so put " + second + " on " + device + " first: allocate its memory there (UsmMemory.allocateDevice("
                        + "Devices.get(\"" + device + "\"), bytes)) or copy it into such an allocation with "
                        + "UsmMemory.copyAcrossDevices(src, dst).";
        return new ExecutionPlacementError(places(what, first, firstQ, second, secondQ) + fix
                + (hint.isEmpty() ? "" : " " + hint));
    }

    /** "cannot WHAT: A is on Q1 but B is on Q2; why. Execution placement follows the data, ". */
    private static String places(String what, String first, Queue firstQ, String second, Queue secondQ) {
        boolean sameDevice = firstQ.device() == secondQ.device();
        String why = sameDevice
                ? "they live on two different queues of " + firstQ.device().filterString()
                : "they live on different devices, " + firstQ.device().filterString() + " and "
                        + secondQ.device().filterString();
        return "cannot " + what + ": " + first + " is on " + firstQ + " but " + second + " is on " + secondQ + "; "
                + why + ". Execution placement follows the data, ";
    }
}
