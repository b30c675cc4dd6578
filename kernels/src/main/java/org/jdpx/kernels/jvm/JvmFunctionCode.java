package org.jdpx.kernels.jvm;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Type;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.ViewOffsets;
import org.jdpx.kernels.ir.WorkItemFn;

/**
 * Bytecode for one IR function (see {@link JvmEmitter} for the class around it). Every IR variable
 * is a JVM local: scalars as themselves (sub-int types and BOOL as int), private and local memory
 * as Java arrays, a global pointer as two locals, its segment and its element offset. Structured
 * statements become labels and jumps; conditions branch directly instead of materialising booleans.
 */
final class JvmFunctionCode {
    private static final ClassDesc CD_RUNTIME = ClassDesc.of(JvmRuntime.class.getName());
    private static final ClassDesc CD_ATOMICS = ClassDesc.of(JvmAtomics.class.getName());

    private final CodeBuilder code;
    private final ClassDesc self;
    private final Function fn;
    private final Map<Function, Boolean> needsContext;
    private final Map<Function, MethodTypeDesc> descs;
    private final List<JvmEmitter.GroupArray> group;
    /** Slot of each scalar or array variable; for a global pointer, the slot of its segment. */
    private final Map<Var, Integer> slots = new HashMap<>();
    /** Slot of each global pointer's element offset (a long). */
    private final Map<Var, Integer> offsets = new HashMap<>();
    private final Map<Label, java.lang.classfile.Label> breaks = new HashMap<>();
    private final Map<Label, java.lang.classfile.Label> continues = new HashMap<>();
    /** Where a kernel {@code return} goes: the next work-item. Null in helpers. */
    private java.lang.classfile.Label nextItem;
    // work-item state: ids, the geometry array, the group's phaser, and sizes derived once per call
    private int x;
    private int y;
    private int z;
    private int geometry;
    private int phaser;
    private final int[] globalSize = new int[3];
    private final int[] localSize = new int[3];
    private final int[] groups = new int[3];
    private final int[] localId = new int[3];
    private final int[] groupId = new int[3];

    JvmFunctionCode(CodeBuilder code, ClassDesc self, Function fn, Map<Function, Boolean> needsContext,
                    Map<Function, MethodTypeDesc> descs, List<JvmEmitter.GroupArray> group) {
        this.code = code;
        this.self = self;
        this.fn = fn;
        this.needsContext = needsContext;
        this.descs = descs;
        this.group = group;
    }

    // ------------------------------------------------------------------ function shapes

