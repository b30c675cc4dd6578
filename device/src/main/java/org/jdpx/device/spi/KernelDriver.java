package org.jdpx.device.spi;

/**
 * One kernel of a {@link ProgramDriver}, launched with
 * {@link QueueDriver#launch(KernelDriver, LaunchRange, java.util.List, java.util.List)} on a queue
 * of the same device. Launching the same kernel from several threads at once is allowed.
 */
public interface KernelDriver {

    /** The kernel's function name. */
    String name();

    /** How many arguments the kernel takes. */
    int argCount();
}
