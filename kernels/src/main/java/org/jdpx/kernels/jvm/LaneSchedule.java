package org.jdpx.kernels.jvm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.UnOp;

/**
 * Where each path of a branching lane program runs in one launch: every row of the launch (the
 * items along the inner global id, the others fixed) cut into runs on which every branch condition
 * has one value, each run given the path its items take. A comparison of two affine functions of
 * the global ids changes value along a row at most where their difference crosses zero, so each
 * comparison adds at most two cuts per row: the Jacobi sample's {@code i == 0 || j == 0 || i == n - 1
 * || j == n - 1} splits an inner row into its first item, the interior and its last item.
 *
 * <p>Built before anything runs: where a run's path would read or write outside its memory (the
 * stencil's {@code in.get(i - 1, j)} on a row that its guards do not keep from the edge, say), the
 * schedule is refused and the launch runs one item at a time, failing as it always did.
 */
final class LaneSchedule {
    /** Per run: the row (outer ids' linear index), first and end item along the inner id, path. */
    final long[] row;
    final int[] from;
    final int[] to;
    final int[] path;
    final int size;
    /** Items before each run, and in all ({@code items[size]}). */
    final long[] items;

    private LaneSchedule(long[] row, int[] from, int[] to, int[] path, int size) {
        this.row = row;
        this.from = from;
        this.to = to;
        this.path = path;
        this.size = size;
        this.items = new long[size + 1];
        for (int r = 0; r < size; r++) items[r + 1] = items[r] + (to[r] - from[r]);
    }

    /** A comparison's two sides for this launch: int functions of the ids, or float launch values. */
    record Atom(CmpOp op, LaneIndex.Affine left, LaneIndex.Affine right, double fl, double fr) {
        boolean isFloat() {
            return left == null;
        }
    }

    /** Every comparison in {@code plans}' guards, each once, in the order the guards name them; found once per kernel. */
    static List<Expr.Compare> comparisons(List<LanePlan> plans) {
        java.util.Set<Expr.Compare> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<Expr.Compare> out = new ArrayList<>();
        for (LanePlan p : plans) {
            for (LanePlan.Guard guard : p.guards) {
                Features.expr(guard.cond(), e -> {
                    if (e instanceof Expr.Compare c && seen.add(c)) out.add(c);
                });
            }
        }
        return List.copyOf(out);
    }

    /**
     * Each of {@code comparisons} with its two sides for this launch, found by identity.
     *
     * @throws LaneIndex.NotLinear where a condition's int arithmetic would wrap in this launch
     */
    static Map<Expr.Compare, Atom> atoms(List<Expr.Compare> comparisons, LaneIndex values) throws LaneIndex.NotLinear {
        Map<Expr.Compare, Atom> atoms = new IdentityHashMap<>();
        for (Expr.Compare c : comparisons) {
            atoms.put(c, c.left().scalar().isFloat()
                    ? new Atom(c.op(), null, null, values.real(c.left()), values.real(c.right()))
                    : new Atom(c.op(), values.affine(c.left()), values.affine(c.right()), 0, 0));
        }
        return atoms;
    }

    /**
     * What a schedule depends on besides the kernel: the range, the comparisons' sides, every
     * access's index function and memory size. Launches with equal keys have equal schedules.
     */
    static long[] key(List<LanePath> paths, List<Expr.Compare> comparisons, Map<Expr.Compare, Atom> atoms, int[] g, int inner) {
        int n = 4 + 8 * atoms.size();
        for (LanePath p : paths) n += 5 * p.at.length;
        long[] k = new long[n];
        int i = 0;
        k[i++] = g[0];
        k[i++] = g[1];
        k[i++] = g[2];
        k[i++] = inner;
        for (Expr.Compare c : comparisons) {
            Atom a = atoms.get(c);
            if (a.isFloat()) {
                k[i++] = Double.doubleToRawLongBits(a.fl());
                k[i++] = Double.doubleToRawLongBits(a.fr());
                i += 6;
            } else {
                i = put(k, i, a.left());
                i = put(k, i, a.right());
            }
        }
        for (LanePath p : paths) {
            for (int x = 0; x < p.at.length; x++) {
                i = put(k, i, p.at[x]);
                k[i++] = p.memory[x].byteSize();
            }
        }
        return k;
    }

    private static int put(long[] k, int i, LaneIndex.Affine f) {
        k[i] = f.c();
        k[i + 1] = f.v0();
        k[i + 2] = f.v1();
        k[i + 3] = f.v2();
        return i + 4;
    }

