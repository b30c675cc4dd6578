package org.jdpx.kernels.jvm;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * Kernels whose atomics all add to one element for the whole launch, such as
 * {@code ctx.atomicAdd(c, 0, sub * sub)} run by 65,536 work-items: on the java device each item's
 * contribution is added up in the generated row loop ({@link JvmLoops}) in plain JVM locals, and
 * a thread makes one real atomic add per chunk of items ({@link JvmKernelContext#flushSums()}).
 *
 * <p>How: the hidden loop class gets a copy of the kernel method that returns what the item
 * added instead of adding it ({@code ctx.atomicAdd(view, k, v)} becomes {@code mine += v}, its
 * old value 0, which no item reads), and the loop keeps four running sums of those returns (so
 * consecutive items' float adds do not wait on one another). A field of the context could not do
 * this: every item would then store and reload the sum (and, behind the address check that field
 * needs, the views' fields), about four times the cost of the hand-written loop.
 *
 * <p>Which kernels: every atomic of the kernel and its helpers is an {@link AtomicOp#ADD} of an
 * int, long, float or double, stands in the kernel itself as a statement of its own (or assigned
 * to a variable nothing reads), and adds to the same constant index of the same view parameter,
 * which the kernel never reassigns. Conditions and loops around the adds do not matter: an item
 * that adds nothing returns the sum's identity ({@code -0.0} for floats, which leaves every value,
 * {@code -0.0} included, as it was). Integer sums are exact; float sums are added in another
 * order than one atomic per item would, which is no more than the run-time order of those
 * atomics already changes.
 */
final class LaunchSums {
    private static final ClassDesc CD_CONTEXT = ClassDesc.of(KernelContext.class.getName());

    /**
     * The one address every atomic of a kernel adds to: element {@code index} of the view passed as
     * user argument {@code argIndex}, of element type {@code type} (I32, I64, F32 or F64).
     */
    record Site(int argIndex, int index, Scalar type) {
        /** The JVM type the copy returns and the loop sums in. */
        TypeKind kind() {
            return switch (type) {
                case I32 -> TypeKind.INT;
                case I64 -> TypeKind.LONG;
                case F32 -> TypeKind.FLOAT;
                default -> TypeKind.DOUBLE;
            };
        }

        /** The view class of the kernel's atomicAdd overload, as the copy matches its calls. */
        String viewClass() {
            return switch (type) {
                case I32 -> "IntArray";
                case I64 -> "LongArray";
                case F32 -> "FloatArray";
                default -> "DoubleArray";
            };
        }
    }

    private LaunchSums() {
    }

    /** The site of {@code module}'s atomics where they all add to one address for the launch, else null. */
    static Site site(KernelModule module) {
        for (Function h : module.helpers()) {
            if (countAtomics(h.body()) > 0) return null;
        }
        Function k = module.kernel();
        int all = countAtomics(k.body());
        if (all == 0) return null;
        Set<Var> read = new java.util.HashSet<>();
        Set<Var> assigned = new java.util.HashSet<>();
        List<Expr.Atomic> sites = new ArrayList<>();
        Features.forEachStmt(k.body(), s -> {
            if (s instanceof Stmt.Assign a) {
                assigned.add(a.var());
                if (a.value() instanceof Expr.Atomic at) sites.add(at);
            } else if (s instanceof Stmt.Eval e && e.expr() instanceof Expr.Atomic at) {
                sites.add(at);
            }
        }, e -> {
            if (e instanceof Expr.Read r) read.add(r.var());
        });
        Features.forEachStmt(k.body(), s -> {
            if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Atomic && read.contains(a.var())) sites.clear();
        }, e -> { });
        if (sites.size() != all) return null; // an atomic inside an expression, or one whose old value is read
        Site site = null;
        for (Expr.Atomic a : sites) {
            Site s = siteOf(k, a, assigned);
            if (s == null || (site != null && !site.equals(s))) return null;
            site = s;
        }
        return site;
    }

    private static Site siteOf(Function k, Expr.Atomic a, Set<Var> assigned) {
        if (a.op() != AtomicOp.ADD || !(a.type() instanceof Scalar t)
                || !(t == Scalar.I32 || t == Scalar.I64 || t == Scalar.F32 || t == Scalar.F64)) {
            return null;
        }
        if (!(a.base() instanceof Expr.Read r) || !(r.var().type() instanceof PtrType p) || p.space() != AddressSpace.GLOBAL
                || assigned.contains(r.var())) {
            return null;
        }
        Integer index = constant(a.index());
        if (index == null) return null;
        for (Param param : k.params()) {
            if (param.var() == r.var() && param.kind() instanceof ParamKind.View v) return new Site(v.argIndex(), index, t);
        }
        return null;
    }

    private static Integer constant(Expr e) {
        return switch (e) {
            case Expr.Const c when c.type() == Scalar.I32 || c.type() == Scalar.I64 ->
                    c.bits() == (int) c.bits() ? (int) c.bits() : null;
            case Expr.Convert c -> constant(c.operand());
            default -> null;
        };
    }

    private static int countAtomics(List<Stmt> body) {
        int[] n = {0};
        Features.forEachStmt(body, s -> { }, e -> {
            if (e instanceof Expr.Atomic) n[0]++;
        });
        return n[0];
    }

    /**
     * Adds to the loop class a copy of {@code kernel} named {@code name}, of the kernel's
     * parameters and returning {@code site.kind()}: what the item's atomic adds would have added
     * (their calls replaced by adds to a local; their old value 0).
     */
    static void addCopy(ClassBuilder cb, String name, Method kernel, CodeModel code, Site site) {
        ClassDesc t = site.kind().upperBound();
        String atomic = MethodTypeDesc.of(t, ClassDesc.of("org.jdpx.kernels." + site.viewClass()), TypeKind.INT.upperBound(), t)
                .descriptorString();
        cb.withMethod(name, copyType(kernel, site), java.lang.classfile.ClassFile.ACC_PUBLIC | java.lang.classfile.ClassFile.ACC_STATIC,
                mb -> mb.transformCode(code, new CopyTransform(site.kind(), atomic)));
    }

    /** The copy's type: the kernel's parameters, returning {@code site.kind()}. */
    static MethodTypeDesc copyType(Method kernel, Site site) {
        Class<?>[] params = kernel.getParameterTypes();
        ClassDesc[] descs = new ClassDesc[params.length];
        for (int i = 0; i < params.length; i++) descs[i] = params[i].describeConstable().orElseThrow();
        return MethodTypeDesc.of(site.kind().upperBound(), descs);
    }

    /** The rewrite of the kernel's code: a local {@code mine}, every matching atomic adds to it, every return returns it. */
    private static final class CopyTransform implements CodeTransform {
        private final TypeKind kind;
        private final String atomic;
        private int mine = -1;
        private int operand = -1;

        CopyTransform(TypeKind kind, String atomic) {
            this.kind = kind;
            this.atomic = atomic;
        }

        @Override
        public void atStart(CodeBuilder code) {
            mine = code.allocateLocal(kind);
            operand = code.allocateLocal(kind);
            identity(code);
            code.storeLocal(kind, mine);
        }

        /** The sum's identity: 0 for integers, -0.0 for floats (-0.0 + x is x for every x). */
        private void identity(CodeBuilder code) {
            switch (kind) {
                case INT -> code.iconst_0();
                case LONG -> code.lconst_0();
                case FLOAT -> code.loadConstant(-0.0f);
                default -> code.loadConstant(-0.0d);
            }
        }

        @Override
        public void accept(CodeBuilder code, CodeElement e) {
            if (e instanceof ReturnInstruction) {
                code.loadLocal(kind, mine).return_(kind);
            } else if (e instanceof InvokeInstruction inv && inv.opcode() == Opcode.INVOKEVIRTUAL
                    && inv.owner().asSymbol().equals(CD_CONTEXT) && inv.name().equalsString("atomicAdd")
                    && inv.type().equalsString(atomic)) {
                // stack: ctx, view, index, value -> old value (0; unread)
                code.storeLocal(kind, operand).pop2().pop();
                code.loadLocal(kind, mine).loadLocal(kind, operand);
                switch (kind) {
                    case INT -> code.iadd();
                    case LONG -> code.ladd();
                    case FLOAT -> code.fadd();
                    default -> code.dadd();
                }
                code.storeLocal(kind, mine);
                switch (kind) {
                    case INT -> code.iconst_0();
                    case LONG -> code.lconst_0();
                    case FLOAT -> code.fconst_0();
                    default -> code.dconst_0();
                }
            } else {
                code.with(e);
            }
        }
    }
}
