package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdpx.tensor.Shapes;

/**
 * A parsed einsum subscript string: each operand's axis labels, the output's labels and every
 * label's extent. Letters are their character codes; the axes an ellipsis covers get labels
 * {@code ELLIPSIS + k}, right-aligned across operands as NumPy broadcasts them. Implicit mode
 * (no {@code ->}) outputs the ellipsis axes, then the letters used exactly once in ASCII order.
 */
record EinsumSpec(int[][] inputs, int[] output, Map<Integer, Long> sizes) {
    static final int ELLIPSIS = 1000;

    static EinsumSpec parse(String subscripts, long[][] shapes) {
        String s = subscripts.replace(" ", "");
        int arrow = s.indexOf("->");
        String lhs = arrow < 0 ? s : s.substring(0, arrow);
        String[] terms = lhs.split(",", -1);
        if (terms.length != shapes.length) {
            throw new IllegalArgumentException("einsum: the subscripts '" + subscripts + "' name " + terms.length
                    + " operands but " + shapes.length + " were given");
        }
        int[] ellipsisDims = new int[terms.length];
        int e = 0;
        for (int i = 0; i < terms.length; i++) {
            int letters = letters(terms[i], subscripts);
            boolean dots = terms[i].contains("...");
            ellipsisDims[i] = shapes[i].length - letters;
            if (!dots && ellipsisDims[i] != 0 || ellipsisDims[i] < 0) {
                throw new IllegalArgumentException("einsum: subscript '" + terms[i] + "' has " + letters
                        + " labels but operand " + i + " has " + shapes[i].length + " dimensions (use '...' for the rest)");
            }
            e = Math.max(e, ellipsisDims[i]);
        }
        int[][] in = new int[terms.length][];
        for (int i = 0; i < terms.length; i++) in[i] = labels(terms[i], ellipsisDims[i], e);
        Map<Integer, Long> sizes = new HashMap<>();
        for (int i = 0; i < in.length; i++) {
            for (int k = 0; k < in[i].length; k++) {
                long d = shapes[i][k];
                Long prev = sizes.get(in[i][k]);
                if (prev == null || prev == 1) {
                    sizes.put(in[i][k], d);
                } else if (d != 1 && d != prev) {
                    throw new IllegalArgumentException("einsum: size of label " + name(in[i][k]) + " for operand " + i
                            + " (" + d + ") does not match previous terms (" + prev + "); shapes "
                            + Shapes.describe(shapes[i]));
                }
            }
        }
        int[] out = arrow < 0 ? implicitOutput(in, e) : explicitOutput(s.substring(arrow + 2), subscripts, e, sizes);
        return new EinsumSpec(in, out, sizes);
    }

    private static int letters(String term, String subscripts) {
        String t = term.replace("...", "");
        if (term.indexOf("...") != term.lastIndexOf("...")) {
            throw new IllegalArgumentException("einsum: more than one ellipsis in subscript '" + term + "'");
        }
        for (char c : t.toCharArray()) {
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("einsum: invalid subscript '" + c + "' in '" + subscripts
                        + "': subscripts are letters a-z, A-Z, ',', '...' and '->'");
            }
        }
        return t.length();
    }

    private static int[] labels(String term, int dims, int e) {
        List<Integer> r = new ArrayList<>();
        for (int p = 0; p < term.length(); p++) {
            if (term.startsWith("...", p)) {
                for (int k = e - dims; k < e; k++) r.add(ELLIPSIS + k);
                p += 2;
            } else {
                r.add((int) term.charAt(p));
            }
        }
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] implicitOutput(int[][] in, int e) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int[] t : in) for (int l : t) count.merge(l, 1, Integer::sum);
        TreeSet<Integer> once = new TreeSet<>();
        count.forEach((l, c) -> {
            if (c == 1 && l < ELLIPSIS) once.add(l);
        });
        int[] out = new int[e + once.size()];
        for (int k = 0; k < e; k++) out[k] = ELLIPSIS + k;
        int k = e;
        for (int l : once) out[k++] = l;
        return out;
    }

    private static int[] explicitOutput(String term, String subscripts, int e, Map<Integer, Long> sizes) {
        letters(term, subscripts);
        if (!term.contains("...") && e > 0) {
            throw new IllegalArgumentException("einsum: output has more dimensions than subscripts given in '" + subscripts
                    + "', but no '...' ellipsis provided to broadcast the extra dimensions");
        }
        int[] out = labels(term, e, e);
        for (int i = 0; i < out.length; i++) {
            if (!sizes.containsKey(out[i])) {
                throw new IllegalArgumentException("einsum: output subscript " + name(out[i]) + " does not appear in the inputs of '"
                        + subscripts + "'");
            }
            for (int j = 0; j < i; j++) {
                if (out[j] == out[i]) {
                    throw new IllegalArgumentException("einsum: output subscript " + name(out[i]) + " appears more than once in '"
                            + subscripts + "'");
                }
            }
        }
        return out;
    }

    static String name(int label) {
        return label >= ELLIPSIS ? "'...'[" + (label - ELLIPSIS) + "]" : "'" + (char) label + "'";
    }

    /** The product of the extents of {@code labels}. */
    long size(Iterable<Integer> labels) {
        long n = 1;
        for (int l : labels) n *= sizes.get(l);
        return n;
    }
}
