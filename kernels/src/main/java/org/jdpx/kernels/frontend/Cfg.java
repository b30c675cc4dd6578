package org.jdpx.kernels.frontend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Graph facts the structurizer needs: reverse postorder, predecessors, immediate dominators
 * (Cooper–Harvey–Kennedy), back edges, natural loop bodies and loop exits. javac's output is
 * reducible, so every back edge targets a dominating loop header.
 */
final class Cfg {
    final List<IrBlock> order = new ArrayList<>();
    final Map<IrBlock, List<IrBlock>> preds = new IdentityHashMap<>();
    final Map<IrBlock, IrBlock> idom = new IdentityHashMap<>();
    final Map<IrBlock, List<IrBlock>> domChildren = new IdentityHashMap<>();
    final Map<IrBlock, Set<IrBlock>> loopBody = new IdentityHashMap<>();

    Cfg(IrBlock entry) {
        dfs(entry, new HashSet<>(), new ArrayList<>());
        for (int i = 0; i < order.size(); i++) order.get(i).rpo = i;
        for (IrBlock b : order) preds.put(b, new ArrayList<>());
        for (IrBlock b : order) for (IrBlock s : b.succs()) if (!preds.get(s).contains(b)) preds.get(s).add(b);
        dominators(entry);
        for (IrBlock b : order) domChildren.put(b, new ArrayList<>());
        for (IrBlock b : order) if (b != entry) domChildren.get(idom.get(b)).add(b);
        for (IrBlock b : order) {
            for (IrBlock s : b.succs()) {
                if (isBackEdge(b, s)) {
                    if (!dominates(s, b)) throw new IrreducibleException();
                    loopBody.computeIfAbsent(s, k -> new HashSet<>(Set.of(k)));
                    collect(b, loopBody.get(s));
                }
            }
        }
    }

    /** Thrown for control flow that is not reducible (javac never produces it). */
    static final class IrreducibleException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private void dfs(IrBlock b, Set<IrBlock> seen, List<IrBlock> post) {
        // iterative DFS keeps deep CFGs off the Java stack
        Map<IrBlock, Integer> next = new HashMap<>();
        List<IrBlock> stack = new ArrayList<>();
        stack.add(b);
        seen.add(b);
        while (!stack.isEmpty()) {
            IrBlock top = stack.getLast();
            List<IrBlock> succ = top.succs();
            int i = next.getOrDefault(top, 0);
            if (i < succ.size()) {
                next.put(top, i + 1);
                IrBlock s = succ.get(i);
                if (seen.add(s)) stack.add(s);
            } else {
                stack.removeLast();
                post.add(top);
            }
        }
        for (int i = post.size() - 1; i >= 0; i--) order.add(post.get(i));
    }

    private void dominators(IrBlock entry) {
        idom.put(entry, entry);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (IrBlock b : order) {
                if (b == entry) continue;
                IrBlock nd = null;
                for (IrBlock p : preds.get(b)) {
                    if (!idom.containsKey(p)) continue;
                    nd = nd == null ? p : intersect(p, nd);
                }
                if (nd != null && idom.get(b) != nd) {
                    idom.put(b, nd);
                    changed = true;
                }
            }
        }
    }

    private IrBlock intersect(IrBlock a, IrBlock b) {
        while (a != b) {
            while (a.rpo > b.rpo) a = idom.get(a);
            while (b.rpo > a.rpo) b = idom.get(b);
        }
        return a;
    }

    boolean dominates(IrBlock a, IrBlock b) {
        while (true) {
            if (a == b) return true;
            IrBlock up = idom.get(b);
            if (up == b) return false;
            b = up;
        }
    }

    static boolean isBackEdge(IrBlock from, IrBlock to) {
        return to.rpo <= from.rpo;
    }

    private void collect(IrBlock latch, Set<IrBlock> body) {
        List<IrBlock> work = new ArrayList<>();
        if (body.add(latch)) work.add(latch);
        while (!work.isEmpty()) {
            IrBlock b = work.removeLast();
            for (IrBlock p : preds.get(b)) if (body.add(p)) work.add(p);
        }
    }

    boolean isLoopHeader(IrBlock b) {
        return loopBody.containsKey(b);
    }

    /** Forward (non-back) edges into {@code b}. */
    int forwardPreds(IrBlock b) {
        int n = 0;
        for (IrBlock p : preds.get(b)) if (!isBackEdge(p, b)) n++;
        return n;
    }

    /** True when some predecessor of {@code b} sits in a loop that does not contain {@code b}. */
    boolean isLoopExit(IrBlock b) {
        for (IrBlock p : preds.get(b)) {
            for (Set<IrBlock> body : loopBody.values()) {
                if (body.contains(p) && !body.contains(b)) return true;
            }
        }
        return false;
    }
}
