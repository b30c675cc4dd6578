package org.jdpx.kernels.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a generated kernel body: an expression, a statement or a block. Immutable. An
 * expression or statement is a template whose {@code $0}, {@code $1}, ... stand for its children;
 * a block prints its children as statements between braces. The shrinker replaces nodes by the
 * simpler alternatives {@link #shrinks()} offers, so every node knows what it may become.
 *
 * @param kind what the node is
 * @param type the Java type of an expression ({@code null} for statements and blocks)
 * @param text the template
 * @param kids children, in template order
 * @param mathUlps for an assignment of a math call to a math output variable: the ulp bound
 *        (else 0); the checker reads it to set the tolerance of that output
 * @param target the float variable a math or compound assignment writes (else null)
 */
record Node(Kind kind, Ty type, String text, List<Node> kids, int mathUlps, String target) {

    enum Kind { EXPR, STMT, BLOCK }

    static Node expr(Ty type, String text, Node... kids) {
        return new Node(Kind.EXPR, type, text, List.of(kids), 0, null);
    }

    static Node stmt(String text, Node... kids) {
        return new Node(Kind.STMT, null, text, List.of(kids), 0, null);
    }

    static Node mathStmt(String target, int ulps, String text, Node... kids) {
        return new Node(Kind.STMT, null, text, List.of(kids), ulps, target);
    }

    static Node block(List<Node> stmts) {
        return new Node(Kind.BLOCK, null, "", List.copyOf(stmts), 0, null);
    }

    Node withKids(List<Node> k) {
        return new Node(kind, type, text, List.copyOf(k), mathUlps, target);
    }

    /** Java source of this node; statements and blocks end with a newline. */
    String render(String indent) {
        return render(indent, false);
    }

    /**
     * Java source; with {@code ftz} every float result is flushed to zero when subnormal
     * ({@code Ftz.f}), which models a device without denormals (flush-to-zero and denormals-are-zero).
     */
    String render(String indent, boolean ftz) {
        if (kind == Kind.BLOCK) {
            StringBuilder sb = new StringBuilder("{\n");
            for (Node s : kids) sb.append(indent).append("    ").append(s.render(indent + "    ", ftz));
            return sb.append(indent).append("}\n").toString();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                Node k = kids.get(text.charAt(++i) - '0');
                String r = k.render(indent, ftz);
                sb.append(k.kind == Kind.BLOCK ? r.stripTrailing() : r);
            } else {
                sb.append(c);
            }
        }
        if (kind == Kind.EXPR) return ftz && type == Ty.FLOAT ? "Ftz.f(" + sb + ")" : sb.toString();
        if (ftz && target != null && target.contains("f")) sb.append(' ').append(target).append(" = Ftz.f(").append(target).append(");");
        return sb.append('\n').toString();
    }

    /** Simpler nodes that could stand here: a child of the same type, a zero, a branch or body in place of a statement. */
    List<Node> shrinks() {
        List<Node> out = new ArrayList<>();
        switch (kind) {
            case EXPR -> {
                for (Node k : kids) if (k.kind == Kind.EXPR && k.type == type) out.add(k);
                if (!kids.isEmpty() || !text.equals(type.zero())) out.add(expr(type, type.zero()));
            }
            case STMT -> {
                for (Node k : kids) if (k.kind == Kind.BLOCK) out.add(k);
            }
            case BLOCK -> {
                for (int i = 0; i < kids.size(); i++) {
                    List<Node> less = new ArrayList<>(kids);
                    less.remove(i);
                    out.add(block(less));
                }
            }
        }
        return out;
    }

    /** Number of nodes in this tree. */
    int size() {
        int n = 1;
        for (Node k : kids) n += k.size();
        return n;
    }

    /** The largest ulp bound of the math assignments to {@code variable} in this tree (0 when none). */
    int mathUlps(String variable) {
        int u = variable.equals(target) ? mathUlps : 0;
        for (Node k : kids) u = Math.max(u, k.mathUlps(variable));
        return u;
    }
}
