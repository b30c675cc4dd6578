package org.jdpx.kernels.ir;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds IR functions by hand, without bytecode: how the tensor module turns fused array
 * expressions into kernels for the same emitters. Statements go to the innermost open
 * scope; structured statements take a callback that fills their body.
 *
 * <pre>{@code
 * IrBuilder b = IrBuilder.kernel("axpy");
 * Var x = b.view("x", Scalar.F32, 0), y = b.view("y", Scalar.F32, 1);
 * Var a = b.value("a", float.class, 2);
 * Var i = b.local("i", Scalar.I32);
 * b.assign(i, b.globalId(0));
 * b.store(b.read(y), b.read(i), b.add(b.mul(b.read(a), b.load(b.read(x), b.read(i))), b.load(b.read(y), b.read(i))));
 * KernelModule m = new KernelModule(b.build(), List.of());
 * }</pre>
 *
 * Throws {@link IllegalArgumentException} when operand types do not match.
 */
public final class IrBuilder {
    private final Function function;
    private final Deque<List<Stmt>> scopes = new ArrayDeque<>();
    private int labels;

    private IrBuilder(Function function) {
        this.function = function;
        scopes.push(function.body());
    }

    /** Starts a kernel entry point called {@code name}. */
    public static IrBuilder kernel(String name) { return new IrBuilder(new Function(name, true, null)); }

    /** Starts a helper function returning {@code returnType} (null for void). */
    public static IrBuilder helper(String name, Scalar returnType) { return new IrBuilder(new Function(name, false, returnType)); }

    /**
     * The function being built (its body grows as statements are added). For a kernel, appends the
     * hidden OFFSET argument of each view that lacks one, so views that start inside their
     * allocation work on every device; calling it again adds nothing.
     */
    public Function build() {
        if (!function.isKernel()) return function;
        List<Param> offsets = new ArrayList<>();
        for (Param p : function.params()) {
            if (p.kind() instanceof ParamKind.View v && !hasOffset(v.argIndex())) {
                offsets.add(new Param(new Var(ParamKind.infoName(p.var().name(), ParamKind.Info.OFFSET, 0),
                        ParamKind.infoType(ParamKind.Info.OFFSET)), new ParamKind.ViewInfo(ParamKind.Info.OFFSET, v.argIndex(), 0)));
            }
        }
        function.params().addAll(offsets);
        return function;
    }

    private boolean hasOffset(int argIndex) {
        for (Param p : function.params()) {
            if (p.kind() instanceof ParamKind.ViewInfo i && i.info() == ParamKind.Info.OFFSET && i.argIndex() == argIndex) return true;
        }
        return false;
    }

    // ---- parameters and locals ----

    /** Adds a kernel parameter for array view argument {@code argIndex} with {@code elem} elements. */
    public Var view(String name, Scalar elem, int argIndex) {
        return param(name, new PtrType(elem, AddressSpace.GLOBAL), new ParamKind.View(elem, argIndex));
    }

    /** Adds a by-value kernel parameter of Java type {@code javaType}. */
    public Var value(String name, Class<?> javaType, int argIndex) {
        return param(name, Scalar.ofJava(javaType), new ParamKind.Value(javaType, argIndex));
    }

    /** Adds a parameter with an explicit kind. */
    public Var param(String name, Type type, ParamKind kind) {
        Var v = new Var(name, type);
        function.params().add(new Param(v, kind));
        return v;
    }

    /** Declares a local variable. */
    public Var local(String name, Type type) {
        Var v = new Var(name, type);
        function.locals().add(v);
        return v;
    }

    /**
     * Declares an index variable whose value is {@code >= 0} wherever an access index reads it
     * ({@link Var#Var(String, Type, boolean)}); the caller guarantees that, and gains indices
     * that a CPU compiler can vectorize without a run-time overflow test.
     */
    public Var nonNegativeLocal(String name, Scalar type) {
        Var v = new Var(name, type, true);
        function.locals().add(v);
        return v;
    }

    // ---- expressions ----

