package org.jdpx.device.levelzero;

/**
 * A Level Zero call returned an error. The message names the function and the result, e.g.
 * {@code zeMemAllocDevice failed: ZE_RESULT_ERROR_OUT_OF_DEVICE_MEMORY (0x70000003)}.
 */
public class LevelZeroException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String function;
    private final int result;

    /**
     * @param function the Level Zero function that failed
     * @param result   its {@code ze_result_t}
     */
    public LevelZeroException(String function, int result) {
        super(function + " failed: " + ZeResult.describe(result));
        this.function = function;
        this.result = result;
    }

    /** The Level Zero function that failed. */
    public String function() {
        return function;
    }

    /** The raw {@code ze_result_t}. */
    public int result() {
        return result;
    }
}
