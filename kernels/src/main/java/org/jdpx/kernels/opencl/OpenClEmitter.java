package org.jdpx.kernels.opencl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.IrTypes;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Type;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.ViewOffsets;

/**
 * Prints an IR module as OpenCL C 1.2 source that any OpenCL device can build. It only
 * prints: Java semantics are already explicit in the IR, and each operator is spelled so
 * that OpenCL C computes exactly that:
 * <ul>
 * <li>int/long {@code + - *} and negation go through unsigned types and {@code as_int}/{@code as_long}
 *     ({@code as_int((uint)a * (uint)b)}): unsigned arithmetic wraps in C, signed overflow is undefined;</li>
 * <li>except an access index {@code x + y} with one side known {@code >= 0} (a constant, or a
 *     {@link Var#nonNegative} variable), added in long ({@code a[(long)x + y]}): its int sum could only
 *     overflow into a negative index, which Java refuses, and in long a CPU compiler vectorizes it;</li>
 * <li>shifts: OpenCL C (unlike C99) uses only the low log2(bits) bits of the count and fills a
 *     signed right shift with the sign bit (OpenCL C spec, "Shift operators"), which is Java's
 *     rule; left shifts and {@code >>>} are done on the unsigned type;</li>
 * <li>integer {@code /} and {@code %} by a variable call small helpers: {@code MIN_VALUE / -1}
 *     is {@code MIN_VALUE} and {@code % -1} is 0 as in Java (on x86 devices the raw division
 *     traps), and division by zero gives 0 (Java would throw; a device cannot, so every device,
 *     the java device included, gives 0);</li>
 * <li>float to int/long uses {@code convert_int_sat_rtz}: truncation, saturation, NaN to 0 (Java's cast);
 *     narrowing integer casts keep the low bits via unsigned conversions and {@code as_char}/{@code as_short};</li>
 * <li>{@code #pragma OPENCL FP_CONTRACT OFF}: Java never fuses {@code a*b+c}; only {@code Math.fma} gives {@code fma};</li>
 * <li>{@code cl_khr_fp64} and the 64-bit atomics extensions are enabled only when used;</li>
 * <li>a float atomic add is a compare-and-swap loop on the bits, or, for a device with native float
 *     atomics ({@link #emit(KernelModule, boolean)}), OpenCL C 2.0's {@code atomic_fetch_add_explicit}
 *     on an {@code atomic_float} (extension {@code cl_ext_float_atomics}; the program is then built
 *     as OpenCL C 2.0 or later, see {@link BuildOptions}).</li>
 * </ul>
 * Variables keep their Java names where debug info had them; all locals are declared at the
 * top of each function. Structured control flow prints as C statements; a {@code break} or
 * {@code continue} C cannot express (out of a nested loop or a switch) becomes a {@code goto}.
 */
public final class OpenClEmitter {
    private final KernelModule module;
    private final Features features;
    private final boolean nativeFloatAtomicAdd;
    private final Set<String> prelude = new LinkedHashSet<>();
    private final StringBuilder body = new StringBuilder();

    private OpenClEmitter(KernelModule module, boolean nativeFloatAtomicAdd) {
        this.module = module;
        this.features = Features.of(module);
        this.nativeFloatAtomicAdd = nativeFloatAtomicAdd;
    }

    /** OpenCL C source for {@code module}: extensions, helper functions, then the kernel. */
    public static String emit(KernelModule module) {
        return emit(module, false);
    }

    /**
     * OpenCL C source for {@code module}; with {@code nativeFloatAtomicAdd} a float atomic add on
     * global memory is the device's own ({@code cl_ext_float_atomics}), which needs the program
     * built as OpenCL C 2.0 or later ({@link BuildOptions#of}).
     */
    public static String emit(KernelModule module, boolean nativeFloatAtomicAdd) {
        return new OpenClEmitter(module, nativeFloatAtomicAdd).run();
    }

    /** True when {@code module} has a float atomic add that the native form would print differently. */
    public static boolean hasGlobalFloatAtomicAdd(KernelModule module) {
        boolean[] found = {false};
        for (Function f : module.functions()) {
            Features.forEachStmt(f.body(), s -> { }, e -> {
                if (e instanceof Expr.Atomic a && a.scalar() == Scalar.F32 && IrTypes.spaceOf(a.base().type()) == AddressSpace.GLOBAL) {
                    found[0] = true;
                }
            });
        }
        return found[0];
    }

