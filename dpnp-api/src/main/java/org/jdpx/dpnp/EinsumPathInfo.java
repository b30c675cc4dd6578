package org.jdpx.dpnp;

import java.util.List;

/**
 * What {@link Dpnp#einsumPath} returns, as NumPy's {@code (path, string)}: the contraction order
 * (each step the positions of the operands it contracts, in the list where contracted operands
 * are removed and their result appended; NumPy's leading {@code 'einsum_path'} marker left out)
 * and NumPy's printable report of the scaling, FLOP counts and each step.
 */
public record EinsumPathInfo(List<int[]> path, String report) {
}
