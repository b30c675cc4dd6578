package org.jdpx.device.opencl;

import org.jocl.CL;

/**
 * An OpenCL call failed. The message names the call, the error constant and its number, and what
 * was being done, so a user never has to look up a bare integer.
 */
public class OpenClException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    /**
     * @param call    the OpenCL function, e.g. {@code clEnqueueCopyBuffer}
     * @param code    the negative error code it returned
     * @param context what was being done, e.g. {@code copy of 4096 bytes on pthread-haswell}
     */
    public OpenClException(String call, int code, String context) {
        super(call + " failed with " + name(code) + " (" + code + ")" + (context.isEmpty() ? "" : ": " + context));
        this.code = code;
    }

    /** The OpenCL error code, e.g. -30 for {@code CL_INVALID_VALUE}. */
    public int code() {
        return code;
    }

    /** The constant's name for an OpenCL error code, e.g. {@code CL_INVALID_VALUE}. */
    static String name(int code) {
        try {
            return CL.stringFor_errorCode(code);
        } catch (RuntimeException | LinkageError e) {
            return "OpenCL error";
        }
    }
}
