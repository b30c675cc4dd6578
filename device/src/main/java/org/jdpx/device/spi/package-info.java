/**
 * The backend SPI: what a device family (OpenCL, Level Zero, the java threads, later CUDA or
 * Vulkan) implements so that every higher module works on it unchanged.
 *
 * <p>A backend is found with {@link java.util.ServiceLoader} through {@link org.jdpx.device.spi.Backend}.
 * It reports its devices as {@link org.jdpx.device.spi.DeviceDriver}s; each gives queues
 * ({@link org.jdpx.device.spi.QueueDriver}), raw memory ({@link org.jdpx.device.spi.NativeMemory})
 * and, for kernels, programs. Drivers do no argument checking beyond what keeps the process alive:
 * the public layers above check lifetimes, placement and bounds before they call in.
 */
package org.jdpx.device.spi;
