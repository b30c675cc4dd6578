package org.jdpx.distributed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceInformation;
import org.jdpx.device.Devices;
import org.jdpx.device.Queue;

/**
 * Where a block's work runs on an executor: on the GPU Spark gave the task (resource {@code gpu},
 * whose addresses are the {@code N} of jdpx's {@code opencl:gpu:N}, as the shipped discovery
 * script {@code jdpx-gpu-discovery.sh} lists them), else on the device the program asked for,
 * else on the executor's default jdpx device.
 */
public final class Placement {
    private static final System.Logger LOG = System.getLogger(Placement.class.getName());
    private static final Map<String, Queue> QUEUES = new ConcurrentHashMap<>();

    private Placement() {
    }

    /**
     * The jdpx device filter for a task with {@code resources} (Spark's resource name to its
     * addresses): {@code opencl:gpu:<first gpu address>} when there is a {@code gpu} resource,
     * else {@code requested} (null: the default device, returned as null).
     *
     * @throws IllegalArgumentException when a gpu address is not a device number
     */
    public static String filterFor(Map<String, ResourceInformation> resources, String requested) {
        ResourceInformation gpu = resources == null ? null : resources.get("gpu");
        if (gpu == null || gpu.addresses().length == 0) return requested;
        String address = gpu.addresses()[0].trim();
        if (!address.matches("\\d+")) {
            throw new IllegalArgumentException("gpu resource address '" + address + "' is not a device number; "
                    + "use jdpx-gpu-discovery.sh, which lists jdpx's opencl:gpu:N numbers");
        }
        return "opencl:gpu:" + address;
    }

    /** The queue a block runs on in the current Spark task (or on the driver: {@code requested} or the default). */
    public static Queue queue(String requested) {
        TaskContext tc = TaskContext.get();
        String filter = filterFor(tc == null ? null : tc.resourcesJMap(), requested);
        String key = filter == null ? "" : filter;
        return QUEUES.computeIfAbsent(key, k -> {
            Queue q = k.isEmpty() ? Devices.defaultDevice().defaultQueue() : Devices.get(k).defaultQueue();
            LOG.log(System.Logger.Level.DEBUG, "blocks run on " + q.device().filterString());
            return q;
        });
    }
}
