package org.jdpx.kernels.jvm;

import static org.jdpx.kernels.jvm.JvmTypes.kind;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.Var;

/**
 * The body of {@code runGroups} (see {@link JvmFunctionCode#groupKernel}): per call, one array per
 * per-item variable, sized to the group, and the alive flags; per group, fresh local memory and
 * per-item values, then {@link WorkItemLoops}' steps: an {@link WorkItemLoops.Items} region as
 * three nested loops over the local ids (z, y, x) that set the work-item's ids, load its per-item
 * values, run the statements and store them back; group-level loops, ifs and blocks as jumps around
 * them, their conditions evaluated once on the first live item's values.
 */
final class JvmGroupCode {
    private static final ClassDesc CD_RUNTIME = ClassDesc.of(JvmRuntime.class.getName());
    // runGroups(Object[] slots, int[] geometry, Object[] groupMemory, int gx0, int gx1, int gy, int gz)
    private static final int GROUP_MEMORY = 2;
    private static final int GX1 = 4;
    private static final int GY = 5;
    private static final int GZ = 6;
    private static final int GX0 = 3;

    private final JvmFunctionCode f;
    private final CodeBuilder code;
    private final WorkItemLoops.Plan plan;
    private final Map<Var, Integer> arrays = new HashMap<>();
    private final Map<org.jdpx.kernels.ir.Label, Label> breaks = new HashMap<>();
    private final Map<org.jdpx.kernels.ir.Label, Label> continues = new HashMap<>();
    private int items;
    private int item;
    private int alive = -1;
    private final int[] base = new int[3];
    private Label nextGroup;

    JvmGroupCode(JvmFunctionCode f, CodeBuilder code, WorkItemLoops.Plan plan) {
        this.f = f;
        this.code = code;
        this.plan = plan;
    }

    void emit() {
        items = code.allocateLocal(TypeKind.INT);
        code.iload(f.localSize(0)).iload(f.localSize(1)).imul().iload(f.localSize(2)).imul().istore(items);
        for (Var v : plan.perItem()) {
            int s = code.allocateLocal(TypeKind.REFERENCE);
            code.iload(items).newarray(kind(v.scalar())).astore(s);
            arrays.put(v, s);
        }
        if (plan.returns()) {
            alive = code.allocateLocal(TypeKind.REFERENCE);
            code.iload(items).newarray(TypeKind.BYTE).astore(alive);
        }
        item = code.allocateLocal(TypeKind.INT);
        code.iconst_0().istore(item);
        for (int d = 0; d < 3; d++) base[d] = code.allocateLocal(TypeKind.INT);
        code.iload(GY).istore(f.groupId(1)).iload(GZ).istore(f.groupId(2));
        code.iload(GY).iload(f.localSize(1)).imul().istore(base[1]);
        code.iload(GZ).iload(f.localSize(2)).imul().istore(base[2]);
        code.iconst_0().istore(base[0]);

        Label head = code.newLabel();
        Label end = code.newLabel();
        nextGroup = code.newLabel();
        code.iload(GX0).istore(f.groupId(0));
        code.labelBinding(head);
        code.iload(f.groupId(0)).iload(GX1).if_icmpge(end);
        code.iload(f.groupId(0)).iload(f.localSize(0)).imul().istore(base[0]);
        code.aload(GROUP_MEMORY).invokestatic(CD_RUNTIME, "clearGroup",
                MethodTypeDesc.of(ConstantDescs.CD_void, JvmEmitter.CD_OBJECTS));
        resetPerItem();
        steps(plan.steps());
        code.labelBinding(nextGroup);
        code.iinc(f.groupId(0), 1).goto_(head);
        code.labelBinding(end);
        code.return_();
    }

