package org.jdpx.kernels.frontend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.Stmt;

/**
 * Turns a reducible graph of {@link IrBlock}s into structured statements, after Ramsey's
 * "Beyond Relooper" (ICFP 2022): walk the dominator tree; a loop header becomes a
 * {@link Stmt.Loop}; a block that several forward edges (or a loop exit) reach becomes the
 * statement following a labelled {@link Stmt.Block} that jumps to it with {@link Stmt.Break};
 * back edges become {@link Stmt.Continue}. Unlike the paper, merge points outside a loop are
 * placed after the loop rather than inside it, so code after a loop reads as it was written.
 * The result is correct but verbose; {@link Cleanup} then removes redundant jumps and blocks.
 */
final class Structurizer {
    private final Cfg cfg;
    private int labelCount;

    private sealed interface Ctx {
    }

    private record LoopCtx(IrBlock header, Label label) implements Ctx {
    }

    private record FollowCtx(IrBlock follower, Label label) implements Ctx {
    }

    private Structurizer(Cfg cfg) {
        this.cfg = cfg;
    }

    static List<Stmt> structure(Cfg cfg) {
        return new Structurizer(cfg).doTree(cfg.order.getFirst(), List.of());
    }

    private boolean isMerge(IrBlock b) {
        return cfg.forwardPreds(b) >= 2 || cfg.isLoopExit(b);
    }

    private List<Stmt> doTree(IrBlock x, List<Ctx> ctx) {
        List<IrBlock> ys = new ArrayList<>();
        for (IrBlock c : cfg.domChildren.get(x)) if (isMerge(c)) ys.add(c);
        ys.sort(Comparator.comparingInt((IrBlock b) -> b.rpo).reversed());
        if (cfg.isLoopHeader(x)) {
            var body = cfg.loopBody.get(x);
            List<IrBlock> inner = new ArrayList<>();
            List<IrBlock> outer = new ArrayList<>();
            for (IrBlock y : ys) (body.contains(y) ? inner : outer).add(y);
            Label loopLabel = new Label("loop" + labelCount++);
            return nest(outer, ctx, c -> {
                List<Ctx> inLoop = push(c, new LoopCtx(x, loopLabel));
                List<Stmt> loopBody = nest(inner, inLoop, c2 -> code(x, c2));
                List<Stmt> out = new ArrayList<>();
                out.add(new Stmt.Loop(loopLabel, null, loopBody, new ArrayList<>()));
                return out;
            });
        }
        return nest(ys, ctx, c -> code(x, c));
    }

    /** Wraps the innermost code in one labelled block per follower (highest RPO outermost). */
    private List<Stmt> nest(List<IrBlock> ys, List<Ctx> ctx, java.util.function.Function<List<Ctx>, List<Stmt>> innermost) {
        if (ys.isEmpty()) return innermost.apply(ctx);
        IrBlock y = ys.getFirst();
        Label l = new Label("b" + y.id);
        List<Stmt> inside = nest(ys.subList(1, ys.size()), push(ctx, new FollowCtx(y, l)), innermost);
        List<Stmt> out = new ArrayList<>();
        out.add(new Stmt.Block(l, inside));
        out.addAll(doTree(y, ctx));
        return out;
    }

    private static List<Ctx> push(List<Ctx> ctx, Ctx c) {
        List<Ctx> l = new ArrayList<>(ctx);
        l.add(c);
        return l;
    }

    private List<Stmt> code(IrBlock x, List<Ctx> ctx) {
        List<Stmt> out = new ArrayList<>(x.stmts);
        switch (x.term) {
            case IrBlock.Term.Goto g -> out.addAll(branch(x, g.target(), ctx));
            case IrBlock.Term.CondBr c -> out.add(new Stmt.If(c.cond(), branch(x, c.ifTrue(), ctx), branch(x, c.ifFalse(), ctx)));
            case IrBlock.Term.Ret r -> out.add(new Stmt.Return(r.value()));
            case IrBlock.Term.SwitchBr s -> {
                Map<IrBlock, List<Integer>> byTarget = new HashMap<>();
                List<IrBlock> targetOrder = new ArrayList<>();
                for (int i = 0; i < s.keys().length; i++) {
                    IrBlock t = s.targets()[i];
                    if (t == s.otherwise()) continue;
                    if (!byTarget.containsKey(t)) targetOrder.add(t);
                    byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(s.keys()[i]);
                }
                List<Stmt.Case> cases = new ArrayList<>();
                for (IrBlock t : targetOrder) {
                    int[] vals = byTarget.get(t).stream().mapToInt(Integer::intValue).toArray();
                    cases.add(new Stmt.Case(vals, branch(x, t, ctx)));
                }
                out.add(new Stmt.Switch(s.selector(), cases, branch(x, s.otherwise(), ctx)));
            }
        }
        return out;
    }

    private List<Stmt> branch(IrBlock from, IrBlock to, List<Ctx> ctx) {
        List<Stmt> out = new ArrayList<>();
        if (Cfg.isBackEdge(from, to)) {
            for (int i = ctx.size() - 1; i >= 0; i--) {
                if (ctx.get(i) instanceof LoopCtx lc && lc.header() == to) {
                    out.add(new Stmt.Continue(lc.label()));
                    return out;
                }
            }
            throw new IllegalStateException("no enclosing loop for back edge to " + to);
        }
        if (isMerge(to)) {
            for (int i = ctx.size() - 1; i >= 0; i--) {
                if (ctx.get(i) instanceof FollowCtx fc && fc.follower() == to) {
                    out.add(new Stmt.Break(fc.label()));
                    return out;
                }
            }
            throw new IllegalStateException("no enclosing block for merge " + to);
        }
        return doTree(to, ctx);
    }
}