    /** Reads a variable. */
    public Expr read(Var v) { return new Expr.Read(v); }
    /** An int constant. */
    public Expr i32(int v) { return Expr.Const.i32(v); }
    /** A long constant. */
    public Expr i64(long v) { return Expr.Const.i64(v); }
    /** A float constant. */
    public Expr f32(float v) { return Expr.Const.f32(v); }
    /** A double constant. */
    public Expr f64(double v) { return Expr.Const.f64(v); }

    /** Java binary arithmetic; both operands must have one type (shift counts must be I32). */
    public Expr binary(BinOp op, Expr a, Expr b) {
        if (op.isShift() ? b.type() != Scalar.I32 : a.type() != b.type()) {
            throw new IllegalArgumentException(op + " on " + a.type() + " and " + b.type());
        }
        return new Expr.Binary(op, a, b);
    }

    /** {@code a + b}. */
    public Expr add(Expr a, Expr b) { return binary(BinOp.ADD, a, b); }
    /** {@code a - b}. */
    public Expr sub(Expr a, Expr b) { return binary(BinOp.SUB, a, b); }
    /** {@code a * b}. */
    public Expr mul(Expr a, Expr b) { return binary(BinOp.MUL, a, b); }
    /** {@code a / b}. */
    public Expr div(Expr a, Expr b) { return binary(BinOp.DIV, a, b); }

    /** A comparison of two same-typed values. */
    public Expr compare(CmpOp op, Expr a, Expr b) {
        if (a.type() != b.type()) throw new IllegalArgumentException(op + " on " + a.type() + " and " + b.type());
        return new Expr.Compare(op, a, b);
    }

    /** Java primitive conversion. */
    public Expr convert(Scalar to, Expr e) { return e.type() == to ? e : new Expr.Convert(to, e); }
    /** {@code c ? a : b}. */
    public Expr select(Expr c, Expr a, Expr b) { return new Expr.Select(c, a, b); }
    /** Element {@code index} of a pointer or array. */
    public Expr load(Expr base, Expr index) { return new Expr.Load(base, index); }
    /** A math built-in on operands of type {@code t}. */
    public Expr math(MathFn fn, Scalar t, Expr... args) { return new Expr.MathCall(fn, t, List.of(args)); }
    /** {@code get_global_id(dim)}. */
    public Expr globalId(int dim) { return new Expr.WorkItem(WorkItemFn.GLOBAL_ID, dim); }
    /** A work-item query. */
    public Expr workItem(WorkItemFn fn, int dim) { return new Expr.WorkItem(fn, dim); }

    // ---- statements ----

    /** Appends any statement to the current scope. */
    public void add(Stmt s) { scopes.peek().add(s); }
    /** {@code v = e}. */
    public void assign(Var v, Expr e) { add(new Stmt.Assign(v, e)); }
    /** {@code base[index] = value}. */
    public void store(Expr base, Expr index, Expr value) { add(new Stmt.Store(base, index, value)); }
    /** Returns, with a value for non-void helpers (null otherwise). */
    public void ret(Expr value) { add(new Stmt.Return(value)); }
    /** A work-group barrier. */
    public void barrier(boolean global) { add(new Stmt.Barrier(global)); }

    /** {@code if (cond) { then }}. */
    public void ifThen(Expr cond, Runnable then) { ifThenElse(cond, then, () -> { }); }

    /** {@code if (cond) { then } else { otherwise }}. */
    public void ifThenElse(Expr cond, Runnable then, Runnable otherwise) {
        add(new Stmt.If(cond, scope(then), scope(otherwise)));
    }

    /**
     * {@code for (; cond; update) body}; the body callback receives the loop's label for
     * {@link #breakLoop}/{@link #continueLoop}.
     */
    public void loop(Expr cond, Runnable update, Consumer<Label> body) {
        Label l = new Label("L" + labels++);
        List<Stmt> b = scope(() -> body.accept(l));
        add(new Stmt.Loop(l, cond, b, scope(update)));
    }

    /** Leaves the loop or block labelled {@code l}. */
    public void breakLoop(Label l) { add(new Stmt.Break(l)); }
    /** Next iteration of loop {@code l}. */
    public void continueLoop(Label l) { add(new Stmt.Continue(l)); }

    private List<Stmt> scope(Runnable r) {
        List<Stmt> list = new ArrayList<>();
        scopes.push(list);
        try {
            r.run();
        } finally {
            scopes.pop();
        }
        return list;
    }
}
