package org.jdpx.kernels.checked;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.IrTypes;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;

/**
 * Checked mode as an IR pass: a copy of a module in which every load, store and atomic on a view,
 * a {@code @Local} buffer, a local-memory array or a private array first tests its index against
 * the memory's extent (inline: {@code 0 <= i < n ? a[i] : miss(...)}, and an {@code if} around a
 * store); out of range, a {@link CheckHelpers helper} records the first violation in a hidden error
 * view and the access is skipped (a read or atomic gives 0). The input module is left as it was,
 * so unchecked kernels are untouched. Index expressions are pure in the IR, so testing and then
 * using one evaluates it twice without changing what the kernel does.
 *
 * <p>What the copy adds: on the kernel, an {@link ParamKind.Info#EXTENT EXTENT} argument per view
 * and {@code @Local} parameter, and the error view as the user argument after the last one
 * ({@code IntArray} of at least {@link #RECORD_INTS} ints, zeroed before the launch); on every
 * helper that takes pointers, the extent of each pointer and the error view as extra parameters,
 * passed at every call. Indices are checked as the IR computes them, linear from the view's first
 * element, so a 2-D access whose column is out of range but whose linear index falls inside the
 * view is not reported (the same rule as for C arrays).
 */
public final class BoundsChecks {
    /** Ints in the error record (see {@link CheckHelpers}). */
    public static final int RECORD_INTS = CheckHelpers.RECORD_INTS;

    /** The checked module and its access sites; the error record's code {@code c} names {@code sites.get(c - 1)}. */
    public record Result(KernelModule module, List<AccessSite> sites) {
    }

    /**
     * One checked access: the function it is in, the memory it touches (a view parameter's name,
     * or a helper's pointer parameter or array), what it does and its source position (null if unknown).
     */
    public record AccessSite(String function, String memory, String access, String at) {
    }

    private final CheckHelpers helpers = new CheckHelpers();
    private final List<AccessSite> sites = new ArrayList<>();
    private final Map<Function, Function> copies = new IdentityHashMap<>();

    private BoundsChecks() {
    }

    /** The checked copy of {@code module}. */
    public static Result apply(KernelModule module) {
        BoundsChecks pass = new BoundsChecks();
        List<Function> userHelpers = new ArrayList<>();
        for (Function h : module.helpers()) userHelpers.add(pass.copy(h));
        Function kernel = pass.copy(module.kernel());
        List<Function> all = new ArrayList<>(pass.helpers.functions());
        all.addAll(userHelpers);
        return new Result(new KernelModule(kernel, all), List.copyOf(pass.sites));
    }

    /** One function's copy: its parameters plus the hidden ones, its body with every access guarded. */
    private Function copy(Function fn) {
        Function out = new Function(fn.name(), fn.isKernel(), fn.returnType());
        out.params().addAll(fn.params());
        out.locals().addAll(fn.locals());
        Map<Var, Expr> extent = new HashMap<>();
        Var err;
        if (fn.isKernel()) {
            int users = 0;
            for (Param p : fn.params()) {
                switch (p.kind()) {
                    case ParamKind.View v -> {
                        users = Math.max(users, v.argIndex() + 1);
                        extent.put(p.var(), hidden(out, p, v.argIndex()));
                    }
                    case ParamKind.LocalBuffer l -> {
                        users = Math.max(users, l.argIndex() + 1);
                        extent.put(p.var(), hidden(out, p, l.argIndex()));
                    }
                    case ParamKind.Value v -> users = Math.max(users, v.argIndex() + 1);
                    default -> { }
                }
            }
            err = new Var("bounds_record", new PtrType(Scalar.I32, AddressSpace.GLOBAL));
            // after the user's arguments, before the hidden ones: rusticl misplaces a pointer argument that follows a long
            int at = 0;
            while (at < out.params().size() && !(out.params().get(at).kind() instanceof ParamKind.ViewInfo)) at++;
            out.params().add(at, new Param(err, new ParamKind.View(Scalar.I32, users)));
        } else {
            for (Param p : fn.params()) {
                if (p.var().type() instanceof PtrType) {
                    Var n = new Var(p.var().name() + "_extent", Scalar.I32);
                    out.params().add(new Param(n, new ParamKind.HelperValue()));
                    extent.put(p.var(), new Expr.Read(n));
                }
            }
            err = new Var("bounds_record", new PtrType(Scalar.I32, AddressSpace.GLOBAL));
            out.params().add(new Param(err, new ParamKind.Pointer(AddressSpace.GLOBAL)));
        }
        for (Var v : fn.locals()) {
            if (v.type() instanceof ArrayType a) extent.put(v, Expr.Const.i32(a.length()));
        }
        out.setBody(new Rewriter(fn, extent, err).stmts(fn.body()));
        copies.put(fn, out);
        return out;
    }

