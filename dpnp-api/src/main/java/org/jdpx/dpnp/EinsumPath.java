package org.jdpx.dpnp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NumPy's greedy einsum contraction order: while more than one operand is left, contract the
 * pair that removes the most elements (then the cheapest), inner products before outer ones,
 * no intermediate larger than the largest input or output, and no pair whose running cost
 * exceeds the naive all-at-once cost. Also writes NumPy's report of the chosen path. Host-side
 * planning over label sets; no device work.
 */
final class EinsumPath {

    private EinsumPath() {
    }

    /** One candidate pair: sort key (-removed elements, flops), its positions, the operand label sets after it. */
    private record Candidate(long negRemoved, long cost, int[] pos, List<Set<Integer>> after) {
    }

    /** The contraction steps (positions into the shrinking operand list, the result appended last). */
    static List<int[]> path(EinsumSpec spec) {
        List<Set<Integer>> in = sets(spec);
        Set<Integer> out = set(spec.output());
        Set<Integer> all = new HashSet<>();
        in.forEach(all::addAll);
        int n = in.size();
        if (n <= 2 || all.equals(out)) return List.<int[]>of(range(n));
        long limit = spec.size(out);
        for (Set<Integer> s : in) limit = Math.max(limit, spec.size(s));
        return greedy(spec, in, out, limit);
    }

    private static List<int[]> greedy(EinsumSpec spec, List<Set<Integer>> in, Set<Integer> out, long limit) {
        long naive = flops(spec, union(in), !removed(in, out).isEmpty(), in.size());
        List<Candidate> known = new ArrayList<>();
        List<int[]> pairs = allPairs(in.size());
        List<int[]> path = new ArrayList<>();
        long pathCost = 0;
        for (int it = 0, steps = in.size() - 1; it < steps; it++) {
            for (int[] p : pairs) {
                if (disjoint(in.get(p[0]), in.get(p[1]))) continue;
                Candidate c = candidate(spec, p, in, out, limit, pathCost, naive);
                if (c != null) known.add(c);
            }
            if (known.isEmpty()) {
                for (int[] p : allPairs(in.size())) {
                    Candidate c = candidate(spec, p, in, out, limit, pathCost, naive);
                    if (c != null) known.add(c);
                }
                if (known.isEmpty()) {
                    path.add(range(in.size()));
                    break;
                }
            }
            Candidate best = known.get(0);
            for (Candidate c : known) {
                if (c.negRemoved < best.negRemoved || c.negRemoved == best.negRemoved && c.cost < best.cost) best = c;
            }
            known = update(known, best);
            in = best.after;
            int last = in.size() - 1;
            pairs = new ArrayList<>();
            for (int i = 0; i < last; i++) pairs.add(new int[] {i, last});
            path.add(best.pos);
            pathCost += best.cost;
        }
        return path;
    }

    private static Candidate candidate(EinsumSpec spec, int[] pos, List<Set<Integer>> in, Set<Integer> out, long limit,
                                       long pathCost, long naive) {
        List<Set<Integer>> after = new ArrayList<>();
        Set<Integer> contract = new HashSet<>();
        Set<Integer> remain = new HashSet<>(out);
        for (int i = 0; i < in.size(); i++) {
            if (i == pos[0] || i == pos[1]) {
                contract.addAll(in.get(i));
            } else {
                after.add(in.get(i));
                remain.addAll(in.get(i));
            }
        }
        Set<Integer> result = new HashSet<>(contract);
        result.retainAll(remain);
        after.add(result);
        long newSize = spec.size(result);
        if (newSize > limit) return null;
        long removedSize = spec.size(in.get(pos[0])) + spec.size(in.get(pos[1])) - newSize;
        long cost = flops(spec, contract, result.size() < contract.size(), 2);
        if (pathCost + cost > naive) return null;
        return new Candidate(-removedSize, cost, pos, after);
    }

    /** The candidates that do not touch {@code best}'s operands, renumbered for the list after it. */
    private static List<Candidate> update(List<Candidate> known, Candidate best) {
        int bx = best.pos[0];
        int by = best.pos[1];
        List<Candidate> r = new ArrayList<>();
        for (Candidate c : known) {
            int x = c.pos[0];
            int y = c.pos[1];
            if (x == bx || x == by || y == bx || y == by) continue;
            List<Set<Integer>> sets = new ArrayList<>(c.after);
            sets.remove(by - (by > x ? 1 : 0) - (by > y ? 1 : 0));
            sets.remove(bx - (bx > x ? 1 : 0) - (bx > y ? 1 : 0));
            sets.add(sets.size() - 1, best.after.get(best.after.size() - 1));
            int[] p = {x - (x > bx ? 1 : 0) - (x > by ? 1 : 0), y - (y > bx ? 1 : 0) - (y > by ? 1 : 0)};
            r.add(new Candidate(c.negRemoved, c.cost, p, sets));
        }
        return r;
    }

    /** NumPy's flop estimate: the product of the extents, times the terms (plus one for a sum). */
    static long flops(EinsumSpec spec, Set<Integer> labels, boolean inner, int terms) {
        return spec.size(labels) * (Math.max(1, terms - 1) + (inner ? 1 : 0));
    }

