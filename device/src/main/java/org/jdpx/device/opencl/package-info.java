/**
 * The OpenCL backend, through JOCL 2.0.5.
 *
 * <ul>
 *   <li>Discovery per platform and device type ({@link org.jdpx.device.opencl.OpenClBackend}); where
 *       only {@code libOpenCL.so.1} is installed, a renamed private copy lets JOCL load it
 *       ({@code LoaderShim}).</li>
 *   <li>One {@code cl_context} per device; in-order queues; events released by a cleaner.
 *       Dependencies on events of the same device go into OpenCL wait lists (the other queue is
 *       flushed first); events of other devices or backends are awaited on the host.</li>
 *   <li>USM on buffers: {@code device} and {@code host} are buffers, {@code shared} is fine-grained
 *       SVM where the device has it (PoCL) and a mapped/unmapped host-pointer buffer elsewhere
 *       (rusticl). Host views are scoped segments that fail cleanly once unmapped or freed.</li>
 *   <li>Host copies map the buffer and copy in the JVM on host-unified devices (PoCL's
 *       {@code clEnqueueWriteBuffer} is slow), Write/ReadBuffer on discrete ones.</li>
 *   <li>Programs from OpenCL C, SPIR-V (downcall to {@code clCreateProgramWithIL}) or cached
 *       binaries (checked before they reach the driver); kernels launched with preallocated
 *       argument storage.</li>
 * </ul>
 *
 * <p>Devices known to work: PoCL 3.1 (CPU, OpenCL 3.0, fp64, fine-grained SVM) and Mesa 22.3
 * rusticl on llvmpipe (CPU, no fp64, no SVM, no real profiling timestamps; needs
 * {@code RUSTICL_ENABLE=llvmpipe}).
 */
package org.jdpx.device.opencl;