    /** Every item starts a group alive, with zero in its per-item variables (a parameter's own value for an assigned parameter). */
    private void resetPerItem() {
        java.util.Set<Var> params = new java.util.HashSet<>();
        for (Param p : f.params()) params.add(p.var());
        for (Var v : plan.perItem()) {
            TypeKind k = kind(v.scalar());
            code.aload(arrays.get(v));
            if (params.contains(v)) code.loadLocal(k, f.slot(v));
            else f.zero(v.scalar());
            code.invokestatic(ClassDesc.of("java.util.Arrays"), "fill",
                    MethodTypeDesc.of(ConstantDescs.CD_void, ClassDesc.ofDescriptor("[" + k.upperBound().descriptorString()), k.upperBound()));
        }
        for (Var v : plan.shared()) {
            f.zero(v.scalar());
            code.storeLocal(kind(v.scalar()), f.slot(v));
        }
        if (alive >= 0) {
            code.aload(alive).iconst_1().invokestatic(CD_RUNTIME, "fill",
                    MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_byte.arrayType(), ConstantDescs.CD_int));
        }
    }

    private void steps(List<WorkItemLoops.Step> steps) {
        for (WorkItemLoops.Step s : steps) {
            switch (s) {
                case WorkItemLoops.Items it -> items(it);
                case WorkItemLoops.Once o -> once(o);
                case WorkItemLoops.GroupLoop l -> {
                    Label head = code.newLabel();
                    Label next = code.newLabel();
                    Label end = code.newLabel();
                    breaks.put(l.label(), end);
                    continues.put(l.label(), next);
                    code.labelBinding(head);
                    if (l.cond() != null) cond(l.cond(), end);
                    steps(l.body());
                    code.labelBinding(next);
                    steps(List.of(l.update()));
                    code.goto_(head);
                    code.labelBinding(end);
                }
                case WorkItemLoops.GroupIf i -> {
                    Label otherwise = code.newLabel();
                    Label end = code.newLabel();
                    cond(i.cond(), otherwise);
                    steps(i.then());
                    code.goto_(end);
                    code.labelBinding(otherwise);
                    steps(i.otherwise());
                    code.labelBinding(end);
                }
                case WorkItemLoops.GroupBlock b -> {
                    Label end = code.newLabel();
                    breaks.put(b.label(), end);
                    steps(b.body());
                    code.labelBinding(end);
                }
                case WorkItemLoops.GroupJump j -> {
                    Label t = (j.isContinue() ? continues : breaks).get(j.target());
                    if (t == null) throw new IllegalArgumentException("jump to label " + j.target() + " outside its statement");
                    code.goto_(t);
                }
            }
        }
    }

    /** Evaluates a uniform condition on the first live item's values; jumps to {@code otherwise} when false. */
    private void cond(WorkItemLoops.Cond c, Label otherwise) {
        firstLive(c.load());
        f.branch(c.expr(), false, otherwise);
    }

    /** Uniform assignments, once for the group, on the first live item's values. */
    private void once(WorkItemLoops.Once o) {
        firstLive(o.load());
        f.stmts(o.body());
    }

    /** Makes the first live item current and loads its values of {@code vars}; leaves the group when every item has returned. */
    private void firstLive(List<Var> vars) {
        if (alive >= 0) {
            code.aload(alive).invokestatic(CD_RUNTIME, "firstLive",
                    MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_byte.arrayType())).istore(item);
            code.iload(item).iflt(nextGroup);
        } else {
            code.iconst_0().istore(item);
        }
        loads(vars);
    }

    private void loads(List<Var> vars) {
        for (Var v : vars) {
            TypeKind k = kind(v.scalar());
            code.aload(arrays.get(v)).iload(item).arrayLoad(k).storeLocal(k, f.slot(v));
        }
    }

    /** One region: for lz, ly, lx (item counting up in local linear order), the live items run {@code it}'s body. */
    private void items(WorkItemLoops.Items it) {
        if (it.body().isEmpty()) return;
        Label[] heads = new Label[3];
        Label[] ends = new Label[3];
        int[] pos = {f.z(), f.y(), f.x()};
        code.iconst_0().istore(item);
        for (int i = 0; i < 3; i++) {
            int d = 2 - i;
            heads[i] = code.newLabel();
            ends[i] = code.newLabel();
            code.iconst_0().istore(f.localId(d));
            code.labelBinding(heads[i]);
            code.iload(f.localId(d)).iload(f.localSize(d)).if_icmpge(ends[i]);
            code.iload(base[d]).iload(f.localId(d)).iadd().istore(pos[i]);
        }
        Label next = code.newLabel();
        if (alive >= 0) code.aload(alive).iload(item).baload().ifeq(next);
        loads(it.load());
        f.itemExit(next, alive, item);
        f.stmts(it.body());
        for (Var v : it.store()) {
            TypeKind k = kind(v.scalar());
            code.aload(arrays.get(v)).iload(item).loadLocal(k, f.slot(v)).arrayStore(k);
        }
        code.labelBinding(next);
        code.iinc(item, 1);
        for (int i = 2; i >= 0; i--) {
            int d = 2 - i;
            code.iinc(f.localId(d), 1).goto_(heads[i]);
            code.labelBinding(ends[i]);
        }
    }
}
