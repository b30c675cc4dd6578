package org.jdpx.tensor.fusion;

import static org.jdpx.tensor.fusion.ComplexSplit.castTo;
import static org.jdpx.tensor.fusion.ComplexSplit.constant;
import static org.jdpx.tensor.fusion.ComplexSplit.zero;

import java.util.List;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.fusion.ComplexSplit.Parts;

/**
 * The complex operations written as real operations on the parts, with NumPy's formulas:
 * Smith's division (no overflow in |c|^2 + |d|^2, NumPy's zero-divisor rule), exp keeping a
 * zero imaginary part exact, the principal branches of log, sqrt and power, and Kahan's tanh
 * (tan through {@code tan(z) = -i tanh(iz)}), which stays finite where the textbook quotient of
 * hyperbolic functions overflows.
 */
final class ComplexMath {
    private static final double LN2 = Math.log(2);
    private static final double LN10 = Math.log(10);
    /** Beyond this |Re z|, tanh(z) is ±1 in float64 and the hyperbolic parts would overflow. */
    private static final double TANH_SATURATED = 20;

    private final ComplexSplit split;
    private DType p;

    ComplexMath(ComplexSplit split) {
        this.split = split;
    }

    /** The halves of complex-valued operation {@code o}. */
    Parts complexOp(Node.Op o) {
        DType t = o.dtype();
        DType saved = p;
        p = t.realPart();
        try {
            List<Node> in = o.inputs();
            return switch (o.op()) {
                case COMPLEX -> new Parts(castTo(split.real(in.get(0)), p), castTo(split.real(in.get(1)), p));
                case WHERE -> {
                    Node cond = split.condition(in.get(0));
                    Parts x = split.as(in.get(1), t);
                    Parts y = split.as(in.get(2), t);
                    yield new Parts(f(ElementOp.WHERE, cond, x.re(), y.re()), f(ElementOp.WHERE, cond, x.im(), y.im()));
                }
                default -> {
                    Parts x = split.as(in.get(0), t);
                    Parts y = in.size() > 1 ? split.as(in.get(1), t) : null;
                    yield compute(o.op(), x, y);
                }
            };
        } finally {
            p = saved;
        }
    }

    private Parts compute(ElementOp op, Parts x, Parts y) {
        return switch (op) {
            case ADD -> new Parts(add(x.re(), y.re()), add(x.im(), y.im()));
            case SUBTRACT -> new Parts(sub(x.re(), y.re()), sub(x.im(), y.im()));
            case MULTIPLY -> mul(x, y);
            case DIVIDE -> div(x, y);
            case POWER -> power(x, y);
            case NEGATIVE -> new Parts(neg(x.re()), neg(x.im()));
            case POSITIVE -> x;
            case CONJ -> new Parts(x.re(), neg(x.im()));
            case SQUARE -> mul(x, x);
            case RECIPROCAL -> div(new Parts(constant(p, 1), zero(p)), x);
            case SQRT -> sqrt(x);
            case EXP -> exp(x);
            case EXP2 -> exp(scale(x, LN2));
            case LOG -> log(x);
            case LOG2 -> scale(log(x), 1 / LN2);
            case LOG10 -> scale(log(x), 1 / LN10);
            case SIN -> new Parts(mul(f(ElementOp.SIN, x.re()), f(ElementOp.COSH, x.im())),
                    mul(f(ElementOp.COS, x.re()), f(ElementOp.SINH, x.im())));
            case COS -> new Parts(mul(f(ElementOp.COS, x.re()), f(ElementOp.COSH, x.im())),
                    neg(mul(f(ElementOp.SIN, x.re()), f(ElementOp.SINH, x.im()))));
            case SINH -> new Parts(mul(f(ElementOp.SINH, x.re()), f(ElementOp.COS, x.im())),
                    mul(f(ElementOp.COSH, x.re()), f(ElementOp.SIN, x.im())));
            case COSH -> new Parts(mul(f(ElementOp.COSH, x.re()), f(ElementOp.COS, x.im())),
                    mul(f(ElementOp.SINH, x.re()), f(ElementOp.SIN, x.im())));
            case TANH -> tanh(x.re(), x.im());
            case TAN -> {
                Parts u = tanh(neg(x.im()), x.re()); // tanh(iz) with iz = -Im z + i Re z
                yield new Parts(u.im(), neg(u.re()));
            }
            case SIGN -> {
                Node h = f(ElementOp.HYPOT, x.re(), x.im());
                Node isZero = f(ElementOp.EQUAL, h, zero(p));
                yield new Parts(where(isZero, zero(p), div(x.re(), h)), where(isZero, zero(p), div(x.im(), h)));
            }
            default -> throw new IllegalStateException(op.numpyName() + " has no complex lowering");
        };
    }

