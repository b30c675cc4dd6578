package org.jdpx.kernels.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates random kernel bodies in the Java subset the kernel compiler promises: int, long,
 * float and double arithmetic (wrapping, shifts, guarded integer division), casts between all
 * of them (and to short/byte/char), the exact {@code Math}/{@code KernelMath} functions inside
 * expressions, transcendental ones only as assignments to the math output variables (so their
 * device error never feeds a chain; {@link MathFns} gives each its ulp bound), nested ifs with
 * else-ifs, for/while/do loops with break and continue, switches (dense and sparse, with
 * fall-through), ternaries and private arrays. The same seed gives the same kernel. Integer
 * divisors are never zero: a divisor is a nonzero constant or {@code (e == 0 ? 1 : e)}, so the
 * plain-Java reference never throws. Floating {@code %} (fmod) appears in fp64 kernels only: the
 * one device that runs float-only kernels alone, rusticl on llvmpipe, has no denormals and
 * gets fmod with a subnormal divisor wrong (e.g. {@code -0x1.39cd74p-124f % 0x1p-127f}), a device
 * limit; fp64 kernels still use float % on every other target.
 */
final class KernelGen {
    private final Random r;
    private final boolean fp64;
    private final List<String> loopVars = new ArrayList<>();
    private int names;
    private int loopDepth;

    private KernelGen(long seed, boolean fp64) {
        this.r = new Random(seed);
        this.fp64 = fp64;
    }

    /** The kernel for {@code seed}: about one in three uses double; the rest are float-only. */
    static FuzzKernel generate(long seed, String name) {
        boolean fp64 = new Random(seed * 31 + 7).nextInt(3) == 0;
        KernelGen g = new KernelGen(seed, fp64);
        return new FuzzKernel(name, seed, fp64, g.block(3, 3 + g.r.nextInt(5)));
    }

    // ------------------------------------------------------------------ statements

    private Node block(int depth, int n) {
        List<Node> s = new ArrayList<>();
        for (int i = 0; i < n; i++) s.add(stmt(depth));
        return Node.block(s);
    }

    private Node stmt(int depth) {
        int w = r.nextInt(100);
        if (depth <= 0 || w < 30) return assign();
        if (w < 42) return compound();
        if (w < 46) return Node.stmt(var(integral()) + (r.nextBoolean() ? "++;" : "--;"));
        if (w < 54) return arrayStore();
        if (w < 66) return ifStmt(depth);
        if (w < 78) return loop(depth);
        if (w < 84) return switchStmt(depth);
        if (w < 93) return mathAssign();
        if (loopDepth > 0) return Node.stmt("if ($0) " + (r.nextBoolean() ? "break;" : "continue;"), cond(2));
        return assign();
    }

    private Ty integral() { return r.nextBoolean() ? Ty.INT : Ty.LONG; }

    private Ty anyType() {
        return switch (r.nextInt(fp64 ? 4 : 3)) {
            case 0 -> Ty.INT;
            case 1 -> Ty.LONG;
            case 2 -> Ty.FLOAT;
            default -> Ty.DOUBLE;
        };
    }

    private String var(Ty t) {
        return switch (t) {
            case INT -> "i" + r.nextInt(4);
            case LONG -> "l" + r.nextInt(4);
            case FLOAT -> "f" + r.nextInt(4);
            case DOUBLE -> "d" + r.nextInt(4);
            case BOOL -> throw new IllegalArgumentException();
        };
    }

    private Node assign() {
        Ty t = anyType();
        return Node.stmt(var(t) + " = $0;", expr(t, 3));
    }

    /** {@code v op= e}: Java narrows the result back to v's type, which the compiler must do too. */
    private Node compound() {
        Ty t = anyType();
        Ty e = anyType();
        String v = var(t);
        String[] ops = t.integral() && e.integral() ? new String[] {"+", "-", "*", "&", "|", "^", "<<", ">>", ">>>", "/", "%"}
                : fp64 ? new String[] {"+", "-", "*", "/", "%"} : new String[] {"+", "-", "*", "/"};
        String op = ops[r.nextInt(ops.length)];
        String text = (op.equals("/") || op.equals("%")) && e.integral() ? v + " " + op + "= ($0 == 0 ? 1 : $0);" : v + " " + op + "= $0;";
        return t == Ty.FLOAT ? Node.mathStmt(v, 0, text, expr(e, 2)) : Node.stmt(text, expr(e, 2));
    }