    private String run() {
        for (Function f : module.functions()) new FunctionPrinter(f).print();
        StringBuilder sb = new StringBuilder();
        sb.append("// OpenCL C generated by jdpx from kernel ").append(module.kernel().name()).append("\n");
        sb.append("#pragma OPENCL FP_CONTRACT OFF\n");
        if (features.fp64()) sb.append("#pragma OPENCL EXTENSION cl_khr_fp64 : enable\n");
        if (features.int64Atomics()) sb.append("#pragma OPENCL EXTENSION cl_khr_int64_base_atomics : enable\n");
        if (features.int64ExtendedAtomics()) sb.append("#pragma OPENCL EXTENSION cl_khr_int64_extended_atomics : enable\n");
        sb.append('\n');
        for (String p : prelude) sb.append(Prelude.source(p)).append('\n');
        sb.append(body);
        return sb.toString();
    }

    private final class FunctionPrinter {
        private final Function fn;
        private final Map<Var, String> names = new HashMap<>();
        private final Map<Label, String> labelNames = new HashMap<>();
        private final Set<String> taken = new HashSet<>();
        private final Set<Label> breakGotos = new HashSet<>();
        private final Set<Label> continueGotos = new HashSet<>();
        /** Innermost-last stack of C constructs that {@code break} applies to: a Loop's label, or null for a switch. */
        private final List<Label> breakables = new ArrayList<>();
        private final List<Label> loops = new ArrayList<>();
        private final StringBuilder out = new StringBuilder();
        private int indent = 1;

        FunctionPrinter(Function fn) {
            this.fn = fn;
        }

        void print() {
            for (Function f : module.functions()) taken.add(f.name());
            List<String> params = new ArrayList<>();
            for (Param p : fn.params()) params.add(declare(p.var(), name(p.var())));
            String ret = fn.isKernel() ? "__kernel void" : fn.returnType() == null ? "void" : fn.returnType().clName();
            body.append(ret).append(' ').append(fn.name()).append('(').append(String.join(", ", params)).append(") {\n");
            Set<Var> used = usedVars();
            Map<String, List<String>> scalars = new LinkedHashMap<>();
            List<String> arrays = new ArrayList<>();
            for (Var v : fn.locals()) {
                if (!used.contains(v)) continue;
                if (v.type() instanceof Scalar s) {
                    scalars.computeIfAbsent(s.clName(), k -> new ArrayList<>()).add(name(v));
                } else {
                    arrays.add(declare(v, name(v)) + ";");
                }
            }
            StringBuilder decls = new StringBuilder();
            for (String a : arrays) decls.append("    ").append(a).append('\n');
            for (var e : scalars.entrySet()) decls.append("    ").append(e.getKey()).append(' ').append(String.join(", ", e.getValue())).append(";\n");
            // a view starting inside its allocation: move its pointer to the first element
            for (var e : ViewOffsets.of(fn).entrySet()) {
                decls.append("    ").append(name(e.getKey())).append(" += ").append(name(e.getValue())).append(";\n");
            }
            stmts(fn.body());
            body.append(decls);
            if (!decls.isEmpty() && !out.isEmpty()) body.append('\n');
            body.append(out).append("}\n\n");
        }

        private Set<Var> usedVars() {
            Set<Var> used = new HashSet<>();
            Features.forEachStmt(fn.body(), s -> {
                if (s instanceof Stmt.Assign a) used.add(a.var());
            }, e -> {
                if (e instanceof Expr.Read r) used.add(r.var());
            });
            return used;
        }

        private String name(Var v) {
            return names.computeIfAbsent(v, k -> unique(k.name()));
        }

        private String unique(String name) {
            // a reserved prefix (jdpx_, as_, get_...) stays reserved whatever follows: move it away
            String base = Prelude.isReserved(name) ? "v_" + name : name;
            String n = base;
            for (int i = 2; taken.contains(n) || Prelude.isReserved(n); i++) n = base + "_" + i;
            taken.add(n);
            return n;
        }

        private String label(Label l) {
            return labelNames.computeIfAbsent(l, k -> unique(k.name()));
        }

        private String declare(Var v, String n) {
            Type t = v.type();
            return switch (t) {
                case Scalar s -> s.clName() + " " + n;
                case PtrType p -> p.space().clQualifier() + " " + p.elem().clName() + "* " + n;
                case ArrayType a -> (a.space() == AddressSpace.LOCAL ? "__local " : "") + a.elem().clName() + " " + n + "[" + a.length() + "]";
            };
        }

        // ------------------------------------------------------------ statements

