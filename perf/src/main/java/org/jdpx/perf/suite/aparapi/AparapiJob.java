package org.jdpx.perf.suite.aparapi;

import com.aparapi.Kernel;
import com.aparapi.device.Device;

/** One Aparapi computation: its kernel and how one run executes it on a device (passes, host folding). */
public interface AparapiJob {

    /** The kernel; its class's profile tells which device really ran it. */
    Kernel kernel();

    /** Runs the computation once on {@code device}. */
    void run(Device device);

    /** Makes a job at a size; the kernel's arrays are allocated and filled here. */
    @FunctionalInterface
    interface Factory {
        /** The job for {@code size}. */
        AparapiJob open(long size);
    }

    /** A single-pass job over {@code global} work-items ({@code local} 0 lets Aparapi choose), then {@code after}. */
    static AparapiJob single(Kernel kernel, int global, int local, Runnable after) {
        return new AparapiJob() {
            @Override
            public Kernel kernel() {
                return kernel;
            }

            @Override
            public void run(Device device) {
                kernel.execute(local > 0 ? com.aparapi.Range.create(device, global, local)
                        : com.aparapi.Range.create(device, global));
                after.run();
            }
        };
    }
}