    /** The real-valued operation {@code o} with complex operands, as real operations. */
    Node realOp(Node.Op o) {
        List<Node> in = o.inputs();
        if (in.stream().noneMatch(n -> n.dtype().isComplex())) {
            return Node.Op.of(o.op(), o.dtype(), in.stream().map(split::real).toList());
        }
        DType t = split.promoted(o);
        DType saved = p;
        p = t.realPart();
        try {
            return switch (o.op()) {
                case REAL -> castTo(split.parts(in.get(0)).re(), o.dtype());
                case IMAG -> castTo(split.parts(in.get(0)).im(), o.dtype());
                case ABS -> castTo(f(ElementOp.HYPOT, split.parts(in.get(0)).re(), split.parts(in.get(0)).im()), o.dtype());
                case EQUAL, NOT_EQUAL -> {
                    Parts x = split.as(in.get(0), t);
                    Parts y = split.as(in.get(1), t);
                    boolean eq = o.op() == ElementOp.EQUAL;
                    yield ComplexSplit.op(eq ? ElementOp.LOGICAL_AND : ElementOp.LOGICAL_OR, DType.BOOL,
                            ComplexSplit.op(o.op(), DType.BOOL, x.re(), y.re()), ComplexSplit.op(o.op(), DType.BOOL, x.im(), y.im()));
                }
                case ISNAN, ISINF, ISFINITE -> {
                    Parts x = split.parts(in.get(0));
                    ElementOp join = o.op() == ElementOp.ISFINITE ? ElementOp.LOGICAL_AND : ElementOp.LOGICAL_OR;
                    yield ComplexSplit.op(join, DType.BOOL, ComplexSplit.op(o.op(), DType.BOOL, x.re()),
                            ComplexSplit.op(o.op(), DType.BOOL, x.im()));
                }
                case LOGICAL_AND, LOGICAL_OR, LOGICAL_XOR, LOGICAL_NOT ->
                        Node.Op.of(o.op(), o.dtype(), in.stream().map(split::condition).toList());
                case WHERE -> Node.Op.of(o.op(), o.dtype(),
                        List.of(split.condition(in.get(0)), split.real(in.get(1)), split.real(in.get(2))));
                default -> throw new IllegalStateException(o.op().numpyName() + " of complex operands has no real lowering");
            };
        } finally {
            p = saved;
        }
    }

    // ---- the formulas ----

    private Parts mul(Parts x, Parts y) {
        return new Parts(sub(mul(x.re(), y.re()), mul(x.im(), y.im())), add(mul(x.re(), y.im()), mul(x.im(), y.re())));
    }

    /** Smith's algorithm, as NumPy's complex division; a zero divisor divides each part by zero. */
    private Parts div(Parts x, Parts y) {
        Node a = x.re();
        Node b = x.im();
        Node c = y.re();
        Node d = y.im();
        Node absC = f(ElementOp.ABS, c);
        Node absD = f(ElementOp.ABS, d);
        Node cBigger = f(ElementOp.GREATER_EQUAL, absC, absD);
        // |c| >= |d|: r = d/c, den = c + d r; else r = c/d, den = c r + d.
        Node r1 = div(d, c);
        Node den1 = add(c, mul(d, r1));
        Node r2 = div(c, d);
        Node den2 = add(mul(c, r2), d);
        Node re = where(cBigger, div(add(a, mul(b, r1)), den1), div(add(mul(a, r2), b), den2));
        Node im = where(cBigger, div(sub(b, mul(a, r1)), den1), div(sub(mul(b, r2), a), den2));
        Node zeroDivisor = f(ElementOp.LOGICAL_AND, f(ElementOp.EQUAL, absC, zero(p)), f(ElementOp.EQUAL, absD, zero(p)));
        return new Parts(where(zeroDivisor, div(a, absC), re), where(zeroDivisor, div(b, absD), im));
    }

    /** exp(a) (cos b + i sin b); a zero imaginary part stays exactly zero (no inf * 0). */
    private Parts exp(Parts x) {
        Node e = f(ElementOp.EXP, x.re());
        Node real = f(ElementOp.EQUAL, x.im(), zero(p));
        return new Parts(where(real, e, mul(e, f(ElementOp.COS, x.im()))), where(real, x.im(), mul(e, f(ElementOp.SIN, x.im()))));
    }