        private void line(String s) {
            out.append("    ".repeat(indent)).append(s).append('\n');
        }

        private void stmts(List<Stmt> list) {
            for (int i = 0; i < list.size(); i++) {
                Stmt s = list.get(i);
                if (s instanceof Stmt.Assign a && i + 1 < list.size() && list.get(i + 1) instanceof Stmt.Loop l
                        && l.cond() != null && l.update().size() == 1 && l.update().getFirst() instanceof Stmt.Assign u && u.var() == a.var()) {
                    loop(l, name(a.var()) + " = " + top(a.value()));
                    i++;
                    continue;
                }
                stmt(s);
            }
        }

        private void block(List<Stmt> list) {
            indent++;
            stmts(list);
            indent--;
        }

        private void stmt(Stmt s) {
            switch (s) {
                case Stmt.Assign a -> line(name(a.var()) + " = " + top(a.value()) + ";");
                case Stmt.Store st -> line(expr(st.base()) + "[" + index(st.index()) + "] = " + top(st.value()) + ";");
                case Stmt.Eval e -> line(top(e.expr()) + ";");
                case Stmt.If i -> ifStmt(i, false);
                case Stmt.Loop l -> loop(l, "");
                case Stmt.Block b -> {
                    stmts(b.body());
                    if (breakGotos.contains(b.label())) line(label(b.label()) + ": ;");
                }
                case Stmt.Break b -> {
                    if (!breakables.isEmpty() && breakables.getLast() == b.target()) {
                        line("break;");
                    } else {
                        breakGotos.add(b.target());
                        line("goto " + label(b.target()) + ";");
                    }
                }
                case Stmt.Continue c -> {
                    if (!loops.isEmpty() && loops.getLast() == c.target()) {
                        line("continue;");
                    } else {
                        continueGotos.add(c.target());
                        line("goto " + label(c.target()) + "_next;");
                    }
                }
                case Stmt.Return r -> line(r.value() == null ? "return;" : "return " + top(r.value()) + ";");
                case Stmt.Barrier b -> line(b.global() ? "barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);" : "barrier(CLK_LOCAL_MEM_FENCE);");
                case Stmt.Switch w -> switchStmt(w);
            }
        }

        private void ifStmt(Stmt.If i, boolean elseIf) {
            String head = "if (" + top(i.cond()) + ") {";
            if (elseIf) {
                out.setLength(out.length() - 1); // continue the line "}" that closed the previous branch
                out.append(" else ").append(head).append('\n');
            } else {
                line(head);
            }
            block(i.then());
            if (i.otherwise().isEmpty()) {
                line("}");
            } else if (i.otherwise().size() == 1 && i.otherwise().getFirst() instanceof Stmt.If inner) {
                line("}");
                ifStmt(inner, true);
            } else {
                line("} else {");
                block(i.otherwise());
                line("}");
            }
        }

        private void loop(Stmt.Loop l, String init) {
            String head;
            if (l.update().isEmpty() && init.isEmpty()) {
                head = l.cond() == null ? "for (;;) {" : "while (" + top(l.cond()) + ") {";
            } else {
                List<String> ups = new ArrayList<>();
                for (Stmt u : l.update()) ups.add(update((Stmt.Assign) u, l.cond()));
                head = "for (" + init + "; " + (l.cond() == null ? "" : top(l.cond())) + "; " + String.join(", ", ups) + ") {";
            }
            line(head);
            breakables.add(l.label());
            loops.add(l.label());
            block(l.body());
            loops.removeLast();
            breakables.removeLast();
            if (continueGotos.contains(l.label())) {
                indent++;
                line(label(l.label()) + "_next: ;");
                indent--;
            }
            line("}");
            if (breakGotos.contains(l.label())) line(label(l.label()) + ": ;");
        }

        /**
         * A loop update. {@code i = i + 1} under a loop condition that includes {@code i < bound}
         * cannot overflow (the body ran, so i was below an int), so it prints as {@code i++};
         * likewise {@code i - 1} under {@code i > bound} or {@code i >= 0}.
         */
        private String update(Stmt.Assign u, Expr cond) {
            if (u.value() instanceof Expr.Binary b && b.left() instanceof Expr.Read r && r.var() == u.var()
                    && b.right() instanceof Expr.Const c && u.var().type() instanceof Scalar s && s.isInt()) {
                boolean inc = (b.op() == BinOp.ADD && c.bits() == 1) || (b.op() == BinOp.SUB && c.bits() == -1);
                boolean dec = (b.op() == BinOp.SUB && c.bits() == 1) || (b.op() == BinOp.ADD && c.bits() == -1);
                for (Expr conj : conjuncts(cond)) {
                    if (!(conj instanceof Expr.Compare cmp) || !(cmp.left() instanceof Expr.Read cr) || cr.var() != u.var()) continue;
                    if (inc && cmp.op() == CmpOp.LT) return name(u.var()) + "++";
                    if (dec && (cmp.op() == CmpOp.GT || (cmp.op() == CmpOp.GE && cmp.right() instanceof Expr.Const lim && lim.bits() >= 0))) {
                        return name(u.var()) + "--";
                    }
                }
            }
            return name(u.var()) + " = " + top(u.value());
        }

