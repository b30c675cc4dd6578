/**
 * Exchanging arrays with the rest of the world without copies where the memory allows: Java
 * memory ({@link org.jdpx.interop.HostMemory}, {@link org.jdpx.interop.JavaArrays}), DLPack
 * ({@link org.jdpx.interop.dlpack}) and Apache Arrow ({@link org.jdpx.interop.arrow}). Every entry
 * point says whether it shared the memory or copied it.
 */
package org.jdpx.interop;
