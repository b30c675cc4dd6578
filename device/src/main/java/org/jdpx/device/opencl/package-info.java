/**
 * The OpenCL backend, through JOCL 2.0.5: device discovery per platform and device type, one
 * context per device, in-order queues, events released by a cleaner, USM emulated on buffers (and
 * fine-grained SVM where a device has it), host copies by mapping on host-unified devices, and
 * program build and kernel launch for the kernel compiler.
 *
 * <p>Devices known to work: PoCL 3.1 (CPU, OpenCL 3.0, fp64) and Mesa rusticl on llvmpipe (CPU,
 * no fp64; needs {@code RUSTICL_ENABLE=llvmpipe}).
 */
package org.jdpx.device.opencl;