        private static List<Expr> conjuncts(Expr e) {
            List<Expr> out = new ArrayList<>();
            if (e instanceof Expr.Logic l && l.and()) {
                out.addAll(conjuncts(l.left()));
                out.addAll(conjuncts(l.right()));
            } else if (e != null) {
                out.add(e);
            }
            return out;
        }

        private void switchStmt(Stmt.Switch w) {
            line("switch (" + top(w.selector()) + ") {");
            breakables.add(null);
            for (Stmt.Case c : w.cases()) {
                StringBuilder labels = new StringBuilder();
                for (int v : c.values()) labels.append(labels.isEmpty() ? "" : " ").append("case ").append(intConst(v)).append(':');
                line(labels + " {");
                block(c.body());
                if (completes(c.body())) {
                    indent++;
                    line("break;");
                    indent--;
                }
                line("}");
            }
            line("default: {");
            block(w.otherwise());
            line("}");
            breakables.removeLast();
            line("}");
        }

        private boolean completes(List<Stmt> l) {
            if (l.isEmpty()) return true;
            Stmt last = l.getLast();
            return !(last instanceof Stmt.Return || last instanceof Stmt.Break || last instanceof Stmt.Continue);
        }

        // ------------------------------------------------------------ expressions

        /** An expression in a position that needs no parentheses. */
        private String top(Expr e) {
            String s = expr(e);
            if ((e instanceof Expr.Binary || e instanceof Expr.Compare || e instanceof Expr.Logic || e instanceof Expr.Select)
                    && s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
                return s.substring(1, s.length() - 1);
            }
            return s;
        }

        private static boolean balanced(String s) {
            int d = 0;
            for (char c : s.toCharArray()) {
                if (c == '(') d++;
                if (c == ')' && --d < 0) return false;
            }
            return d == 0;
        }

        private String expr(Expr e) {
            return switch (e) {
                case Expr.Const c -> constant(c);
                case Expr.Read r -> name(r.var());
                case Expr.Unary u -> unary(u);
                case Expr.Binary b -> binary(b);
                case Expr.Compare c -> "(" + expr(c.left()) + " " + c.op().symbol() + " " + expr(c.right()) + ")";
                case Expr.Logic l -> "(" + expr(l.left()) + (l.and() ? " && " : " || ") + expr(l.right()) + ")";
                case Expr.Convert c -> convert(c.to(), c.operand());
                case Expr.Bitcast c -> "as_" + c.to().clName() + "(" + top(c.operand()) + ")";
                case Expr.Select s -> "(" + expr(s.cond()) + " ? " + expr(s.ifTrue()) + " : " + expr(s.ifFalse()) + ")";
                case Expr.Load l -> expr(l.base()) + "[" + index(l.index()) + "]";
                case Expr.Call c -> c.function().name() + "(" + String.join(", ", c.args().stream().map(this::top).toList()) + ")";
                case Expr.MathCall m -> mathCall(m);
                case Expr.WorkItem w -> "(int)" + w.fn().clName() + "(" + w.dim() + ")";
                case Expr.Atomic a -> atomic(a);
            };
        }

        /**
         * An access index. An int {@code x + y} where one side is known {@code >= 0} (a constant,
         * or a variable its producer declared {@link Var#nonNegative}) is added in long
         * ({@code (long)x + y}): the int sum could only overflow upwards, where Java's wrapped
         * index is negative and the access out of bounds (Java would throw), so every in-bounds
         * access gets the same element. In long, a C compiler sees addresses consecutive across
         * work-items: PoCL then vectorizes without the run-time overflow test and scalar copy of
         * the loop that the wrapping int add (or a plain int add of a truncated global id) needs.
         * Everywhere else int arithmetic keeps wrapping.
         */
        private String index(Expr e) {
            if (e instanceof Expr.Binary b && b.op() == BinOp.ADD && b.type() == Scalar.I32
                    && (nonNegative(b.left()) || nonNegative(b.right()))) {
                return "(long)" + expr(b.left()) + " + " + expr(b.right());
            }
            return top(e);
        }

