package org.jdpx.kernels.prange;

import static java.lang.classfile.ClassFile.ACC_FINAL;
import static java.lang.classfile.ClassFile.ACC_PUBLIC;
import static java.lang.classfile.ClassFile.ACC_STATIC;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.List;

/**
 * Writes the host side of a prange method: a copy of the original method in which each parallel
 * region (from its loop head to its exit) is replaced by a call of {@link LoopRuntime#run} that
 * passes the loop bounds, the values the body reads and the reductions' values before the loop
 * (then the arrays of array reductions, which are updated in place), and stores the combined
 * scalar reductions back. Everything else is the method's own bytecode.
 */
final class HostWriter {
    private static final ClassDesc RUNTIME = ClassDesc.of(LoopRuntime.class.getName());
    private static final ClassDesc OBJECTS = ConstantDescs.CD_Object.arrayType();
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(OBJECTS, ConstantDescs.CD_int,
            ConstantDescs.CD_long.arrayType(), OBJECTS, OBJECTS);

    private HostWriter() {
    }

    /** @param ids the {@link LoopRuntime} id of each region, in the same order */
    static byte[] write(ScannedMethod m, List<RegionPlan> regions, int[] ids, ClassDesc self) {
        ClassLoader loader = m.owner.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : m.owner.getClassLoader();
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofClassLoading(loader))));
        return cf.build(self, clb -> clb.withFlags(ACC_PUBLIC | ACC_FINAL)
                .withMethodBody(m.method.getName(), m.model.methodTypeSymbol(), ACC_PUBLIC | ACC_STATIC, cb -> {
                    CodeCopier copier = new CodeCopier(m, cb, 0, l -> null);
                    int i = 0;
                    for (int r = 0; r < regions.size(); r++) {
                        RegionPlan p = regions.get(r);
                        copier.copy(i, p.dims.getFirst().head());
                        splice(cb, copier, p, ids[r], m.maxLocals);
                        i = p.dims.getFirst().exit();
                    }
                    copier.copy(i, m.elems.size());
                }));
    }

    private static void splice(CodeBuilder cb, CodeCopier copier, RegionPlan p, int id, int temps) {
        int dims = p.dims.size();
        for (int d = 0; d < dims; d++) {
            LoopShape loop = p.dims.get(d);
            if (d > 0) {
                int[] init = p.init(p.dims.get(d - 1), loop);
                copier.copy(init[0], init[1]);
            }
            cb.loadLocal(loop.kind(), loop.ivSlot());
            if (loop.kind() == TypeKind.INT) cb.i2l();
            cb.lstore(temps + 4 * d);
            copier.copy(loop.boundFrom(), loop.boundTo());
            if (loop.kind() == TypeKind.INT) cb.i2l();
            if (loop.inclusive()) cb.lconst_1().ladd();
            cb.lstore(temps + 4 * d + 2);
        }
        cb.loadConstant(id);
        cb.loadConstant(2 * dims).newarray(TypeKind.LONG);
        for (int d = 0; d < 2 * dims; d++) cb.dup().loadConstant(d).lload(temps + 2 * d).lastore();
        objects(cb, p.liveIns.stream().map(l -> new int[] {l.slot()}).toList(),
                p.liveIns.stream().map(RegionPlan.LiveIn::type).toList());
        List<int[]> reductionSlots = new java.util.ArrayList<>(p.reductions.stream().map(r -> new int[] {r.slot()}).toList());
        List<Class<?>> reductionTypes = new java.util.ArrayList<>(p.reductions.stream().<Class<?>>map(RegionPlan.Reduction::type).toList());
        for (RegionPlan.ArrayReduction a : p.arrays) {
            reductionSlots.add(new int[] {a.slot()});
            reductionTypes.add(a.type());
        }
        objects(cb, reductionSlots, reductionTypes);
        cb.invokestatic(RUNTIME, "run", RUN);
        int result = temps + 12;
        cb.astore(result);
        for (int r = 0; r < p.reductions.size(); r++) {
            RegionPlan.Reduction red = p.reductions.get(r);
            cb.aload(result).loadConstant(r).aaload();
            unbox(cb, red.type());
            cb.storeLocal(TypeKind.from(red.type()), red.slot());
        }
    }

    /** Pushes {@code new Object[] {slots...}}, primitives boxed. */
    private static void objects(CodeBuilder cb, List<int[]> slots, List<Class<?>> types) {
        cb.loadConstant(slots.size()).anewarray(ConstantDescs.CD_Object);
        for (int k = 0; k < slots.size(); k++) {
            Class<?> t = types.get(k);
            cb.dup().loadConstant(k).loadLocal(TypeKind.from(t), slots.get(k)[0]);
            if (t.isPrimitive()) {
                ClassDesc box = box(t);
                cb.invokestatic(box, "valueOf", MethodTypeDesc.of(box, t.describeConstable().orElseThrow()));
            }
            cb.aastore();
        }
    }

    private static void unbox(CodeBuilder cb, Class<?> t) {
        ClassDesc box = box(t);
        cb.checkcast(box).invokevirtual(box, t.getName() + "Value", MethodTypeDesc.of(t.describeConstable().orElseThrow()));
    }

    private static ClassDesc box(Class<?> t) {
        return ClassDesc.of(java.lang.invoke.MethodType.methodType(t).wrap().returnType().getName());
    }
}
