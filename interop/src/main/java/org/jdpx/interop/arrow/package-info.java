/**
 * Apache Arrow: jdpx arrays as Arrow vectors (1-D as primitive vectors, n-d as the canonical
 * {@code arrow.fixed_shape_tensor} extension type) and back, zero-copy over host memory, directly
 * or through the Arrow C Data Interface so the other side can be any Arrow implementation in the
 * process. Needs {@code org.apache.arrow:arrow-vector}, {@code arrow-c-data} and an Arrow memory
 * module on the class path (optional dependencies of this module).
 */
package org.jdpx.interop.arrow;