        private static boolean nonNegative(Expr e) {
            return e instanceof Expr.Const c && c.bits() >= 0 || e instanceof Expr.Read r && r.var().nonNegative();
        }

        private String unsigned(Expr e) {
            if (e instanceof Expr.Const c && c.bits() >= 0) return c.bits() + (c.type() == Scalar.I64 ? "UL" : "u");
            if (e instanceof Expr.Binary b && (b.op() == BinOp.ADD || b.op() == BinOp.SUB || b.op() == BinOp.MUL)) {
                return "(" + unsigned(b.left()) + " " + b.op().symbol() + " " + unsigned(b.right()) + ")";
            }
            return "(" + (e.type() == Scalar.I64 ? "ulong" : "uint") + ")" + expr(e);
        }

        private String unary(Expr.Unary u) {
            if (u.op() == UnOp.NOT) return "!" + expr(u.operand());
            Scalar t = u.scalar();
            if (t.isFloat()) return "(-" + expr(u.operand()) + ")";
            return "as_" + t.clName() + "(-" + unsigned(u.operand()) + ")";
        }

        /** A built-in call; pow goes through a helper with Java's results where C's differ. */
        private String mathCall(Expr.MathCall m) {
            String name = m.fn().clName();
            if (m.fn() == MathFn.POW) {
                name = "jdpx_pow_" + m.operandType().clName();
                prelude.add(name);
            }
            return name + "(" + String.join(", ", m.args().stream().map(this::top).toList()) + ")";
        }

        private String binary(Expr.Binary b) {
            Scalar t = b.scalar();
            String l = expr(b.left()), r = expr(b.right());
            if (t.isFloat()) {
                if (b.op() == BinOp.REM) return "fmod(" + top(b.left()) + ", " + top(b.right()) + ")";
                if (b.op() == BinOp.DIV && b.right() instanceof Expr.Const k
                        && (t == Scalar.F32 ? k.floatValue() == 0 : k.doubleValue() == 0)) {
                    // x / ±0 is exactly x * ±inf (±inf, or NaN for 0 and NaN); Mesa's llvmpipe folds x / 0f to 0
                    boolean negative = t == Scalar.F32 ? (int) k.bits() < 0 : k.bits() < 0;
                    double inf = negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                    return "(" + l + " * " + constant(t == Scalar.F32 ? Expr.Const.f32((float) inf) : Expr.Const.f64(inf)) + ")";
                }
                return "(" + l + " " + b.op().symbol() + " " + r + ")";
            }
            String as = "as_" + t.clName();
            if (b.op() == BinOp.ADD && b.right() instanceof Expr.Const k && k.bits() < 0 && k.bits() != Long.MIN_VALUE
                    && !(t == Scalar.I32 && k.bits() == Integer.MIN_VALUE)) {
                return binary(new Expr.Binary(BinOp.SUB, b.left(), new Expr.Const(k.type(), -k.bits())));
            }
            return switch (b.op()) {
                case ADD, SUB, MUL -> as + "(" + unsigned(b.left()) + " " + b.op().symbol() + " " + unsigned(b.right()) + ")";
                case DIV, REM -> {
                    if (b.right() instanceof Expr.Const c && c.bits() != 0 && c.bits() != -1) {
                        yield "(" + l + " " + b.op().symbol() + " " + r + ")";
                    }
                    String h = "jdpx_" + (b.op() == BinOp.DIV ? "div_" : "rem_") + t.clName();
                    prelude.add(h);
                    yield h + "(" + top(b.left()) + ", " + top(b.right()) + ")";
                }
                case AND, OR, XOR -> "(" + l + " " + b.op().symbol() + " " + r + ")";
                case SHL -> as + "(" + unsigned(b.left()) + " << " + r + ")";
                case SHR -> "(" + l + " >> " + r + ")";
                case USHR -> as + "(" + unsigned(b.left()) + " >> " + r + ")";
            };
        }

