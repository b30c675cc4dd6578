package org.jdpx.kernels.fuzz;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Shrinks a failing kernel to a small reproducer: repeatedly replaces one node of its body by a
 * simpler one (a statement deleted, an if or loop replaced by one of its blocks, an expression by a
 * same-typed operand or a zero) and keeps the change when the same target still fails the same way.
 * Candidates javac rejects (a loop variable left without its loop) simply do not fail.
 */
final class Shrinker {
    private Shrinker() {
    }

    private static int counter;

    /** The smallest kernel found within {@code budgetMillis} that still fails with {@code failure.key()}. */
    static FuzzKernel shrink(FuzzKernel k, FuzzRun.Failure failure, long budgetMillis) {
        long end = System.currentTimeMillis() + budgetMillis;
        List<String> targets = List.of(failure.target());
        FuzzKernel best = k;
        boolean progress = true;
        while (progress && System.currentTimeMillis() < end) {
            progress = false;
            for (Node cand : candidates(best.body())) {
                if (System.currentTimeMillis() >= end) break;
                FuzzKernel c = best.withBody(cand);
                if (fails(c, failure, targets)) {
                    best = c;
                    progress = true;
                    break;
                }
            }
        }
        return best;
    }

    private static boolean fails(FuzzKernel c, FuzzRun.Failure failure, List<String> targets) {
        Method m;
        try {
            m = Fuzzer.compile(List.of(c), "Shrink" + (counter++)).getFirst();
        } catch (SourceCompiler.CompileError e) {
            return false;
        }
        try {
            return FuzzRun.check(c, m, targets, new ArrayList<>()).stream().anyMatch(f -> f.key().equals(failure.key()));
        } catch (IllegalStateException e) { // the reference itself threw: not a valid candidate
            return false;
        }
    }

    /** Every tree that differs from {@code n} by one simplification, bigger cuts first. */
    static List<Node> candidates(Node n) {
        List<Node> out = new ArrayList<>(n.shrinks());
        for (int i = 0; i < n.kids().size(); i++) {
            for (Node c : candidates(n.kids().get(i))) {
                List<Node> kids = new ArrayList<>(n.kids());
                kids.set(i, c);
                out.add(n.withKids(kids));
            }
        }
        return out;
    }
}
