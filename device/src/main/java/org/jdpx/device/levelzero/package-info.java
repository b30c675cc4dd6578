/**
 * The {@code level_zero} backend: Intel's oneAPI Level Zero, called through the loader library
 * ({@code libze_loader.so.1}, Debian {@code libze1}) with {@code java.lang.foreign} downcalls.
 *
 * <p>Layout: {@link org.jdpx.device.levelzero.LevelZeroBackend} discovers drivers and devices;
 * {@code ZeApi} binds each function of {@code ZeFunction} and checks every {@code ze_result_t}
 * (a failure is a {@link org.jdpx.device.levelzero.LevelZeroException} naming the function and the
 * result, never a JVM crash); {@code ZeStructs} holds the structure layouts; the device driver, queue
 * (immediate command lists), events (pools, kernel timestamps) and USM memory each have one class.
 *
 * <p><b>Unverified on real hardware.</b> The machine this was written on has the loader but no
 * driver, so no Level Zero call has reached a driver. What was checked: every bound function
 * resolves in the real loader (libze1 1.8), and every typed wrapper was called through it (the loader
 * answers {@code ZE_RESULT_ERROR_UNINITIALIZED}), so each Java call site matches its C signature's
 * descriptor; every structure's size equals what gcc computes from the definitions in ze_api.h v1.7;
 * result codes, structure types and flags were taken from that header;
 * a missing loader and a loader without driver both leave the backend unavailable with a clear reason
 * and the process unaffected. Device queries, allocation, copies, fills, barriers, event waits and
 * timestamp conversion await a machine with an Intel GPU and {@code intel-level-zero-gpu}.
 */
package org.jdpx.device.levelzero;