    /** Adds the kernel's EXTENT argument for parameter {@code p}, returning a read of it. */
    private static Expr hidden(Function out, Param p, int argIndex) {
        Var n = new Var(ParamKind.infoName(p.var().name(), ParamKind.Info.EXTENT, 0), ParamKind.infoType(ParamKind.Info.EXTENT));
        out.params().add(new Param(n, new ParamKind.ViewInfo(ParamKind.Info.EXTENT, argIndex, 0)));
        return new Expr.Read(n);
    }

    /** Rewrites one function's statements and expressions. */
    private final class Rewriter {
        private final Function fn;
        private final Map<Var, Expr> extent;
        private final Var err;

        Rewriter(Function fn, Map<Var, Expr> extent, Var err) {
            this.fn = fn;
            this.extent = extent;
            this.err = err;
        }

        List<Stmt> stmts(List<Stmt> in) {
            List<Stmt> out = new ArrayList<>(in.size());
            for (Stmt s : in) {
                if (s instanceof Stmt.Store st && checkedBase(st.base()) != null) {
                    guardedStore(st, out);
                } else {
                    out.add(stmt(s));
                }
            }
            return out;
        }

        /**
         * {@code if (in bounds) store; if (!in bounds) record;} as two statements rather than one
         * if/else, so an enclosing else branch never holds a lone if/else (which OpenCL C printing
         * of nested else-ifs has got wrong).
         */
        private void guardedStore(Stmt.Store st, List<Stmt> out) {
            Var base = checkedBase(st.base());
            Expr index = expr(st.index());
            Expr i = wide(index);
            List<Expr> args = new ArrayList<>(List.of(new Expr.Read(err)));
            args.addAll(record(base, i, "write", st.at()));
            out.add(new Stmt.If(inBounds(base, i), new ArrayList<>(List.of(new Stmt.Store(st.base(), index, expr(st.value()), st.at()))),
                    new ArrayList<>()));
            out.add(new Stmt.If(new Expr.Unary(UnOp.NOT, inBounds(base, i)),
                    new ArrayList<>(List.of(new Stmt.Eval(new Expr.Call(helpers.fail(), args)))), new ArrayList<>()));
        }

        private Stmt stmt(Stmt s) {
            return switch (s) {
                case Stmt.Assign a -> new Stmt.Assign(a.var(), expr(a.value()));
                case Stmt.Store st -> new Stmt.Store(expr(st.base()), expr(st.index()), expr(st.value()), st.at());
                case Stmt.Eval e -> new Stmt.Eval(expr(e.expr()));
                case Stmt.If i -> new Stmt.If(expr(i.cond()), stmts(i.then()), stmts(i.otherwise()));
                case Stmt.Loop l -> new Stmt.Loop(l.label(), l.cond() == null ? null : expr(l.cond()), stmts(l.body()), stmts(l.update()));
                case Stmt.Block b -> new Stmt.Block(b.label(), stmts(b.body()));
                case Stmt.Return r -> new Stmt.Return(r.value() == null ? null : expr(r.value()));
                case Stmt.Switch w -> {
                    List<Stmt.Case> cases = new ArrayList<>();
                    for (Stmt.Case c : w.cases()) cases.add(new Stmt.Case(c.values(), stmts(c.body())));
                    yield new Stmt.Switch(expr(w.selector()), cases, stmts(w.otherwise()));
                }
                case Stmt.Break b -> b;
                case Stmt.Continue c -> c;
                case Stmt.Barrier b -> b;
            };
        }

