package org.jdpx.kernels.frontend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * Semantics-preserving rewrites that make the structurizer's output read like the Java it
 * came from: drop jumps to where control would flow anyway, turn "break out of the block
 * that ends with this loop" into a loop break, remove blocks nobody jumps to, hoist early
 * exits out of if/else, recognise {@code while}/{@code for} loops and ternaries, and fold
 * single-use compiler temporaries back into the statement that uses them.
 */
final class Cleanup {
    private final Set<Var> temps;
    private boolean isVoid;
    /** Stands for "falling off the end returns" in the break-target sets of {@link #elide}. */
    private static final Label RETURN = new Label("return");

    private Cleanup(Set<Var> temps) {
        this.temps = temps;
    }

    static List<Stmt> run(List<Stmt> body, Set<Var> temps, boolean isVoid) {
        Cleanup c = new Cleanup(temps);
        c.isVoid = isVoid;
        List<Stmt> b = body;
        for (int round = 0; round < 4; round++) {
            b = c.elide(b, c.isVoid ? Set.of(RETURN) : Set.of(), Set.of());
            b = c.loopExits(b);
            b = c.flatten(b, usedLabels(b));
            b = c.ifs(b);
            b = c.loops(b);
            b = c.elide(b, c.isVoid ? Set.of(RETURN) : Set.of(), Set.of());
            b = c.flatten(b, usedLabels(b));
        }
        b = c.copyProp(b);
        return b;
    }

    // ---- 1. jumps to the place control reaches anyway ----