        private String convert(Scalar to, Expr x) {
            Scalar from = x.scalar();
            String v = expr(x);
            if (from == Scalar.BOOL) return "(" + to.clName() + ")" + v;
            if (to.isFloat()) return "(" + to.clName() + ")" + v;
            if (from.isFloat()) {
                // NaN must give 0: the spec says _sat does that, but Mesa's llvmpipe returns MIN_VALUE, so test explicitly
                String sat = "convert_" + (to == Scalar.I64 ? "long" : "int") + "_sat_rtz(" + top(x) + ")";
                String safe = x instanceof Expr.Read || x instanceof Expr.Const
                        ? "(isnan(" + v + ") ? 0 : " + sat + ")"
                        : "jdpx_" + (to == Scalar.I64 ? "d2l" : "d2i") + "_" + from.clName() + "(" + top(x) + ")";
                if (!(x instanceof Expr.Read || x instanceof Expr.Const)) prelude.add("jdpx_" + (to == Scalar.I64 ? "d2l" : "d2i") + "_" + from.clName());
                return to == Scalar.I32 || to == Scalar.I64 ? safe : "convert_" + to.clName() + "(" + safe + ")";
            }
            if (to == Scalar.I64 && (from == Scalar.I32 || from == Scalar.I16 || from == Scalar.I8)) {
                // sign extension spelled out: Mesa's llvmpipe compares a plain (long) of an int with a constant unsigned
                prelude.add("jdpx_i2l");
                return "jdpx_i2l(" + top(x) + ")";
            }
            if (to.bits() > from.bits() || (to.bits() == from.bits() && to == from)) return "(" + to.clName() + ")" + v;
            // narrowing (or same-size signedness change): keep the low bits, well-defined via unsigned types
            return switch (to) {
                case I8 -> "as_char((uchar)" + v + ")";
                case I16 -> "as_short((ushort)" + v + ")";
                case U16 -> "(ushort)" + v;
                case I32 -> "as_int((uint)" + v + ")";
                default -> "(" + to.clName() + ")" + v;
            };
        }

        private String atomic(Expr.Atomic a) {
            Scalar t = a.scalar();
            AddressSpace space = IrTypes.spaceOf(a.base().type());
            String ptr = "&" + expr(a.base()) + "[" + index(a.index()) + "]";
            List<String> ops = a.operands().stream().map(this::top).toList();
            if (t == Scalar.F32 && space == AddressSpace.GLOBAL && nativeFloatAtomicAdd) {
                return "atomic_fetch_add_explicit((volatile __global atomic_float*)" + ptr + ", " + ops.getFirst()
                        + ", memory_order_relaxed, memory_scope_device)";
            }
            if (t.isFloat()) {
                String h = "jdpx_atomic_add_" + t.clName() + "_" + (space == AddressSpace.LOCAL ? "local" : "global");
                prelude.add(h);
                return h + "(" + ptr + ", " + ops.getFirst() + ")";
            }
            String prefix = t == Scalar.I64 ? "atom_" : "atomic_";
            String fnName = switch (a.op()) {
                case ADD -> "add";
                case SUB -> "sub";
                case MIN -> "min";
                case MAX -> "max";
                case AND -> "and";
                case OR -> "or";
                case XOR -> "xor";
                case XCHG -> "xchg";
                case CMPXCHG -> "cmpxchg";
            };
            return prefix + fnName + "(" + ptr + ", " + String.join(", ", ops) + ")";
        }

        private String constant(Expr.Const c) {
            return switch (c.type()) {
                case BOOL -> c.bits() != 0 ? "1" : "0";
                case I64 -> c.bits() == Long.MIN_VALUE ? "(-9223372036854775807L - 1L)" : c.bits() < 0 ? "(" + c.bits() + "L)" : c.bits() + "L";
                case F32 -> floatConst(c.floatValue());
                case F64 -> doubleConst(c.doubleValue());
                default -> intConst((int) c.bits());
            };
        }

        private String intConst(int v) {
            if (v == Integer.MIN_VALUE) return "(-2147483647 - 1)";
            return v < 0 ? "(" + v + ")" : Integer.toString(v);
        }

        private String floatConst(float f) {
            if (Float.isNaN(f)) return "NAN";
            if (Float.isInfinite(f)) return f > 0 ? "INFINITY" : "(-INFINITY)";
            String s = Float.toString(f) + "f";
            return f < 0 || (f == 0 && 1 / f < 0) ? "(" + s + ")" : s;
        }

        private String doubleConst(double d) {
            if (Double.isNaN(d)) return "(double)NAN";
            if (Double.isInfinite(d)) return d > 0 ? "(double)INFINITY" : "(-(double)INFINITY)";
            String s = Double.toString(d);
            return d < 0 || (d == 0 && 1 / d < 0) ? "(" + s + ")" : s;
        }
    }

}
