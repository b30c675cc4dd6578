package org.jdpx.tensor.fusion;

/**
 * How a block kernel's {@code rows x inner} elements are shared among tasks ({@link VectorFusion}):
 * one row is cut into {@code tasks} chunks (a chunk may be empty when the row is short); several
 * rows go to the tasks as runs of whole rows.
 *
 * @param rows        output rows (outer index values)
 * @param inner       elements per row
 * @param tasks       tasks
 * @param chunk       elements per task of a single row
 * @param rowsPerTask rows per task when there are several
 */
record BlockSplit(long rows, long inner, long tasks, long chunk, long rowsPerTask) {

    /** A row range of one task: inner indices {@code from..to-1} of row {@code row}. */
    interface Part {
        void run(long row, long from, long to);
    }

    /** At most {@code tasks} tasks (exactly that many for a single row). */
    static BlockSplit of(long rows, long inner, long tasks) {
        if (rows == 1) return new BlockSplit(1, inner, tasks, Schedule.ceilDiv(inner, tasks), 1);
        long per = Schedule.ceilDiv(rows, Math.min(rows, tasks));
        return new BlockSplit(rows, inner, Schedule.ceilDiv(rows, per), inner, per);
    }

    /** Runs task {@code t}'s rows (in order) through {@code part}. */
    void run(long t, Part part) {
        if (rows == 1) {
            long from = Math.min(inner, t * chunk);
            part.run(0, from, Math.min(inner, from + chunk));
            return;
        }
        for (long r = t * rowsPerTask; r < Math.min(rows, (t + 1) * rowsPerTask); r++) part.run(r, 0, inner);
    }
}
