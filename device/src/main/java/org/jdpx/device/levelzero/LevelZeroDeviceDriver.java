package org.jdpx.device.levelzero;

import java.lang.foreign.MemorySegment;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.DeviceOutOfMemoryException;
import org.jdpx.device.UsmType;
import org.jdpx.device.spi.DeviceDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;

/**
 * One Level Zero device: USM allocations in its driver's context and in-order queues on immediate
 * command lists. Its event pools live as long as the device, so events outlive their queues safely.
 */
final class LevelZeroDeviceDriver implements DeviceDriver {

    private final ZeContext context;
    private final MemorySegment device;
    private final ZeDeviceInfo facts;
    private final ZeEventPool plainEvents;
    private final ZeEventPool timedEvents;

    /**
     * @throws LevelZeroException when the device's properties cannot be read
     */
    LevelZeroDeviceDriver(ZeContext context, MemorySegment device) {
        this.context = context;
        this.device = device;
        this.facts = ZeDeviceInfo.read(context, device);
        this.plainEvents = new ZeEventPool(context, false);
        this.timedEvents = new ZeEventPool(context, true);
    }

    @Override
    public DeviceInfo info() {
        return facts.info();
    }

    /**
     * An in-order queue; with profiling its events come from a kernel-timestamp pool.
     *
     * @throws LevelZeroException when the command list cannot be created
     */
    @Override
    public QueueDriver createQueue(boolean profiling) {
        return new LevelZeroQueue(context, device, profiling, profiling ? timedEvents : plainEvents, facts.clock());
    }

    /**
     * Allocates USM memory. Level Zero rejects a size of zero, so an empty block takes
     * {@link NativeMemory#MIN_ALIGNMENT} bytes while reporting size zero.
     *
     * @throws DeviceOutOfMemoryException when the driver reports out of memory or an unsupported size
     * @throws LevelZeroException on any other failure
     */
    @Override
    public NativeMemory allocate(UsmType kind, long bytes) {
        long size = Math.max(bytes, NativeMemory.MIN_ALIGNMENT);
        long align = NativeMemory.MIN_ALIGNMENT;
        MemorySegment ctx = context.handle();
        try {
            MemorySegment ptr = switch (kind) {
                case DEVICE -> context.api.allocDevice(ctx, device, size, align);
                case HOST -> context.api.allocHost(ctx, size, align);
                case SHARED -> context.api.allocShared(ctx, device, size, align);
            };
            return new LevelZeroMemory(kind, bytes, context, ptr);
        } catch (LevelZeroException e) {
            if (ZeResult.isOutOfMemory(e.result())) {
                throw new DeviceOutOfMemoryException(info().name(), bytes, availableMemoryBytes(), e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public String memoryModel() {
        return "device: zeMemAllocDevice; host: zeMemAllocHost (host memory the device reads directly); "
                + "shared: zeMemAllocShared, migrated by the driver; no emulation";
    }
}