    private Node arrayStore() {
        return switch (r.nextInt(fp64 ? 4 : 3)) {
            case 0 -> Node.stmt("ai[$0 & 7] = $1;", expr(Ty.INT, 1), expr(Ty.INT, 2));
            case 1 -> Node.stmt("al[$0 & 3] = $1;", expr(Ty.INT, 1), expr(Ty.LONG, 2));
            case 2 -> Node.stmt("af[$0 & 7] = $1;", expr(Ty.INT, 1), expr(Ty.FLOAT, 2));
            default -> Node.stmt("ad[$0 & 3] = $1;", expr(Ty.INT, 1), expr(Ty.DOUBLE, 2));
        };
    }

    private Node ifStmt(int depth) {
        return switch (r.nextInt(4)) {
            case 0 -> Node.stmt("if ($0) $1", cond(2), block(depth - 1, 1 + r.nextInt(2)));
            case 1 -> Node.stmt("if ($0) $1 else $2", cond(2), block(depth - 1, 1 + r.nextInt(2)), block(depth - 1, 1 + r.nextInt(2)));
            case 2 -> Node.stmt("if ($0) $1 else if ($2) $3 else $4", cond(2), block(depth - 1, 1), cond(2),
                    block(depth - 1, 1 + r.nextInt(2)), block(depth - 1, 1));
            // an if/else whose else branch is another if/else without braces around it
            default -> Node.stmt("if ($0) $1 else { if ($2) $3 else $4 }", cond(2), block(depth - 1, 1), cond(1),
                    block(depth - 1, 1), block(depth - 1, 1));
        };
    }

    private Node loop(int depth) {
        String v = (r.nextBoolean() ? "j" : "w") + names++;
        int bound = 1 + r.nextInt(6);
        int kind = r.nextInt(3);
        if (kind == 0) loopVars.add(v);
        loopDepth++;
        List<Node> body = new ArrayList<>();
        if (r.nextInt(3) == 0) body.add(Node.stmt("if ($0) " + (r.nextBoolean() ? "break;" : "continue;"), cond(2)));
        body.addAll(block(depth - 1, 1 + r.nextInt(3)).kids());
        loopDepth--;
        if (kind == 0) loopVars.remove(v);
        Node b = Node.block(body);
        return switch (kind) {
            case 0 -> Node.stmt("for (int " + v + " = 0; " + v + " < " + bound + "; " + v + "++) $0", b);
            // the counter is bumped in the condition, so shrinking the body can never make the loop endless
            case 1 -> Node.stmt("int " + v + " = 0; while ($0 && " + v + "++ < " + bound + ") $1", cond(2), b);
            default -> Node.stmt("int " + v + " = 0; do $0 while ($1 && ++" + v + " < " + bound + ");", b, cond(2));
        };
    }

