package org.jdpx.device.opencl;

import java.util.function.IntSupplier;
import org.jocl.CL;
import org.jocl.CLException;

/**
 * Checks the status codes of JOCL calls. JOCL reports errors as return codes unless someone in the
 * process called {@code CL.setExceptionsEnabled(true)}; both forms end here as an
 * {@link OpenClException} (or as a plain code where a failure is an expected answer).
 */
final class Cl {

    private Cl() {
    }

    /** Throws an {@link OpenClException} unless {@code code} is {@code CL_SUCCESS}. */
    static void check(int code, String call, String context) {
        if (code != CL.CL_SUCCESS) {
            throw new OpenClException(call, code, context);
        }
    }

    /**
     * Runs a call whose failure is a normal answer (a device type with no device, an info
     * parameter the driver does not know) and returns its status either way.
     */
    static int status(IntSupplier call) {
        try {
            return call.getAsInt();
        } catch (CLException e) {
            return e.getStatus();
        }
    }
}
