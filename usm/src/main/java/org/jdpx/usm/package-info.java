/**
 * USM memory, as SYCL and dpctl define it: {@code device}, {@code shared} and {@code host}
 * allocations made through a queue, which remember that device and queue so that higher layers
 * can enforce compute-follows-data. A caching {@link org.jdpx.usm.UsmPool} per device sits in
 * front of the backend allocator; {@link org.jdpx.usm.UsmMemory} handles check their lifetime on
 * every use, so memory used after it was freed raises an exception and never crashes the JVM.
 */
package org.jdpx.usm;