    /** The kernel's {@code run}: prologue, then the body once per work-item {@code x0..x1-1}. */
    void kernel() {
        // run(Object[] slots, int[] geometry, Object[] groupMemory, Phaser phaser, int x0, int x1, int y, int z)
        geometry = 1;
        phaser = 3;
        x = 4;
        y = 6;
        z = 7;
        contextPrologue();
        int groupIndex = 0;
        List<Param> params = fn.params();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Type t = p.var().type();
            int s;
            if (t instanceof PtrType ptr && ptr.space() == AddressSpace.GLOBAL) {
                if (!(p.kind() instanceof ParamKind.View)) throw new IllegalArgumentException("kernel pointer " + p + " is not a view");
                s = code.allocateLocal(TypeKind.REFERENCE);
                code.aload(0).loadConstant(i).aaload().checkcast(JvmEmitter.CD_SEGMENT).astore(s);
            } else if (t instanceof PtrType ptr) {
                if (!(p.kind() instanceof ParamKind.LocalBuffer)) throw new IllegalArgumentException("kernel pointer " + p + " is not a local buffer");
                s = code.allocateLocal(TypeKind.REFERENCE);
                code.aload(2).loadConstant(groupIndex++).aaload().checkcast(JvmEmitter.arrayDesc(ptr.elem())).astore(s);
            } else {
                Scalar sc = (Scalar) t;
                s = code.allocateLocal(kind(sc));
                code.aload(0).loadConstant(i).aaload();
                unbox(sc);
                code.storeLocal(kind(sc), s);
            }
            slots.put(p.var(), s);
        }
        Map<Var, Var> viewOffsets = ViewOffsets.of(fn);
        for (Param p : params) {
            if (!(p.kind() instanceof ParamKind.View)) continue;
            Var off = viewOffsets.get(p.var());
            int s = off != null ? slots.get(off) : code.allocateLocal(TypeKind.LONG);
            if (off == null) code.lconst_0().lstore(s); // IR without an OFFSET argument: the view starts at its allocation
            offsets.put(p.var(), s);
        }
        for (Var v : fn.locals()) {
            if (v.type() instanceof ArrayType a && a.space() == AddressSpace.LOCAL) {
                int s = code.allocateLocal(TypeKind.REFERENCE);
                code.aload(2).loadConstant(groupIndex++).aaload().checkcast(JvmEmitter.arrayDesc(a.elem())).astore(s);
                slots.put(v, s);
            } else {
                declareLocal(v);
            }
        }
        if (groupIndex != group.size()) throw new IllegalStateException("group memory layout mismatch in " + fn);
        java.lang.classfile.Label head = code.newLabel();
        java.lang.classfile.Label end = code.newLabel();
        nextItem = code.newLabel();
        code.labelBinding(head);
        code.iload(x).iload(5).if_icmpge(end);
        stmts(fn.body());
        code.labelBinding(nextItem);
        code.iinc(x, 1).goto_(head);
        code.labelBinding(end);
        code.return_();
    }

    /** A helper: its IR parameters (a global pointer taking two JVM parameters), then the work-item state if it needs it. */
    void helper() {
        int slot = 0;
        for (Param p : fn.params()) {
            Type t = p.var().type();
            slots.put(p.var(), slot);
            if (t instanceof PtrType ptr && ptr.space() == AddressSpace.GLOBAL) {
                offsets.put(p.var(), slot + 1);
                slot += 3;
            } else {
                slot += t instanceof Scalar s ? kind(s).slotSize() : 1;
            }
        }
        if (needsContext.get(fn)) {
            x = slot;
            y = slot + 1;
            z = slot + 2;
            geometry = slot + 3;
            phaser = slot + 4;
            contextPrologue();
        }
        for (Var v : fn.locals()) {
            if (v.type() instanceof ArrayType a && a.space() == AddressSpace.LOCAL) {
                throw new IllegalArgumentException("local array " + v + " declared in helper " + fn.name() + "; declare it in the kernel");
            }
            declareLocal(v);
        }
        stmts(fn.body());
        if (fn.returnType() == null) {
            code.return_();
        } else {
            zero(fn.returnType()); // only reached when the IR falls off a non-void function's end
            code.return_(kind(fn.returnType()));
        }
    }

    /** Sizes and the ids of dimensions 1 and 2, computed once per call from the geometry {@code {global[3], local[3]}}. */
    private void contextPrologue() {
        for (int d = 0; d < 3; d++) {
            globalSize[d] = code.allocateLocal(TypeKind.INT);
            code.aload(geometry).loadConstant(d).iaload().istore(globalSize[d]);
            localSize[d] = code.allocateLocal(TypeKind.INT);
            code.aload(geometry).loadConstant(3 + d).iaload().istore(localSize[d]);
            groups[d] = code.allocateLocal(TypeKind.INT);
            code.iload(globalSize[d]).iload(localSize[d]).idiv().istore(groups[d]);
        }
        for (int d = 1; d < 3; d++) {
            int id = d == 1 ? y : z;
            localId[d] = code.allocateLocal(TypeKind.INT);
            code.iload(id).iload(localSize[d]).irem().istore(localId[d]);
            groupId[d] = code.allocateLocal(TypeKind.INT);
            code.iload(id).iload(localSize[d]).idiv().istore(groupId[d]);
        }
    }

    /** Declares a local; every one starts as zero or null so each path through the code verifies. */
    private void declareLocal(Var v) {
        switch (v.type()) {
            case Scalar s -> {
                int slot = code.allocateLocal(kind(s));
                zero(s);
                code.storeLocal(kind(s), slot);
                slots.put(v, slot);
            }
            case ArrayType a -> {
                // private memory: one array per call, re-zeroed by the IR wherever Java allocated it
                int slot = code.allocateLocal(TypeKind.REFERENCE);
                code.loadConstant(a.length()).newarray(memoryKind(a.elem())).astore(slot);
                slots.put(v, slot);
            }
            case PtrType p -> {
                int slot = code.allocateLocal(TypeKind.REFERENCE);
                code.aconst_null().astore(slot);
                slots.put(v, slot);
                if (p.space() == AddressSpace.GLOBAL) {
                    int off = code.allocateLocal(TypeKind.LONG);
                    code.lconst_0().lstore(off);
                    offsets.put(v, off);
                }
            }
        }
    }

    private void unbox(Scalar s) {
        ClassDesc box = switch (s) {
            case I64 -> ConstantDescs.CD_Long;
            case F32 -> ConstantDescs.CD_Float;
            case F64 -> ConstantDescs.CD_Double;
            default -> ConstantDescs.CD_Integer;
        };
        TypeKind k = kind(s);
        code.checkcast(box).invokevirtual(box, k.name().toLowerCase(java.util.Locale.ROOT) + "Value",
                MethodTypeDesc.of(k.upperBound()));
    }

    // ------------------------------------------------------------------ statements

    private void stmts(List<Stmt> list) {
        for (Stmt s : list) stmt(s);
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.Assign a -> assign(a.var(), a.value());
            case Stmt.Store st -> store(st.base(), st.index(), st.value());
            case Stmt.Eval e -> {
                expr(e.expr());
                if (!(e.expr() instanceof Expr.Call c && c.function().returnType() == null)) {
                    if (kind(e.expr().scalar()).slotSize() == 2) code.pop2();
                    else code.pop();
                }
            }
            case Stmt.If i -> {
                java.lang.classfile.Label otherwise = code.newLabel();
                java.lang.classfile.Label end = code.newLabel();
                branch(i.cond(), false, otherwise);
                stmts(i.then());
                if (!i.otherwise().isEmpty()) code.goto_(end);
                code.labelBinding(otherwise);
                stmts(i.otherwise());
                code.labelBinding(end);
            }
            case Stmt.Loop l -> {
                java.lang.classfile.Label head = code.newLabel();
                java.lang.classfile.Label next = code.newLabel();
                java.lang.classfile.Label end = code.newLabel();
                breaks.put(l.label(), end);
                continues.put(l.label(), next);
                code.labelBinding(head);
                if (l.cond() != null) branch(l.cond(), false, end);
                stmts(l.body());
                code.labelBinding(next);
                stmts(l.update());
                code.goto_(head);
                code.labelBinding(end);
            }
            case Stmt.Block b -> {
                java.lang.classfile.Label end = code.newLabel();
                breaks.put(b.label(), end);
                stmts(b.body());
                code.labelBinding(end);
            }
            case Stmt.Break b -> code.goto_(target(breaks, b.target()));
            case Stmt.Continue c -> code.goto_(target(continues, c.target()));
            case Stmt.Return r -> {
                if (fn.isKernel()) {
                    code.goto_(nextItem);
                } else if (r.value() == null) {
                    code.return_();
                } else {
                    expr(r.value());
                    code.return_(kind(fn.returnType()));
                }
            }
            case Stmt.Barrier b -> code.aload(phaser).invokestatic(CD_RUNTIME, "barrier",
                    MethodTypeDesc.of(ConstantDescs.CD_void, JvmEmitter.CD_PHASER));
            case Stmt.Switch w -> switchStmt(w);
        }
    }

    private java.lang.classfile.Label target(Map<Label, java.lang.classfile.Label> map, Label l) {
        java.lang.classfile.Label t = map.get(l);
        if (t == null) throw new IllegalArgumentException("jump to label " + l + " outside its statement in " + fn);
        return t;
    }

    private void assign(Var v, Expr value) {
        if (v.type() instanceof Scalar s) {
            expr(value);
            code.storeLocal(kind(s), slots.get(v));
            return;
        }
        if (!(value instanceof Expr.Read r) || !slots.containsKey(r.var())) {
            throw new IllegalArgumentException("pointer " + v + " assigned from " + value + " in " + fn
                    + "; the java device assigns pointers only from other pointer variables");
        }
        code.aload(slots.get(r.var())).astore(slots.get(v));
        if (offsets.containsKey(v)) code.lload(offsets.get(r.var())).lstore(offsets.get(v));
    }

    private void switchStmt(Stmt.Switch w) {
        java.lang.classfile.Label otherwise = code.newLabel();
        java.lang.classfile.Label end = code.newLabel();
        List<SwitchCase> cases = new ArrayList<>();
        List<java.lang.classfile.Label> bodies = new ArrayList<>();
        for (Stmt.Case c : w.cases()) {
            java.lang.classfile.Label l = code.newLabel();
            bodies.add(l);
            for (int v : c.values()) cases.add(SwitchCase.of(v, l));
        }
        cases.sort(Comparator.comparingInt(SwitchCase::caseValue));
        expr(w.selector());
        code.lookupswitch(otherwise, cases);
        for (int i = 0; i < bodies.size(); i++) {
            code.labelBinding(bodies.get(i));
            stmts(w.cases().get(i).body());
            code.goto_(end);
        }
        code.labelBinding(otherwise);
        stmts(w.otherwise());
        code.labelBinding(end);
    }

    // ------------------------------------------------------------------ memory

    private Var baseVar(Expr base) {
        if (base instanceof Expr.Read r && slots.containsKey(r.var())) return r.var();
        throw new IllegalArgumentException("memory access through " + base + " in " + fn + "; expected a pointer or array variable");
    }

    /** Pushes what an element access needs before the value: segment, layout and element index, or array and int index. */
    private boolean address(Expr base, Expr index, boolean withLayout) {
        Var v = baseVar(base);
        code.aload(slots.get(v));
        if (offsets.containsKey(v)) {
            if (withLayout) layout(v);
            code.lload(offsets.get(v));
            expr(index);
            if (index.scalar() != Scalar.I64) code.i2l();
            code.ladd();
            return true;
        }
        expr(index);
        if (index.scalar() == Scalar.I64) code.l2i();
        return false;
    }

    private void layout(Var v) {
        Scalar elem = ((PtrType) v.type()).elem();
        code.getstatic(CD_RUNTIME, elem.name(), layoutDesc(elem));
    }

    private void load(Expr base, Expr index) {
        Scalar elem = org.jdpx.kernels.ir.IrTypes.elementOf(base.type());
        if (address(base, index, true)) {
            code.invokeinterface(JvmEmitter.CD_SEGMENT, "getAtIndex",
                    MethodTypeDesc.of(memoryKind(elem).upperBound(), layoutDesc(elem), ConstantDescs.CD_long));
        } else {
            code.arrayLoad(memoryKind(elem));
        }
    }

    private void store(Expr base, Expr index, Expr value) {
        Scalar elem = org.jdpx.kernels.ir.IrTypes.elementOf(base.type());
        boolean segment = address(base, index, true);
        expr(value);
        if (segment) {
            code.invokeinterface(JvmEmitter.CD_SEGMENT, "setAtIndex", MethodTypeDesc.of(ConstantDescs.CD_void,
                    layoutDesc(elem), ConstantDescs.CD_long, memoryKind(elem).upperBound()));
        } else {
            code.arrayStore(memoryKind(elem));
        }
    }

    private void atomic(Expr.Atomic a) {
        Scalar t = a.scalar();
        boolean segment = address(a.base(), a.index(), false);
        ClassDesc target = segment ? JvmEmitter.CD_SEGMENT : JvmEmitter.arrayDesc(t);
        ClassDesc index = segment ? ConstantDescs.CD_long : ConstantDescs.CD_int;
        ClassDesc value = kind(t).upperBound();
        String name = switch (t) {
            case I32 -> "i32";
            case I64 -> "i64";
            case F32 -> "f32";
            case F64 -> "f64";
            default -> throw new IllegalArgumentException("atomic " + a.op() + " on " + t + " elements is not supported");
        };
        if (t.isFloat()) {
            if (a.op() != AtomicOp.ADD) throw new IllegalArgumentException("atomic " + a.op() + " on " + t + ": floats have only ADD");
            expr(a.operands().getFirst());
            code.invokestatic(CD_ATOMICS, name, MethodTypeDesc.of(value, target, index, value));
            return;
        }
        code.loadConstant(a.op().ordinal());
        expr(a.operands().getFirst());
        if (a.operands().size() > 1) expr(a.operands().get(1));
        else zero(t);
        code.invokestatic(CD_ATOMICS, name, MethodTypeDesc.of(value, target, index, ConstantDescs.CD_int, value, value));
    }

    // ------------------------------------------------------------------ expressions

    private void expr(Expr e) {
        switch (e) {
            case Expr.Const c -> constant(c);
            case Expr.Read r -> {
                if (!(r.var().type() instanceof Scalar s)) throw new IllegalArgumentException("pointer " + r.var() + " used as a value in " + fn);
                code.loadLocal(kind(s), slots.get(r.var()));
            }
            case Expr.Unary u -> {
                expr(u.operand());
                if (u.op() == UnOp.NOT) {
                    code.iconst_1().ixor();
                } else {
                    code.with(OperatorInstruction.of(Opcode.valueOf(prefix(u.scalar()) + "NEG")));
                    narrow(u.scalar());
                }
            }
            case Expr.Binary b -> binary(b);
            case Expr.Compare c -> booleanValue(c);
            case Expr.Logic l -> booleanValue(l);
            case Expr.Convert c -> convert(c.to(), c.operand());
            case Expr.Bitcast c -> bitcast(c.to(), c.operand());
            case Expr.Select s -> {
                java.lang.classfile.Label otherwise = code.newLabel();
                java.lang.classfile.Label end = code.newLabel();
                branch(s.cond(), false, otherwise);
                expr(s.ifTrue());
                code.goto_(end);
                code.labelBinding(otherwise);
                expr(s.ifFalse());
                code.labelBinding(end);
            }
            case Expr.Load l -> load(l.base(), l.index());
            case Expr.Call c -> call(c);
            case Expr.MathCall m -> {
                for (Expr a : m.args()) expr(a);
                JvmMathCalls.call(code, m.fn(), m.operandType());
            }
            case Expr.WorkItem w -> workItem(w.fn(), w.dim());
            case Expr.Atomic a -> atomic(a);
        }
    }

    private void constant(Expr.Const c) {
        switch (c.type()) {
            case I64 -> code.loadConstant(c.bits());
            case F32 -> code.loadConstant(c.floatValue());
            case F64 -> code.loadConstant(c.doubleValue());
            case BOOL -> code.loadConstant(c.bits() != 0 ? 1 : 0);
            default -> code.loadConstant((int) c.bits());
        }
    }

    private void binary(Expr.Binary b) {
        Scalar t = b.scalar();
        boolean division = b.op() == BinOp.DIV || b.op() == BinOp.REM;
        expr(b.left());
        expr(b.right());
        if (!t.isFloat() && division && !(b.right() instanceof Expr.Const c && c.bits() != 0)) {
            // x / 0 and x % 0 give 0, as the OpenCL C and SPIR-V output computes them
            TypeKind k = kind(t);
            code.invokestatic(CD_RUNTIME, b.op() == BinOp.DIV ? "div" : "rem", MethodTypeDesc.of(k.upperBound(), k.upperBound(), k.upperBound()));
        } else {
            code.with(OperatorInstruction.of(Opcode.valueOf(prefix(t) + b.op().name())));
        }
        narrow(t);
    }

    private void convert(Scalar to, Expr operand) {
        Scalar from = operand.scalar();
        if (to == Scalar.BOOL) {
            booleanValue(new Expr.Compare(CmpOp.NE, operand, new Expr.Const(from, 0)));
            return;
        }
        expr(operand);
        TypeKind fk = kind(from), tk = kind(to);
        if (fk != tk) code.conversion(fk, tk);
        narrow(to);
    }

    private void bitcast(Scalar to, Expr operand) {
        expr(operand);
        Scalar from = operand.scalar();
        if (kind(from) == kind(to)) return;
        switch (to) {
            case I32 -> code.invokestatic(ConstantDescs.CD_Float, "floatToRawIntBits", MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_float));
            case F32 -> code.invokestatic(ConstantDescs.CD_Float, "intBitsToFloat", MethodTypeDesc.of(ConstantDescs.CD_float, ConstantDescs.CD_int));
            case I64 -> code.invokestatic(ConstantDescs.CD_Double, "doubleToRawLongBits", MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_double));
            case F64 -> code.invokestatic(ConstantDescs.CD_Double, "longBitsToDouble", MethodTypeDesc.of(ConstantDescs.CD_double, ConstantDescs.CD_long));
            default -> throw new IllegalArgumentException("bitcast of " + from + " to " + to);
        }
    }

    private void call(Expr.Call c) {
        Function f = c.function();
        for (int i = 0; i < f.params().size(); i++) {
            Type pt = f.params().get(i).var().type();
            Expr a = c.args().get(i);
            if (pt instanceof Scalar) {
                expr(a);
                continue;
            }
            Var v = baseVar(a);
            code.aload(slots.get(v));
            if (pt instanceof PtrType p && p.space() == AddressSpace.GLOBAL) code.lload(offsets.get(v));
        }
        if (needsContext.get(f)) code.iload(x).iload(y).iload(z).aload(geometry).aload(phaser);
        code.invokestatic(self, f.name(), descs.get(f));
    }

    private void workItem(WorkItemFn f, int d) {
        int id = d == 0 ? x : d == 1 ? y : z;
        switch (f) {
            case GLOBAL_ID -> code.iload(id);
            case LOCAL_ID -> {
                if (d == 0) code.iload(x).iload(localSize[0]).irem();
                else code.iload(localId[d]);
            }
            case GROUP_ID -> {
                if (d == 0) code.iload(x).iload(localSize[0]).idiv();
                else code.iload(groupId[d]);
            }
            case GLOBAL_SIZE -> code.iload(globalSize[d]);
            case LOCAL_SIZE -> code.iload(localSize[d]);
            case NUM_GROUPS -> code.iload(groups[d]);
        }
    }

    // ------------------------------------------------------------------ conditions

    private void booleanValue(Expr cond) {
        java.lang.classfile.Label yes = code.newLabel();
        java.lang.classfile.Label end = code.newLabel();
        branch(cond, true, yes);
        code.iconst_0().goto_(end);
        code.labelBinding(yes);
        code.iconst_1();
        code.labelBinding(end);
    }

    /** Jumps to {@code target} exactly when {@code cond} evaluates to {@code when}; falls through otherwise. */
    private void branch(Expr cond, boolean when, java.lang.classfile.Label target) {
        switch (cond) {
            case Expr.Compare c -> compare(c, when, target);
            case Expr.Logic l -> {
                if (l.and() == when) {
                    // (a && b) true, or (a || b) false: both operands must agree
                    java.lang.classfile.Label skip = code.newLabel();
                    branch(l.left(), !when, skip);
                    branch(l.right(), when, target);
                    code.labelBinding(skip);
                } else {
                    branch(l.left(), when, target);
                    branch(l.right(), when, target);
                }
            }
            case Expr.Unary u when u.op() == UnOp.NOT -> branch(u.operand(), !when, target);
            case Expr.Const k -> {
                if ((k.bits() != 0) == when) code.goto_(target);
            }
            default -> {
                expr(cond);
                code.branch(when ? Opcode.IFNE : Opcode.IFEQ, target);
            }
        }
    }

    private void compare(Expr.Compare c, boolean when, java.lang.classfile.Label target) {
        Scalar t = c.left().scalar();
        if (t.isFloat()) {
            // fcmpg yields 1 for NaN, fcmpl -1: pick the one that makes an unordered comparison false
            CmpOp op = c.op();
            boolean g = op == CmpOp.LT || op == CmpOp.LE;
            expr(c.left());
            expr(c.right());
            code.with(OperatorInstruction.of(Opcode.valueOf((t == Scalar.F32 ? "FCMP" : "DCMP") + (g ? "G" : "L"))));
            // negating the test of the fcmp result is exact: the NaN case is already mapped to the failing side
            code.branch(zeroTest(when ? op : op.negateForIntegers()), target);
            return;
        }
        CmpOp op = when ? c.op() : c.op().negateForIntegers();
        expr(c.left());
        if (t == Scalar.I64) {
            expr(c.right());
            code.lcmp().branch(zeroTest(op), target);
        } else if (c.right() instanceof Expr.Const k && k.bits() == 0) {
            code.branch(zeroTest(op), target);
        } else {
            expr(c.right());
            code.branch(Opcode.valueOf("IF_ICMP" + op.name()), target);
        }
    }

    private static Opcode zeroTest(CmpOp op) {
        return Opcode.valueOf("IF" + op.name());
    }

    // ------------------------------------------------------------------ types

    /** The JVM stack kind of a scalar: sub-int types and BOOL are int. */
    static TypeKind kind(Scalar s) {
        return switch (s) {
            case I64 -> TypeKind.LONG;
            case F32 -> TypeKind.FLOAT;
            case F64 -> TypeKind.DOUBLE;
            default -> TypeKind.INT;
        };
    }

    /** The kind of an element in memory (arrays and segment accessors). */
    static TypeKind memoryKind(Scalar s) {
        return switch (s) {
            case I8 -> TypeKind.BYTE;
            case I16 -> TypeKind.SHORT;
            case U16 -> TypeKind.CHAR;
            case BOOL -> throw new IllegalArgumentException("BOOL is never stored in memory");
            default -> kind(s);
        };
    }

    private static ClassDesc layoutDesc(Scalar elem) {
        String of = switch (elem) {
            case I8 -> "OfByte";
            case I16 -> "OfShort";
            case U16 -> "OfChar";
            case I32 -> "OfInt";
            case I64 -> "OfLong";
            case F32 -> "OfFloat";
            case F64 -> "OfDouble";
            case BOOL -> throw new IllegalArgumentException("BOOL is never stored in memory");
        };
        return ClassDesc.of("java.lang.foreign.ValueLayout$" + of);
    }

    private static String prefix(Scalar s) {
        return switch (kind(s)) {
            case LONG -> "L";
            case FLOAT -> "F";
            case DOUBLE -> "D";
            default -> "I";
        };
    }

    /** Wraps an int result to a narrower type, as Java's narrowing conversions do. */
    private void narrow(Scalar t) {
        switch (t) {
            case I8 -> code.i2b();
            case I16 -> code.i2s();
            case U16 -> code.i2c();
            default -> { }
        }
    }

    private void zero(Scalar s) {
        switch (kind(s)) {
            case LONG -> code.lconst_0();
            case FLOAT -> code.fconst_0();
            case DOUBLE -> code.dconst_0();
            default -> code.iconst_0();
        }
    }
}