    private List<Stmt> elide(List<Stmt> in, Set<Label> brk, Set<Label> cont) {
        List<Stmt> list = new ArrayList<>(in);
        while (!list.isEmpty()) {
            Stmt last = list.getLast();
            if ((last instanceof Stmt.Break b && brk.contains(b.target()))
                    || (last instanceof Stmt.Continue c && cont.contains(c.target()))
                    || (last instanceof Stmt.Return r && r.value() == null && brk.contains(RETURN))) {
                list.removeLast();
            } else {
                break;
            }
        }
        List<Stmt> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            boolean isLast = i == list.size() - 1;
            Set<Label> b = isLast ? brk : Set.of();
            Set<Label> c = isLast ? cont : Set.of();
            out.add(switch (list.get(i)) {
                case Stmt.If s -> new Stmt.If(s.cond(), elide(s.then(), b, c), elide(s.otherwise(), b, c));
                case Stmt.Block s -> new Stmt.Block(s.label(), elide(s.body(), plus(b, s.label()), c));
                case Stmt.Loop s -> new Stmt.Loop(s.label(), s.cond(), elide(s.body(), Set.of(), Set.of(s.label())), s.update());
                case Stmt.Switch s -> new Stmt.Switch(s.selector(),
                        s.cases().stream().map(k -> new Stmt.Case(k.values(), elide(k.body(), b, c))).toList(),
                        elide(s.otherwise(), b, c));
                default -> list.get(i);
            });
        }
        return out;
    }

    private static Set<Label> plus(Set<Label> s, Label l) {
        Set<Label> r = new HashSet<>(s);
        r.add(l);
        return r;
    }

    // ---- 2. a block ending in a loop: breaking the block is breaking the loop ----

    private List<Stmt> loopExits(List<Stmt> in) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : in) {
            Stmt r = mapChildren(s, this::loopExits);
            if (r instanceof Stmt.Block blk && !blk.body().isEmpty() && blk.body().getLast() instanceof Stmt.Loop loop) {
                Stmt.Loop renamed = (Stmt.Loop) retarget(loop, blk.label(), loop.label(), false);
                List<Stmt> body = new ArrayList<>(blk.body());
                body.set(body.size() - 1, renamed);
                r = new Stmt.Block(blk.label(), body);
            }
            out.add(r);
        }
        return out;
    }

    /** Replaces {@code Break(from)} by Break(to), or by Continue(to) when {@code asContinue}. */
    private static Stmt retarget(Stmt s, Label from, Label to, boolean asContinue) {
        if (s instanceof Stmt.Break b && b.target() == from) return asContinue ? new Stmt.Continue(to) : new Stmt.Break(to);
        return mapChildren(s, l -> {
            List<Stmt> o = new ArrayList<>();
            for (Stmt x : l) o.add(retarget(x, from, to, asContinue));
            return o;
        });
    }

    private static Stmt mapChildren(Stmt s, java.util.function.UnaryOperator<List<Stmt>> f) {
        return switch (s) {
            case Stmt.If i -> new Stmt.If(i.cond(), f.apply(i.then()), f.apply(i.otherwise()));
            case Stmt.Block b -> new Stmt.Block(b.label(), f.apply(b.body()));
            case Stmt.Loop l -> new Stmt.Loop(l.label(), l.cond(), f.apply(l.body()), f.apply(l.update()));
            case Stmt.Switch w -> new Stmt.Switch(w.selector(),
                    w.cases().stream().map(k -> new Stmt.Case(k.values(), f.apply(k.body()))).toList(), f.apply(w.otherwise()));
            default -> s;
        };
    }

    // ---- 3. blocks nobody breaks out of ----

    private static Set<Label> usedLabels(List<Stmt> body) {
        Set<Label> used = new HashSet<>();
        walk(body, s -> {
            if (s instanceof Stmt.Break b) used.add(b.target());
            if (s instanceof Stmt.Continue c) used.add(c.target());
        });
        return used;
    }

    private static void walk(List<Stmt> body, java.util.function.Consumer<Stmt> f) {
        for (Stmt s : body) {
            f.accept(s);
            mapChildren(s, l -> {
                walk(l, f);
                return l;
            });
        }
    }

    private List<Stmt> flatten(List<Stmt> in, Set<Label> used) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : in) {
            Stmt r = mapChildren(s, l -> flatten(l, used));
            if (r instanceof Stmt.Block b && !used.contains(b.label())) {
                out.addAll(b.body());
            } else {
                out.add(r);
            }
        }
        return out;
    }

    // ---- 4. if/else shapes ----

    static boolean completesNormally(List<Stmt> l) {
        if (l.isEmpty()) return true;
        Stmt last = l.getLast();
        return switch (last) {
            case Stmt.Return r -> false;
            case Stmt.Break b -> false;
            case Stmt.Continue c -> false;
            case Stmt.If i -> completesNormally(i.then()) || completesNormally(i.otherwise());
            default -> true;
        };
    }

    private List<Stmt> ifs(List<Stmt> in) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s0 : in) {
            Stmt s = mapChildren(s0, this::ifs);
            if (!(s instanceof Stmt.If i)) {
                out.add(s);
                continue;
            }
            Expr c = i.cond();
            List<Stmt> t = i.then();
            List<Stmt> e = i.otherwise();
            if (t.isEmpty() && !e.isEmpty()) {
                c = Exprs.not(c);
                t = e;
                e = List.of();
            }
            if (t.isEmpty() && e.isEmpty()) {
                continue; // conditions are pure
            }
            if (!e.isEmpty() && !completesNormally(e) && (completesNormally(t) || size(e) < size(t))) {
                out.add(new Stmt.If(Exprs.not(c), e, new ArrayList<>()));
                out.addAll(t);
                continue;
            }
            if (!e.isEmpty() && !completesNormally(t)) {
                out.add(new Stmt.If(c, t, new ArrayList<>()));
                out.addAll(e);
                continue;
            }
            if (parallelAssigns(c, t, e)) {
                for (int k = 0; k < t.size(); k++) {
                    Stmt.Assign a = (Stmt.Assign) t.get(k), b = (Stmt.Assign) e.get(k);
                    out.add(new Stmt.Assign(a.var(), a.value().equals(b.value()) ? a.value() : new Expr.Select(c, a.value(), b.value())));
                }
                continue;
            }
            if (e.isEmpty() && t.size() == 1 && t.getFirst() instanceof Stmt.If inner && inner.otherwise().isEmpty()) {
                out.add(new Stmt.If(new Expr.Logic(true, c, inner.cond()), inner.then(), new ArrayList<>()));
                continue;
            }
            out.add(new Stmt.If(c, t, e));
        }
        // "if (c) { long exit } short exit" reads better as "if (!c) { short exit } long exit"
        for (int k = 0; k < out.size() - 1; k++) {
            if (out.get(k) instanceof Stmt.If i && i.otherwise().isEmpty() && !completesNormally(i.then())) {
                List<Stmt> rest = out.subList(k + 1, out.size());
                if (!completesNormally(rest) && size(rest) < size(i.then())) {
                    List<Stmt> r = new ArrayList<>(rest);
                    List<Stmt> head = new ArrayList<>(out.subList(0, k));
                    head.add(new Stmt.If(Exprs.not(i.cond()), r, new ArrayList<>()));
                    head.addAll(i.then());
                    return head;
                }
            }
        }
        return out;
    }

    private static int size(List<Stmt> l) {
        int[] n = {0};
        walk(l, x -> n[0]++);
        return n[0];
    }

    /** Both arms assign the same variables in the same order, none of which the condition reads. */
    private static boolean parallelAssigns(Expr c, List<Stmt> t, List<Stmt> e) {
        if (t.isEmpty() || t.size() != e.size()) return false;
        for (int k = 0; k < t.size(); k++) {
            if (!(t.get(k) instanceof Stmt.Assign a) || !(e.get(k) instanceof Stmt.Assign b) || a.var() != b.var()) return false;
            if (!Exprs.isSafeToSpeculate(a.value()) || !Exprs.isSafeToSpeculate(b.value()) || Exprs.reads(c, a.var())) return false;
        }
        return true;
    }

    // ---- 5. while and for loops ----

    private List<Stmt> loops(List<Stmt> in) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s0 : in) {
            Stmt s = mapChildren(s0, this::loops);
            if (s instanceof Stmt.Loop l) s = shapeLoop(l);
            out.add(s);
        }
        return out;
    }

    private Stmt shapeLoop(Stmt.Loop l) {
        Label m = l.label();
        List<Stmt> body = new ArrayList<>(l.body());
        // "if (c) { ...exits } <end of body>" reads better as "if (!c) continue; ...exits"
        if (body.size() > 0 && body.getLast() instanceof Stmt.If i && i.otherwise().isEmpty()
                && !completesNormally(i.then()) && size(i.then()) > 2) {
            body.removeLast();
            body.add(new Stmt.If(Exprs.not(i.cond()), new ArrayList<>(List.of(new Stmt.Continue(m))), new ArrayList<>()));
            body.addAll(i.then());
        }
        Expr cond = l.cond();
        List<Stmt> update = l.update();
        // a leading "if (c) break" inside a block that starts the body can move out of that block
        if (cond == null && !body.isEmpty() && body.getFirst() instanceof Stmt.Block b
                && !b.body().isEmpty() && isBreakIf(b.body().getFirst(), m)) {
            List<Stmt> rest = new ArrayList<>(b.body());
            Stmt head = rest.removeFirst();
            body.set(0, new Stmt.Block(b.label(), rest));
            body.addFirst(head);
        }
        if (cond == null && update.isEmpty() && !body.isEmpty() && isBreakIf(body.getFirst(), m)) {
            Stmt.If i = (Stmt.If) body.removeFirst();
            cond = i.then().isEmpty() ? i.cond() : Exprs.not(i.cond());
        }
        if (cond != null && update.isEmpty() && !body.isEmpty() && !usesContinue(body, m)) {
            // for-loop whose continue target is a block ending the body: [Block(U, S), u...]
            int n = body.size();
            int k = n;
            while (k > 0 && body.get(k - 1) instanceof Stmt.Assign) k--;
            if (k == 1 && k < n && body.getFirst() instanceof Stmt.Block blk) {
                List<Stmt> u = new ArrayList<>(body.subList(k, n));
                List<Stmt> inner = new ArrayList<>();
                for (Stmt x : blk.body()) inner.add(retarget(x, blk.label(), m, true));
                return new Stmt.Loop(m, cond, inner, u);
            }
            if (k < n && body.getLast() instanceof Stmt.Assign a && Exprs.reads(cond, a.var())) {
                List<Stmt> b2 = new ArrayList<>(body.subList(0, n - 1));
                return new Stmt.Loop(m, cond, b2, new ArrayList<>(List.of(a)));
            }
        }
        return new Stmt.Loop(m, cond, body, update);
    }

    private static boolean isBreakIf(Stmt s, Label m) {
        if (!(s instanceof Stmt.If i)) return false;
        List<Stmt> t = i.then(), e = i.otherwise();
        boolean thenBreak = t.size() == 1 && t.getFirst() instanceof Stmt.Break b && b.target() == m && e.isEmpty();
        boolean elseBreak = e.size() == 1 && e.getFirst() instanceof Stmt.Break b && b.target() == m && t.isEmpty();
        return thenBreak || elseBreak;
    }

    private static boolean usesContinue(List<Stmt> body, Label m) {
        boolean[] found = {false};
        walk(body, s -> {
            if (s instanceof Stmt.Continue c && c.target() == m) found[0] = true;
        });
        return found[0];
    }

    // ---- 6. single-use temporaries ----

    private List<Stmt> copyProp(List<Stmt> body) {
        Map<Var, Integer> reads = new HashMap<>();
        Map<Var, Integer> writes = new HashMap<>();
        countAll(body, reads, writes);
        return copyProp(body, reads, writes);
    }

    private void countAll(List<Stmt> body, Map<Var, Integer> reads, Map<Var, Integer> writes) {
        walk(body, s -> {
            switch (s) {
                case Stmt.Assign a -> {
                    writes.merge(a.var(), 1, Integer::sum);
                    Exprs.countReads(a.value(), reads);
                }
                case Stmt.Store st -> {
                    Exprs.countReads(st.base(), reads);
                    Exprs.countReads(st.index(), reads);
                    Exprs.countReads(st.value(), reads);
                }
                case Stmt.Eval e -> Exprs.countReads(e.expr(), reads);
                case Stmt.If i -> Exprs.countReads(i.cond(), reads);
                case Stmt.Loop l -> {
                    if (l.cond() != null) Exprs.countReads(l.cond(), reads);
                }
                case Stmt.Return r -> {
                    if (r.value() != null) Exprs.countReads(r.value(), reads);
                }
                case Stmt.Switch w -> Exprs.countReads(w.selector(), reads);
                default -> { }
            }
        });
    }

    private List<Stmt> copyProp(List<Stmt> in, Map<Var, Integer> reads, Map<Var, Integer> writes) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s0 : in) out.add(mapChildren(s0, l -> copyProp(l, reads, writes)));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < out.size() && !changed; i++) {
                if (!(out.get(i) instanceof Stmt.Assign def) || !temps.contains(def.var())
                        || writes.getOrDefault(def.var(), 0) != 1 || reads.getOrDefault(def.var(), 0) != 1) continue;
                Var t = def.var();
                Expr e = def.value();
                boolean effects = Exprs.hasSideEffect(e);
                for (int j = i + 1; j < out.size(); j++) {
                    Stmt use = out.get(j);
                    Stmt replaced = substituteTop(use, t, e, effects && j != i + 1);
                    if (replaced != null) {
                        out.set(j, replaced);
                        out.remove(i);
                        writes.put(t, 0);
                        reads.put(t, 0);
                        changed = true;
                        break;
                    }
                    // may e move past this statement? only plain assignments that e does not depend on
                    if (effects || !(use instanceof Stmt.Assign a) || Exprs.reads(e, a.var()) || a.var() == t
                            || Exprs.hasSideEffect(a.value()) || Exprs.reads(a.value(), t)) break;
                }
            }
        }
        return out;
    }

    /** {@code s} with its top-level read of {@code t} replaced by {@code e}, or null if it has none here. */
    private static Stmt substituteTop(Stmt s, Var t, Expr e, boolean onlyPureCopy) {
        if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Read r && r.var() == t) return new Stmt.Assign(a.var(), e);
        if (onlyPureCopy || Exprs.hasSideEffect(e) && !(s instanceof Stmt.Assign)) return null;
        return switch (s) {
            case Stmt.Assign a when Exprs.reads(a.value(), t) -> new Stmt.Assign(a.var(), Exprs.substitute(a.value(), t, e));
            case Stmt.Store st when Exprs.reads(st.value(), t) || Exprs.reads(st.index(), t) || Exprs.reads(st.base(), t) ->
                new Stmt.Store(st.base(), Exprs.substitute(st.index(), t, e), Exprs.substitute(st.value(), t, e), st.at());
            case Stmt.Eval ev when Exprs.reads(ev.expr(), t) -> new Stmt.Eval(Exprs.substitute(ev.expr(), t, e));
            case Stmt.Return r when r.value() != null && Exprs.reads(r.value(), t) -> new Stmt.Return(Exprs.substitute(r.value(), t, e));
            case Stmt.If i when Exprs.reads(i.cond(), t) -> new Stmt.If(Exprs.substitute(i.cond(), t, e), i.then(), i.otherwise());
            case Stmt.Switch w when Exprs.reads(w.selector(), t) -> new Stmt.Switch(Exprs.substitute(w.selector(), t, e), w.cases(), w.otherwise());
            default -> null;
        };
    }
}
