package org.jdpx.interop;

import org.jdpx.tensor.UsmNdArray;

/**
 * An array made from memory that came from outside jdpx, and whether it shares that memory.
 *
 * @param array    the jdpx array
 * @param zeroCopy {@code true} when the array is the outside memory itself (writes on either side
 *                 are seen by the other), {@code false} when it is a copy made because the
 *                 device cannot address that memory in place
 */
public record Wrapped(UsmNdArray array, boolean zeroCopy) {
}
