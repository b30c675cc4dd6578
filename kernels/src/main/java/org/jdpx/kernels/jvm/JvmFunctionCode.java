package org.jdpx.kernels.jvm;

import static org.jdpx.kernels.jvm.JvmTypes.kind;
import static org.jdpx.kernels.jvm.JvmTypes.memoryKind;
import static org.jdpx.kernels.jvm.JvmTypes.prefix;

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
    private static final ClassDesc CD_SEGMENTS = ClassDesc.of(KernelSegments.class.getName());

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
    private final JvmMemoryCode memory;
    private final JvmConditionCode conditions;
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
    /** Group mode ({@link #groupKernel}): all ids are locals the work-item loops set. */
    private boolean groupMode;
    /** Group mode with early returns: the slots of the group's alive flags (a byte[]) and of the item index; -1 otherwise. */
    private int alive = -1;
    private int item = -1;

    JvmFunctionCode(CodeBuilder code, ClassDesc self, Function fn, Map<Function, Boolean> needsContext,
                    Map<Function, MethodTypeDesc> descs, List<JvmEmitter.GroupArray> group) {
        this.code = code;
        this.self = self;
        this.fn = fn;
        this.needsContext = needsContext;
        this.descs = descs;
        this.group = group;
        this.memory = new JvmMemoryCode(this, code, slots, offsets);
        this.conditions = new JvmConditionCode(this, code);
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
        kernelLocals();
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

    /**
     * The kernel's {@code runGroups}: the work-groups {@code gx0..gx1-1} of row {@code (gy, gz)},
     * each as the work-item loops of {@code plan} ({@link JvmGroupCode}).
     */
    void groupKernel(WorkItemLoops.Plan plan) {
        // runGroups(Object[] slots, int[] geometry, Object[] groupMemory, int gx0, int gx1, int gy, int gz)
        geometry = 1;
        phaser = code.allocateLocal(TypeKind.REFERENCE);
        code.aconst_null().astore(phaser);
        x = zeroInt();
        y = zeroInt();
        z = zeroInt();
        sizesPrologue();
        for (int d = 0; d < 3; d++) {
            localId[d] = zeroInt();
            groupId[d] = zeroInt();
        }
        groupMode = true;
        kernelLocals();
        new JvmGroupCode(this, code, plan).emit();
    }

    private int zeroInt() {
        int s = code.allocateLocal(TypeKind.INT);
        code.iconst_0().istore(s);
        return s;
    }

    /** Takes the kernel's parameters out of {@code slots} and {@code groupMemory} and declares its locals. */
    private void kernelLocals() {
        int groupIndex = 0;
        List<Param> params = fn.params();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Type t = p.var().type();
            int s;
            if (t instanceof PtrType ptr && ptr.space() == AddressSpace.GLOBAL) {
                if (!(p.kind() instanceof ParamKind.View)) throw new IllegalArgumentException("kernel pointer " + p + " is not a view");
                s = code.allocateLocal(TypeKind.REFERENCE);
                // through KernelSegments: a test C2 sees before the item loop (see there)
                code.aload(0).loadConstant(i).aaload()
                        .invokestatic(CD_SEGMENTS, "of", MethodTypeDesc.of(JvmEmitter.CD_SEGMENT, ConstantDescs.CD_Object))
                        .astore(s);
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
        sizesPrologue();
        for (int d = 1; d < 3; d++) {
            int id = d == 1 ? y : z;
            localId[d] = code.allocateLocal(TypeKind.INT);
            code.iload(id).iload(localSize[d]).irem().istore(localId[d]);
            groupId[d] = code.allocateLocal(TypeKind.INT);
            code.iload(id).iload(localSize[d]).idiv().istore(groupId[d]);
        }
    }

    /** The global and local sizes and the group counts, from the geometry {@code {global[3], local[3]}}. */
    private void sizesPrologue() {
        for (int d = 0; d < 3; d++) {
            globalSize[d] = code.allocateLocal(TypeKind.INT);
            code.aload(geometry).loadConstant(d).iaload().istore(globalSize[d]);
            localSize[d] = code.allocateLocal(TypeKind.INT);
            code.aload(geometry).loadConstant(3 + d).iaload().istore(localSize[d]);
            groups[d] = code.allocateLocal(TypeKind.INT);
            code.iload(globalSize[d]).iload(localSize[d]).idiv().istore(groups[d]);
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

    // ------------------------------------------------------------------ for JvmGroupCode

    /** The JVM slot of a scalar variable. */
    int slot(Var v) { return slots.get(v); }

    /** Where a kernel {@code return} of the current item jumps; with {@code alive ≥ 0} it first clears {@code alive[item]}. */
    void itemExit(java.lang.classfile.Label next, int aliveSlot, int itemSlot) {
        nextItem = next;
        alive = aliveSlot;
        item = itemSlot;
    }

    List<Param> params() { return fn.params(); }
    /** The function, for messages. */
    String name() { return fn.toString(); }
    /** Jumps to {@code target} exactly when {@code cond} evaluates to {@code when}. */
    void branch(Expr cond, boolean when, java.lang.classfile.Label target) { conditions.branch(cond, when, target); }
    int x() { return x; }
    int y() { return y; }
    int z() { return z; }
    int localSize(int d) { return localSize[d]; }
    int localId(int d) { return localId[d]; }
    int groupId(int d) { return groupId[d]; }


    // ------------------------------------------------------------------ statements

    void stmts(List<Stmt> list) {
        for (Stmt s : list) stmt(s);
    }

    private void stmt(Stmt s) {
        switch (s) {
            case Stmt.Assign a -> assign(a.var(), a.value());
            case Stmt.Store st -> memory.store(st.base(), st.index(), st.value());
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
                conditions.branch(i.cond(), false, otherwise);
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
                    if (alive >= 0) code.aload(alive).iload(item).iconst_0().bastore(); // the item is done for the group
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

    // ------------------------------------------------------------------ expressions

    void expr(Expr e) {
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
            case Expr.Compare c -> conditions.booleanValue(c);
            case Expr.Logic l -> conditions.booleanValue(l);
            case Expr.Convert c -> convert(c.to(), c.operand());
            case Expr.Bitcast c -> bitcast(c.to(), c.operand());
            case Expr.Select s -> {
                java.lang.classfile.Label otherwise = code.newLabel();
                java.lang.classfile.Label end = code.newLabel();
                conditions.branch(s.cond(), false, otherwise);
                expr(s.ifTrue());
                code.goto_(end);
                code.labelBinding(otherwise);
                expr(s.ifFalse());
                code.labelBinding(end);
            }
            case Expr.Load l -> memory.load(l.base(), l.index());
            case Expr.Call c -> call(c);
            case Expr.MathCall m -> {
                for (Expr a : m.args()) expr(a);
                JvmMathCalls.call(code, m.fn(), m.operandType());
            }
            case Expr.WorkItem w -> workItem(w.fn(), w.dim());
            case Expr.Atomic a -> memory.atomic(a);
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
            conditions.booleanValue(new Expr.Compare(CmpOp.NE, operand, new Expr.Const(from, 0)));
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
            Var v = memory.baseVar(a);
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
                if (d == 0 && !groupMode) code.iload(x).iload(localSize[0]).irem();
                else code.iload(localId[d]);
            }
            case GROUP_ID -> {
                if (d == 0 && !groupMode) code.iload(x).iload(localSize[0]).idiv();
                else code.iload(groupId[d]);
            }
            case GLOBAL_SIZE -> code.iload(globalSize[d]);
            case LOCAL_SIZE -> code.iload(localSize[d]);
            case NUM_GROUPS -> code.iload(groups[d]);
        }
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

    void zero(Scalar s) {
        switch (kind(s)) {
            case LONG -> code.lconst_0();
            case FLOAT -> code.fconst_0();
            case DOUBLE -> code.dconst_0();
            default -> code.iconst_0();
        }
    }
}