        private Expr expr(Expr e) {
            return switch (e) {
                case Expr.Const c -> c;
                case Expr.Read r -> r;
                case Expr.WorkItem w -> w;
                case Expr.Unary u -> new Expr.Unary(u.op(), expr(u.operand()));
                case Expr.Binary b -> new Expr.Binary(b.op(), expr(b.left()), expr(b.right()));
                case Expr.Compare c -> new Expr.Compare(c.op(), expr(c.left()), expr(c.right()));
                case Expr.Logic l -> new Expr.Logic(l.and(), expr(l.left()), expr(l.right()));
                case Expr.Convert c -> new Expr.Convert(c.to(), expr(c.operand()));
                case Expr.Bitcast c -> new Expr.Bitcast(c.to(), expr(c.operand()));
                case Expr.Select s -> new Expr.Select(expr(s.cond()), expr(s.ifTrue()), expr(s.ifFalse()));
                case Expr.MathCall m -> new Expr.MathCall(m.fn(), m.operandType(), m.args().stream().map(this::expr).toList());
                case Expr.Load l -> {
                    Var base = checkedBase(l.base());
                    Expr index = expr(l.index());
                    if (base == null) yield new Expr.Load(expr(l.base()), index, l.at());
                    Expr i = wide(index);
                    yield new Expr.Select(inBounds(base, i), new Expr.Load(l.base(), index, l.at()),
                            miss(base, i, "read", l.at()));
                }
                case Expr.Atomic a -> {
                    Var base = checkedBase(a.base());
                    Expr index = expr(a.index());
                    List<Expr> operands = a.operands().stream().map(this::expr).toList();
                    Expr access = new Expr.Atomic(a.op(), a.base(), index, operands, a.at());
                    if (base == null) yield access;
                    Expr i = wide(index);
                    yield new Expr.Select(inBounds(base, i), access, miss(base, i, "atomic " + a.op().name().toLowerCase(), a.at()));
                }
                case Expr.Call c -> call(c);
            };
        }

        /** A call of a rewritten helper: its arguments, then each pointer argument's extent, then the error view. */
        private Expr call(Expr.Call c) {
            Function target = copies.get(c.function());
            if (target == null) throw new IllegalStateException("helper " + c.function() + " is called before it is checked");
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) args.add(expr(a));
            List<Param> params = c.function().params();
            for (int k = 0; k < params.size(); k++) {
                if (params.get(k).var().type() instanceof PtrType) {
                    Expr n = c.args().get(k) instanceof Expr.Read r ? extent.get(r.var()) : null;
                    args.add(n != null ? n : Expr.Const.i32(Integer.MAX_VALUE));
                }
            }
            args.add(new Expr.Read(err));
            return new Expr.Call(target, args);
        }

        /** The memory variable of an access this pass checks, or null (the error view itself). */
        private Var checkedBase(Expr base) {
            return base instanceof Expr.Read r && extent.containsKey(r.var()) ? r.var() : null;
        }

        private static Expr wide(Expr index) {
            return index.scalar() == Scalar.I64 ? index : new Expr.Convert(Scalar.I64, index);
        }

        /**
         * {@code 0 <= i < n}, compared in 32 bits for an int index: rusticl on llvmpipe gets 64-bit
         * comparisons of a sign-extended int wrong (in range reported out of range and back).
         */
        private Expr inBounds(Var base, Expr i) {
            Expr n = extent.get(base);
            if (i instanceof Expr.Convert c && c.operand().scalar() == Scalar.I32) {
                return new Expr.Logic(true, new Expr.Compare(CmpOp.GE, c.operand(), Expr.Const.i32(0)), new Expr.Compare(CmpOp.LT, c.operand(), n));
            }
            return new Expr.Logic(true, new Expr.Compare(CmpOp.GE, i, Expr.Const.i64(0)),
                    new Expr.Compare(CmpOp.LT, i, new Expr.Convert(Scalar.I64, n)));
        }

        /** The value a skipped read or atomic gives (0), recording the violation. */
        private Expr miss(Var base, Expr i, String access, String at) {
            List<Expr> args = new ArrayList<>(List.of(new Expr.Read(err)));
            args.addAll(record(base, i, access, at));
            return new Expr.Call(helpers.miss(IrTypes.elementOf(base.type())), args);
        }

        /** {@code code, i, n} for the error record of an access of {@code base}, registering the site. */
        private List<Expr> record(Var base, Expr i, String access, String at) {
            sites.add(new AccessSite(fn.name(), base.name(), access, at));
            return List.of(Expr.Const.i32(sites.size()), i, extent.get(base));
        }
    }
}