    private static Set<Integer> removed(List<Set<Integer>> in, Set<Integer> out) {
        Set<Integer> r = union(in);
        r.removeAll(out);
        return r;
    }

    /** NumPy's einsum_path report: the costs, then each contraction with what remains. */
    static String report(EinsumSpec spec, List<int[]> path) {
        Naming names = new Naming(spec);
        List<Set<Integer>> sets = sets(spec);
        List<String> terms = new ArrayList<>();
        for (int[] t : spec.inputs()) terms.add(names.of(t));
        String outTerm = names.of(spec.output());
        Set<Integer> out = set(spec.output());
        String overall = String.join(",", terms) + "->" + outTerm;
        List<String[]> rows = new ArrayList<>();
        long optCost = 1;
        long largest = 0;
        int maxScale = 0;
        for (int step = 0; step < path.size(); step++) {
            int[] pos = path.get(step).clone();
            Arrays.sort(pos);
            Set<Integer> contract = new HashSet<>();
            Set<Integer> remain = new HashSet<>(out);
            List<Set<Integer>> after = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                if (Arrays.binarySearch(pos, i) >= 0) contract.addAll(sets.get(i)); else {
                    after.add(sets.get(i));
                    remain.addAll(sets.get(i));
                }
            }
            Set<Integer> result = new HashSet<>(contract);
            result.retainAll(remain);
            after.add(result);
            sets = after;
            optCost += flops(spec, contract, result.size() < contract.size(), pos.length);
            maxScale = Math.max(maxScale, contract.size());
            largest = Math.max(largest, spec.size(result));
            List<String> used = new ArrayList<>();
            for (int k = pos.length - 1; k >= 0; k--) used.add(terms.remove(pos[k]));
            String res = step == path.size() - 1 ? outTerm : names.bySize(result);
            terms.add(res);
            rows.add(new String[] {String.valueOf(contract.size()), String.join(",", used) + "->" + res,
                String.join(",", terms) + "->" + outTerm});
        }
        Set<Integer> all = union(sets(spec));
        int labelsUsed = 0;
        for (int[] t : spec.inputs()) labelsUsed += set(t).size();
        long naive = flops(spec, all, labelsUsed > all.size(), spec.inputs().length);
        StringBuilder b = new StringBuilder();
        b.append("  Complete contraction:  ").append(overall).append('\n');
        b.append("         Naive scaling:  ").append(all.size()).append('\n');
        b.append("     Optimized scaling:  ").append(maxScale).append('\n');
        b.append("      Naive FLOP count:  ").append(String.format("%.3e", (double) naive)).append('\n');
        b.append("  Optimized FLOP count:  ").append(String.format("%.3e", (double) optCost)).append('\n');
        b.append("   Theoretical speedup:  ").append(String.format("%3.3f", (double) naive / optCost)).append('\n');
        b.append("  Largest intermediate:  ").append(String.format("%.3e", (double) largest)).append(" elements\n");
        b.append("-".repeat(74)).append('\n');
        b.append(String.format("%6s %24s %40s%n", "scaling", "current", "remaining").replace(System.lineSeparator(), "\n"));
        b.append("-".repeat(74));
        for (String[] r : rows) b.append(String.format("%n%4s    %24s %40s", r[0], r[1], r[2]).replace(System.lineSeparator(), "\n"));
        return b.toString();
    }

    /** Letters for labels: a letter is itself, ellipsis axes take the unused letters in ASCII order. */
    private record Naming(EinsumSpec spec, List<Character> unused) {
        Naming(EinsumSpec spec) {
            this(spec, new ArrayList<>());
            Set<Integer> used = spec.sizes().keySet();
            for (char c = 'A'; c <= 'z'; c++) if (Character.isLetter(c) && !used.contains((int) c)) unused.add(c);
        }

        char letter(int l) {
            return l >= EinsumSpec.ELLIPSIS ? unused.get(l - EinsumSpec.ELLIPSIS) : (char) l;
        }

        String of(int[] labels) {
            StringBuilder b = new StringBuilder();
            for (int l : labels) b.append(letter(l));
            return b.toString();
        }

        /** An intermediate's labels as NumPy orders them: by extent, then letter. */
        String bySize(Set<Integer> labels) {
            List<int[]> order = new ArrayList<>();
            for (int l : labels) order.add(new int[] {(int) (long) spec.sizes().get(l), letter(l)});
            order.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
            StringBuilder b = new StringBuilder();
            for (int[] p : order) b.append((char) p[1]);
            return b.toString();
        }
    }

    static List<Set<Integer>> sets(EinsumSpec spec) {
        List<Set<Integer>> r = new ArrayList<>();
        for (int[] t : spec.inputs()) r.add(set(t));
        return r;
    }

    static Set<Integer> set(int[] labels) {
        Set<Integer> s = new HashSet<>();
        for (int l : labels) s.add(l);
        return s;
    }

    private static Set<Integer> union(List<Set<Integer>> sets) {
        Set<Integer> r = new HashSet<>();
        sets.forEach(r::addAll);
        return r;
    }

    private static boolean disjoint(Set<Integer> a, Set<Integer> b) {
        for (int l : a) if (b.contains(l)) return false;
        return true;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }

    private static List<int[]> allPairs(int n) {
        List<int[]> r = new ArrayList<>();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) r.add(new int[] {i, j});
        return r;
    }
}
