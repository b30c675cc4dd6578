package org.jdpx.device.jvm;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.jdpx.device.Aspect;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceOutOfMemoryException;
import org.jdpx.device.DeviceType;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.DeviceDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;

/**
 * The java device: compute units are the processors available to this JVM; all three USM kinds
 * are native memory the host and the device (the same threads) address directly.
 */
public final class JavaDeviceDriver implements DeviceDriver {

    private static final JavaDeviceDriver INSTANCE = new JavaDeviceDriver();

    /** The work-group limit; barrier kernels run one thread per work-item of a group. */
    static final int MAX_WORK_GROUP = 1024;

    private final DeviceInfo info;
    private final long physicalBytes;

    private JavaDeviceDriver() {
        physicalBytes = physicalMemory();
        info = new DeviceInfo(
                "Java threads on " + cpuModel(),
                "jdpx",
                Runtime.version().toString(),
                "jdpx java device, JDK " + Runtime.version().feature(),
                "java",
                DeviceType.CPU,
                physicalBytes,
                64 * 1024,
                physicalBytes,
                Runtime.getRuntime().availableProcessors(),
                MAX_WORK_GROUP,
                List.of((long) MAX_WORK_GROUP, (long) MAX_WORK_GROUP, (long) MAX_WORK_GROUP),
                List.of(1L),
                0,
                EnumSet.of(Aspect.FP16, Aspect.FP64, Aspect.ATOMIC64, Aspect.USM_DEVICE_ALLOCATIONS,
                        Aspect.USM_HOST_ALLOCATIONS, Aspect.USM_SHARED_ALLOCATIONS));
    }

    /** The one java device of this process. */
    public static JavaDeviceDriver instance() {
        return INSTANCE;
    }

    @Override
    public DeviceInfo info() {
        return info;
    }

    @Override
    public QueueDriver createQueue(boolean profiling) {
        return new JavaQueue(profiling);
    }

    @Override
    public NativeMemory allocate(UsmType kind, long bytes) {
        if (bytes > physicalBytes) {
            throw new DeviceOutOfMemoryException("java:cpu:0", bytes, availableMemoryBytes(),
                    "more than the machine's physical memory");
        }
        try {
            return new JavaMemory(kind, bytes);
        } catch (OutOfMemoryError e) {
            throw new DeviceOutOfMemoryException("java:cpu:0", bytes, availableMemoryBytes(), e.getMessage());
        }
    }

    /** Any native segment: the java device addresses host memory directly, so this never copies. */
    @Override
    public NativeMemory wrapHost(java.lang.foreign.MemorySegment segment, boolean readOnly) {
        if (!segment.isNative()) {
            return null;
        }
        return new JavaMemory(readOnly ? segment.asReadOnly() : segment);
    }

    @Override
    public String memoryModel() {
        return "device, shared and host are all native memory of this process; no copies are hidden";
    }

    @Override
    public long availableMemoryBytes() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getFreeMemorySize();
        }
        return -1;
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: the architecture name will do.
        }
        return System.getProperty("os.arch");
    }
}