    private Node switchStmt(int depth) {
        boolean dense = r.nextBoolean();
        int[] sparse = {-1, 0, 5, 100, 1 << 20, Integer.MIN_VALUE};
        int cases = 2 + r.nextInt(3);
        StringBuilder t = new StringBuilder(dense ? "switch ($0 & 3) {" : "switch ((int) $0) {");
        List<Node> kids = new ArrayList<>();
        kids.add(expr(Ty.INT, 2));
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            int label = dense ? i : sparse[r.nextInt(sparse.length)];
            if (labels.contains(label)) continue;
            labels.add(label);
            t.append(" case ").append(label == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : Integer.toString(label)).append(": $").append(kids.size());
            kids.add(block(depth - 1, 1 + r.nextInt(2)));
            if (r.nextInt(4) != 0) t.append(" break;");
        }
        if (r.nextBoolean()) {
            t.append(" default: $").append(kids.size());
            kids.add(block(depth - 1, 1));
        }
        return Node.stmt(t.append(" }").toString(), kids.toArray(Node[]::new));
    }

    /** A transcendental call, stored only into a math output variable. */
    private Node mathAssign() {
        MathFns.Fn f = MathFns.random(r);
        String args = f.arity() == 1 ? "($0)" : f.arity() == 2 ? "($0, $1)" : "($0, $1, $2)";
        int form = r.nextInt(fp64 ? 3 : 1);
        Ty argType = form == 2 ? Ty.DOUBLE : Ty.FLOAT;
        Node[] a = new Node[f.arity()];
        for (int i = 0; i < a.length; i++) a[i] = expr(argType, 2);
        String target = form == 2 ? "md0" : "mf" + r.nextInt(2);
        String call = switch (form) {
            case 0 -> "KernelMath." + f.kernelMath() + args;
            case 1 -> "(float) " + f.javaMath() + args;
            default -> f.javaMath() + args;
        };
        return Node.mathStmt(target, form == 2 ? f.doubleUlps() : f.floatUlps(), target + " = " + call + ";", a);
    }

    // ------------------------------------------------------------------ expressions

    private Node cond(int depth) {
        int w = r.nextInt(10);
        if (depth > 0 && w < 2) return Node.expr(Ty.BOOL, r.nextBoolean() ? "($0 && $1)" : "($0 || $1)", cond(depth - 1), cond(depth - 1));
        if (depth > 0 && w < 3) return Node.expr(Ty.BOOL, "(!$0)", cond(depth - 1));
        if (w < 4) {
            Ty t = fp64 && r.nextBoolean() ? Ty.DOUBLE : Ty.FLOAT;
            return Node.expr(Ty.BOOL, t == Ty.DOUBLE ? "Double.isNaN($0)" : "Float.isNaN($0)", expr(t, depth));
        }
        String[] ops = {"<", "<=", ">", ">=", "==", "!="};
        Ty t = anyType();
        return Node.expr(Ty.BOOL, "($0 " + ops[r.nextInt(ops.length)] + " $1)", expr(t, depth), expr(t, depth));
    }

    Node expr(Ty t, int depth) {
        if (depth <= 0 || r.nextInt(10) < 3) return leaf(t);
        return switch (t) {
            case INT -> intExpr(depth - 1);
            case LONG -> longExpr(depth - 1);
            case FLOAT, DOUBLE -> floatExpr(t, depth - 1);
            case BOOL -> cond(depth);
        };
    }

    private Node leaf(Ty t) {
        int w = r.nextInt(10);
        if (w < 3) return Node.expr(t, Consts.literal(t, r));
        if (w < 4) return load(t, Node.expr(Ty.INT, "gid"));
        if (t == Ty.INT && w < 5 && !loopVars.isEmpty()) return Node.expr(t, loopVars.get(r.nextInt(loopVars.size())));
        if (t == Ty.INT && w < 6) return Node.expr(t, r.nextBoolean() ? "gid" : "p");
        return Node.expr(t, var(t));
    }

    private Node load(Ty t, Node index) {
        boolean view = r.nextBoolean();
        return switch (t) {
            case INT -> Node.expr(t, view ? "ia.get($0 & 255)" : "ai[$0 & 7]", index);
            case LONG -> Node.expr(t, view ? "la.get($0 & 255)" : "al[$0 & 3]", index);
            case FLOAT -> Node.expr(t, view ? "fa.get($0 & 255)" : "af[$0 & 7]", index);
            case DOUBLE -> Node.expr(t, view ? "da.get($0 & 255)" : "ad[$0 & 3]", index);
            case BOOL -> throw new IllegalArgumentException();
        };
    }

    private Node bin(Ty t, String op, int d) {
        return Node.expr(t, "($0 " + op + " $1)", expr(t, d), expr(t, d));
    }

    /** {@code a / b} or {@code a % b} with a divisor that is never zero. */
    private Node divide(Ty t, String op, int d) {
        if (r.nextBoolean()) {
            String c = t == Ty.INT ? new String[] {"-1", "3", "-7", "16", "Integer.MIN_VALUE"}[r.nextInt(5)]
                    : new String[] {"-1L", "3L", "-7L", "16L", "Long.MIN_VALUE"}[r.nextInt(5)];
            return Node.expr(t, "($0 " + op + " " + (c.startsWith("-") ? "(" + c + ")" : c) + ")", expr(t, d));
        }
        return Node.expr(t, "($0 " + op + " ($1 == 0 ? 1 : $1))", expr(t, d), expr(t, d));
    }

    private Node intExpr(int d) {
        return switch (r.nextInt(17)) {
            case 0 -> bin(Ty.INT, "+", d);
            case 1 -> bin(Ty.INT, "-", d);
            case 2 -> bin(Ty.INT, "*", d);
            case 3 -> bin(Ty.INT, new String[] {"&", "|", "^"}[r.nextInt(3)], d);
            case 4 -> Node.expr(Ty.INT, "($0 " + new String[] {"<<", ">>", ">>>"}[r.nextInt(3)] + " $1)", expr(Ty.INT, d), expr(integral(), d));
            case 5 -> divide(Ty.INT, r.nextBoolean() ? "/" : "%", d);
            case 6 -> Node.expr(Ty.INT, r.nextBoolean() ? "(-$0)" : "(~$0)", expr(Ty.INT, d));
            case 7 -> cast(Ty.INT, d);
            case 8 -> Node.expr(Ty.INT, "((" + new String[] {"short", "byte", "char"}[r.nextInt(3)] + ") $0)", expr(Ty.INT, d));
            case 9 -> Node.expr(Ty.INT, "($0 ? $1 : $2)", cond(d), expr(Ty.INT, d), expr(Ty.INT, d));
            case 10 -> Node.expr(Ty.INT, r.nextBoolean() ? "Math.abs($0)" : "Integer.bitCount($0)", expr(Ty.INT, d));
            case 11 -> Node.expr(Ty.INT, "Math." + (r.nextBoolean() ? "min" : "max") + "($0, $1)", expr(Ty.INT, d), expr(Ty.INT, d));
            case 12 -> r.nextBoolean() ? Node.expr(Ty.INT, "Integer.numberOfLeadingZeros($0)", expr(Ty.INT, d))
                    : Node.expr(Ty.INT, "Long.bitCount($0)", expr(Ty.LONG, d));
            case 13 -> Node.expr(Ty.INT, "Math.round($0)", expr(Ty.FLOAT, d));
            case 14 -> Node.expr(Ty.INT, "Float.floatToIntBits($0)", expr(Ty.FLOAT, d));
            case 15 -> load(Ty.INT, expr(Ty.INT, d));
            default -> Node.expr(Ty.INT, "($0 ? 1 : 0)", cond(d));
        };
    }

    private Node longExpr(int d) {
        return switch (r.nextInt(13)) {
            case 0 -> bin(Ty.LONG, "+", d);
            case 1 -> bin(Ty.LONG, "-", d);
            case 2 -> bin(Ty.LONG, "*", d);
            case 3 -> bin(Ty.LONG, new String[] {"&", "|", "^"}[r.nextInt(3)], d);
            case 4 -> Node.expr(Ty.LONG, "($0 " + new String[] {"<<", ">>", ">>>"}[r.nextInt(3)] + " $1)", expr(Ty.LONG, d), expr(integral(), d));
            case 5 -> divide(Ty.LONG, r.nextBoolean() ? "/" : "%", d);
            case 6 -> Node.expr(Ty.LONG, r.nextBoolean() ? "(-$0)" : "(~$0)", expr(Ty.LONG, d));
            case 7, 8 -> cast(Ty.LONG, d);
            case 9 -> Node.expr(Ty.LONG, "($0 ? $1 : $2)", cond(d), expr(Ty.LONG, d), expr(Ty.LONG, d));
            case 10 -> Node.expr(Ty.LONG, "Math." + new String[] {"min", "max"}[r.nextInt(2)] + "($0, $1)", expr(Ty.LONG, d), expr(Ty.LONG, d));
            case 11 -> fp64 && r.nextBoolean() ? Node.expr(Ty.LONG, "Math.round($0)", expr(Ty.DOUBLE, d))
                    : Node.expr(Ty.LONG, "Math.abs($0)", expr(Ty.LONG, d));
            default -> load(Ty.LONG, expr(Ty.INT, d));
        };
    }

    private Node floatExpr(Ty t, int d) {
        String m = t == Ty.FLOAT ? "KernelMath." : "Math.";
        return switch (r.nextInt(12)) {
            case 0, 1 -> bin(t, new String[] {"+", "-"}[r.nextInt(2)], d);
            case 2 -> bin(t, "*", d);
            case 3 -> bin(t, "/", d);
            case 4 -> bin(t, fp64 ? "%" : "*", d);
            case 5 -> Node.expr(t, "(-$0)", expr(t, d));
            case 6, 7 -> cast(t, d);
            case 8 -> Node.expr(t, "($0 ? $1 : $2)", cond(d), expr(t, d), expr(t, d));
            case 9 -> Node.expr(t, "Math." + new String[] {"min", "max"}[r.nextInt(2)] + "($0, $1)", expr(t, d), expr(t, d));
            case 10 -> Node.expr(t, r.nextBoolean() ? "Math.abs($0)" : "Math.signum($0)", expr(t, d));
            default -> Node.expr(t, m + new String[] {"floor", "ceil", "rint"}[r.nextInt(3)] + "($0)", expr(t, d));
        };
    }

    /** {@code (t) e} from another numeric type: saturating for floating to integral, rounding for the rest. */
    private Node cast(Ty t, int d) {
        Ty from;
        do {
            from = anyType();
        } while (from == t);
        return Node.expr(t, "((" + t.java + ") $0)", expr(from, d));
    }
}