    /**
     * The schedule of {@code paths} over {@code g} with {@code inner} the id that walks memory, or
     * null where some run's path would leave its memory.
     */
    static LaneSchedule of(List<LanePath> paths, Map<Expr.Compare, Atom> atoms, int[] g, int inner) {
        int o1 = inner == 0 ? 1 : 0, o2 = inner == 2 ? 1 : 2;
        int gi = g[inner];
        long rows = (long) g[o1] * g[o2];
        Builder b = new Builder();
        long[] cuts = new long[2 * atoms.size() + 2];
        long[] start = new long[LanePath.maxAccesses(paths)];
        long[] at = new long[3];
        for (long r = 0; r < rows; r++) {
            long y = r % g[o1], z = r / g[o1];
            at[o1] = y;
            at[o2] = z;
            int n = 0;
            cuts[n++] = 0;
            cuts[n++] = gi;
            for (Atom a : atoms.values()) {
                if (a.isFloat()) continue;
                long dv = Math.subtractExact(a.left().v(inner), a.right().v(inner));
                if (dv == 0) continue;
                long dc = difference(a, o1, o2, y, z);
                long root = Math.floorDiv(Math.negateExact(dc), dv);
                if (root > 0 && root < gi) cuts[n++] = root;
                if (root + 1 > 0 && root + 1 < gi) cuts[n++] = root + 1;
            }
            Arrays.sort(cuts, 0, n);
            for (int c = 0; c + 1 < n; c++) {
                long x0 = cuts[c], x1 = cuts[c + 1];
                if (x0 == x1) continue;
                at[inner] = x0;
                int chosen = choose(paths, atoms, at);
                LanePath p = paths.get(chosen);
                if (p.plan.ops.isEmpty()) continue;
                p.starts(start, x0, y, z, inner, o1, o2);
                if (!p.inBounds(start, x1 - x0)) return null;
                b.add(r, (int) x0, (int) x1, chosen);
            }
        }
        return new LaneSchedule(b.row, b.from, b.to, b.path, b.size);
    }

    /** {@code left - right} of an int comparison at inner id 0 of row {@code (y, z)}. */
    private static long difference(Atom a, int o1, int o2, long y, long z) {
        long l = Math.addExact(a.left().c(), Math.addExact(Math.multiplyExact(a.left().v(o1), y), Math.multiplyExact(a.left().v(o2), z)));
        long r = Math.addExact(a.right().c(), Math.addExact(Math.multiplyExact(a.right().v(o1), y), Math.multiplyExact(a.right().v(o2), z)));
        return Math.subtractExact(l, r);
    }

    /** The first path whose guards all hold for the item at ids {@code at}. */
    private static int choose(List<LanePath> paths, Map<Expr.Compare, Atom> atoms, long[] at) {
        for (int p = 0; p < paths.size(); p++) {
            boolean all = true;
            for (LanePlan.Guard guard : paths.get(p).plan.guards) all &= truth(guard.cond(), atoms, at) == guard.holds();
            if (all) return p;
        }
        throw new IllegalStateException("no path of a lane program takes the item at " + Arrays.toString(at));
    }

    private static boolean truth(Expr cond, Map<Expr.Compare, Atom> atoms, long[] at) {
        return switch (cond) {
            case Expr.Const c -> c.bits() != 0;
            case Expr.Logic l -> l.and() ? truth(l.left(), atoms, at) && truth(l.right(), atoms, at)
                    : truth(l.left(), atoms, at) || truth(l.right(), atoms, at);
            case Expr.Unary u when u.op() == UnOp.NOT -> !truth(u.operand(), atoms, at);
            case Expr.Compare c -> compare(atoms.get(c), at);
            default -> throw new IllegalStateException("not a lane condition: " + cond);
        };
    }

    /** Java's comparison: exact for ints and longs (the values were checked not to wrap), ordered for floats. */
    private static boolean compare(Atom a, long[] at) {
        int order;
        if (a.isFloat()) {
            double x = a.fl(), y = a.fr();
            if (Double.isNaN(x) || Double.isNaN(y)) return a.op() == CmpOp.NE; // unordered
            order = x < y ? -1 : x == y ? 0 : 1;
        } else {
            order = Long.compare(value(a.left(), at), value(a.right(), at));
        }
        return switch (a.op()) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
        };
    }

    private static long value(LaneIndex.Affine a, long[] at) {
        return Math.addExact(a.c(), Math.addExact(Math.multiplyExact(a.v0(), at[0]),
                Math.addExact(Math.multiplyExact(a.v1(), at[1]), Math.multiplyExact(a.v2(), at[2]))));
    }

    /** Growing arrays of runs. */
    private static final class Builder {
        long[] row = new long[16];
        int[] from = new int[16];
        int[] to = new int[16];
        int[] path = new int[16];
        int size;

        void add(long r, int x0, int x1, int p) {
            if (size > 0 && row[size - 1] == r && to[size - 1] == x0 && path[size - 1] == p) {
                to[size - 1] = x1; // the same path continues
                return;
            }
            if (size == row.length) {
                row = Arrays.copyOf(row, 2 * size);
                from = Arrays.copyOf(from, 2 * size);
                to = Arrays.copyOf(to, 2 * size);
                path = Arrays.copyOf(path, 2 * size);
            }
            row[size] = r;
            from[size] = x0;
            to[size] = x1;
            path[size] = p;
            size++;
        }
    }
}