    private Parts log(Parts x) {
        return new Parts(f(ElementOp.LOG, f(ElementOp.HYPOT, x.re(), x.im())), f(ElementOp.ARCTAN2, x.im(), x.re()));
    }

    /** The principal square root: t = sqrt((|a| + |z|) / 2) on the side of the larger part. */
    private Parts sqrt(Parts x) {
        Node a = x.re();
        Node b = x.im();
        Node t = f(ElementOp.SQRT, mul(add(f(ElementOp.ABS, a), f(ElementOp.HYPOT, a, b)), constant(p, 0.5)));
        Node twoT = add(t, t);
        Node nonNegative = f(ElementOp.GREATER_EQUAL, a, zero(p));
        // copysign(t, b): 1/b is negative exactly for a negative b and for -0.0.
        Node signedT = where(f(ElementOp.LESS, div(constant(p, 1), b), zero(p)), neg(t), t);
        Node re = where(nonNegative, t, div(f(ElementOp.ABS, b), twoT));
        Node im = where(nonNegative, div(b, twoT), signedT);
        Node isZero = f(ElementOp.LOGICAL_AND, f(ElementOp.EQUAL, a, zero(p)), f(ElementOp.EQUAL, b, zero(p)));
        return new Parts(where(isZero, zero(p), re), where(isZero, b, im));
    }

    /** z ** w = exp(w log z); w = 0 gives 1, z = 0 gives 0 for a positive real w (else NaN, as NumPy). */
    private Parts power(Parts z, Parts w) {
        Parts g = exp(mul(w, log(z)));
        Node wZero = f(ElementOp.LOGICAL_AND, f(ElementOp.EQUAL, w.re(), zero(p)), f(ElementOp.EQUAL, w.im(), zero(p)));
        Node zZero = f(ElementOp.LOGICAL_AND, f(ElementOp.EQUAL, z.re(), zero(p)), f(ElementOp.EQUAL, z.im(), zero(p)));
        Node positiveReal = f(ElementOp.LOGICAL_AND, f(ElementOp.GREATER, w.re(), zero(p)), f(ElementOp.EQUAL, w.im(), zero(p)));
        Node nan = constant(p, Double.NaN);
        Node re = where(wZero, constant(p, 1), where(zZero, where(positiveReal, zero(p), nan), g.re()));
        Node im = where(wZero, zero(p), where(zZero, where(positiveReal, zero(p), nan), g.im()));
        return new Parts(re, im);
    }

    /**
     * Kahan's tanh(x + iy): with t = tan y, b = 1 + t^2, s = sinh x, r = sqrt(1 + s^2), it is
     * (b r s + i t) / (1 + b s^2); ±1 + i t/(1 + b s^2) once |x| saturates.
     */
    private Parts tanh(Node x, Node y) {
        Node t = f(ElementOp.TAN, y);
        Node beta = add(constant(p, 1), mul(t, t));
        Node s = f(ElementOp.SINH, x);
        Node rho = f(ElementOp.SQRT, add(constant(p, 1), mul(s, s)));
        Node den = add(constant(p, 1), mul(beta, mul(s, s)));
        Node saturated = f(ElementOp.GREATER, f(ElementOp.ABS, x), constant(p, TANH_SATURATED));
        Node sign = where(f(ElementOp.LESS, x, zero(p)), constant(p, -1), constant(p, 1));
        Node re = where(saturated, sign, div(mul(beta, mul(rho, s)), den));
        Node im = div(t, den);
        return new Parts(re, im);
    }

    private Parts scale(Parts x, double k) {
        Node c = constant(p, k);
        return new Parts(mul(x.re(), c), mul(x.im(), c));
    }

    private Node add(Node a, Node b) { return f(ElementOp.ADD, a, b); }

    private Node sub(Node a, Node b) { return f(ElementOp.SUBTRACT, a, b); }

    private Node mul(Node a, Node b) { return f(ElementOp.MULTIPLY, a, b); }

    private Node div(Node a, Node b) { return f(ElementOp.DIVIDE, a, b); }

    private Node neg(Node a) { return f(ElementOp.NEGATIVE, a); }

    private Node where(Node c, Node a, Node b) { return f(ElementOp.WHERE, c, a, b); }

    /** A real operation on part-dtype operands (bool result for comparisons and logical ops). */
    private Node f(ElementOp op, Node... in) {
        DType result = op.resultType(p, p);
        return ComplexSplit.op(op, result, in);
    }
}
