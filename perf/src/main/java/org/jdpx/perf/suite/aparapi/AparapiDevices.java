package org.jdpx.perf.suite.aparapi;

import com.aparapi.device.Device;
import com.aparapi.device.JavaDevice;
import com.aparapi.device.OpenCLDevice;
import java.util.Optional;

/** The two Aparapi targets of the report: its Java thread pool and PoCL through OpenCL. */
public final class AparapiDevices {

    /**
     * Aparapi warns through java.util.logging on every kernel about bytecode attributes it does not
     * know ({@code -parameters}); that does not matter to the report and would break its progress
     * lines. (Its native library's note on PoCL's version goes to stderr and stays.) Whether
     * Aparapi really ran on OpenCL is checked from its profile, not its log.
     */
    static {
        java.util.logging.Logger.getLogger("com.aparapi.logLevel").setFilter(r -> !isNoise(r));
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            java.util.logging.Filter previous = h.getFilter();
            h.setFilter(r -> !isNoise(r) && (previous == null || previous.isLoggable(r)));
        }
    }

    private static boolean isNoise(java.util.logging.LogRecord r) {
        String m = r.getMessage();
        return r.getLoggerName() != null && r.getLoggerName().startsWith("com.aparapi") && m != null
                && m.startsWith("Found unexpected Attribute");
    }

    private AparapiDevices() {
    }

    /** Aparapi's Java thread pool. */
    public static Device threadPool() {
        return JavaDevice.THREAD_POOL;
    }

    /** PoCL's CPU device as Aparapi sees it, if Aparapi's native library loads and PoCL is installed. */
    public static Optional<OpenCLDevice> pocl() {
        try {
            return OpenCLDevice.listDevices(Device.TYPE.CPU).stream()
                    .filter(d -> d.getOpenCLPlatform().getName().startsWith("Portable Computing Language"))
                    .findFirst();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
