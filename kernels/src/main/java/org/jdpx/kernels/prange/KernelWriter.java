package org.jdpx.kernels.prange;

import static java.lang.classfile.ClassFile.ACC_FINAL;
import static java.lang.classfile.ClassFile.ACC_PUBLIC;
import static java.lang.classfile.ClassFile.ACC_STATIC;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.MethodParameterInfo;
import java.lang.classfile.attribute.MethodParametersAttribute;
import java.lang.classfile.attribute.SourceFileAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.LongArray;

/**
 * Writes the kernel of a parallel region as a Java method, so the one kernel compiler makes OpenCL
 * C and SPIR-V of it and the java device runs it as it runs any kernel:
 *
 * <pre>{@code
 * static void loop(KernelContext ctx, long start0, long end0, long chunk0, ..., <values read>, <per reduction: identity, partials>,
 *                  <per array reduction: identity, partials>) {
 *     <copy values read into the body's locals; reduction locals = identity>
 *     <array reduction locals = new T[length], every element = identity>
 *     for (i = start0 + globalId(D-1) * chunk0; i < min(that + chunk0, end0); i++)   // one loop per dimension
 *         <the original body, continue going to the step>
 *     partials.set(linear work-item id, reduction local)
 *     for (k = 0; k < length; k++) arrayPartials.set(linear work-item id * length + k, array local[k])
 * }
 * }</pre>
 *
 * Each work-item runs a contiguous chunk of iterations and keeps private accumulators (a private
 * array for an array reduction, so its length is part of the kernel); the host combines the
 * per-work-item partials (see {@link RegionRunner}).
 */
final class KernelWriter {
    static final String METHOD = "loop";
    private static final ClassDesc CTX = ClassDesc.of(KernelContext.class.getName());

    private KernelWriter() {
    }

    /** The partials view class for a reduction of Java type {@code t}. */
    static Class<?> viewOf(Class<?> t) {
        if (t == int.class) return IntArray.class;
        if (t == long.class) return LongArray.class;
        if (t == float.class) return FloatArray.class;
        return DoubleArray.class;
    }

    /** Parameter types of the kernel method after the context. */
    static List<Class<?>> parameterTypes(RegionPlan p) {
        List<Class<?>> t = new ArrayList<>();
        for (int d = 0; d < p.dims.size(); d++) t.addAll(List.of(long.class, long.class, long.class));
        for (RegionPlan.LiveIn l : p.liveIns) t.add(l.type());
        for (RegionPlan.Reduction r : p.reductions) {
            t.add(r.type());
            t.add(viewOf(r.type()));
        }
        for (RegionPlan.ArrayReduction a : p.arrays) {
            t.add(a.elem());
            t.add(viewOf(a.elem()));
        }
        return t;
    }

    /** @param lengths the length of each array reduction's array, in plan order */
    static byte[] write(RegionPlan p, ClassDesc self, ClassLoader loader, int[] lengths) {
        List<Class<?>> types = parameterTypes(p);
        List<ClassDesc> descs = new ArrayList<>(List.of(CTX));
        List<String> names = new ArrayList<>(List.of("ctx"));
        for (int d = 0; d < p.dims.size(); d++) names.addAll(List.of("start" + d, "end" + d, "chunk" + d));
        for (RegionPlan.LiveIn l : p.liveIns) names.add(l.name());
        for (RegionPlan.Reduction r : p.reductions) names.addAll(List.of(r.name() + "_identity", r.name() + "_partials"));
        for (RegionPlan.ArrayReduction a : p.arrays) names.addAll(List.of(a.name() + "_identity", a.name() + "_partials"));
        for (Class<?> c : types) descs.add(c.describeConstable().orElseThrow());
        MethodTypeDesc mt = MethodTypeDesc.of(ConstantDescs.CD_void, descs);
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofClassLoading(loader))));
        HelperCopies helpers = new HelperCopies(self, p.m.owner.getClassLoader(), () -> p.m.error(p.dims.getFirst().head(), ""));
        return cf.build(self, clb -> {
            clb.withFlags(ACC_PUBLIC | ACC_FINAL)
                    .with(SourceFileAttribute.of(p.m.sourceFile))
                    .withMethod(METHOD, mt, ACC_PUBLIC | ACC_STATIC, mb -> mb
                            .with(MethodParametersAttribute.of(names.stream()
                                    .map(n -> MethodParameterInfo.ofParameter(java.util.Optional.of(n), 0)).toList()))
                            .withCode(cb -> body(cb, p, types, lengths, helpers)));
            helpers.writeTo(clb);
        });
    }

    private static void body(CodeBuilder cb, RegionPlan p, List<Class<?>> types, int[] lengths, HelperCopies helpers) {
        int[] paramSlot = new int[types.size()];
        int s = 1;
        for (int i = 0; i < types.size(); i++) {
            paramSlot[i] = s;
            s += TypeKind.from(types.get(i)).slotSize();
        }
        int off = s; // the body's own locals move up by this many slots
        int copies = Unrolling.copies(p);
        int temps = off + copies * p.m.maxLocals; // copy c of the body has its locals at off + c * maxLocals
        int dims = p.dims.size();
        int k = 3 * dims;
        for (RegionPlan.LiveIn l : p.liveIns) {
            TypeKind t = TypeKind.from(l.type());
            for (int c = 0; c < copies; c++) cb.loadLocal(t, paramSlot[k]).storeLocal(t, l.slot() + off + c * p.m.maxLocals);
            k++;
        }
        int firstReduction = k;
        for (RegionPlan.Reduction r : p.reductions) {
            TypeKind t = TypeKind.from(r.type());
            for (int c = 0; c < copies; c++) cb.loadLocal(t, paramSlot[k]).storeLocal(t, r.slot() + off + c * p.m.maxLocals);
            k += 2;
        }
        int firstArray = k;
        int counter = temps + 5 * 3 + 1;
        for (int a = 0; a < p.arrays.size(); a++) {
            RegionPlan.ArrayReduction r = p.arrays.get(a);
            TypeKind t = TypeKind.from(r.elem());
            int arr = r.slot() + off, identity = paramSlot[arrayParam(firstArray, a)];
            cb.loadConstant(lengths[a]).newarray(t).astore(arr);
            forEachElement(cb, counter, lengths[a], () -> cb.aload(arr).iload(counter).loadLocal(t, identity).arrayStore(t));
        }
        Label[] head = new Label[dims];
        Label[] end = new Label[dims];
        for (int d = 0; d < dims; d++) {
            int lo = temps + 5 * d, hi = lo + 2, hiInt = lo + 4;
            LoopShape loop = p.dims.get(d);
            cb.lload(paramSlot[3 * d]).aload(0).loadConstant(dims - 1 - d)
                    .invokevirtual(CTX, "globalId", MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_int))
                    .i2l().lload(paramSlot[3 * d + 2]).lmul().ladd().lstore(lo);
            cb.lload(lo).lload(paramSlot[3 * d + 2]).ladd().lload(paramSlot[3 * d + 1])
                    .invokestatic(ClassDesc.of("java.lang.Math"), "min", MethodTypeDesc.of(ConstantDescs.CD_long, ConstantDescs.CD_long,
                            ConstantDescs.CD_long)).lstore(hi);
            if (loop.kind() == TypeKind.INT) cb.lload(hi).l2i().istore(hiInt);
        }
        for (int d = 0; d < dims; d++) {
            int lo = temps + 5 * d, hi = lo + 2, hiInt = lo + 4;
            LoopShape loop = p.dims.get(d);
            int iv = loop.ivSlot() + off;
            head[d] = cb.newLabel();
            end[d] = cb.newLabel();
            if (loop.kind() == TypeKind.INT) cb.lload(lo).l2i().istore(iv);
            else cb.lload(lo).lstore(iv);
            if (d == dims - 1 && copies > 1) Unrolling.loop(cb, p, off, copies, hi, temps + 5 * 3 + 2, helpers);
            cb.labelBinding(head[d]);
            if (loop.kind() == TypeKind.INT) cb.iload(iv).iload(hiInt).if_icmpge(end[d]);
            else cb.lload(iv).lload(hi).lcmp().ifge(end[d]);
        }
        Label step = cb.newLabel();
        LoopShape inner = p.dims.getLast();
        new CodeCopier(p.m, cb, off, l -> {
            int pos = p.m.pos(l);
            return pos >= inner.bodyTo() && pos < inner.exit() ? step : null;
        }, helpers).copy(inner.bodyFrom(), inner.bodyTo());
        cb.labelBinding(step);
        for (int d = dims - 1; d >= 0; d--) {
            LoopShape loop = p.dims.get(d);
            int iv = loop.ivSlot() + off;
            if (loop.kind() == TypeKind.INT) cb.iinc(iv, 1);
            else cb.lload(iv).lconst_1().ladd().lstore(iv);
            cb.goto_(head[d]).labelBinding(end[d]);
        }
        Unrolling.combine(cb, p, off, copies);
        if (!p.reductions.isEmpty() || !p.arrays.isEmpty()) {
            int lin = temps + 5 * 3;
            linearId(cb, dims);
            cb.istore(lin);
            k = firstReduction;
            for (RegionPlan.Reduction r : p.reductions) {
                ClassDesc view = viewOf(r.type()).describeConstable().orElseThrow();
                ClassDesc elem = r.type().describeConstable().orElseThrow();
                cb.aload(paramSlot[k + 1]).iload(lin).loadLocal(TypeKind.from(r.type()), r.slot() + off)
                        .invokevirtual(view, "set", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int, elem));
                k += 2;
            }
            for (int a = 0; a < p.arrays.size(); a++) {
                RegionPlan.ArrayReduction r = p.arrays.get(a);
                TypeKind t = TypeKind.from(r.elem());
                ClassDesc view = viewOf(r.elem()).describeConstable().orElseThrow();
                ClassDesc elem = r.elem().describeConstable().orElseThrow();
                int partials = paramSlot[arrayParam(firstArray, a) + 1], arr = r.slot() + off, n = lengths[a];
                forEachElement(cb, counter, n, () -> cb.aload(partials).iload(lin).loadConstant(n).imul().iload(counter).iadd()
                        .aload(arr).iload(counter).arrayLoad(t)
                        .invokevirtual(view, "set", MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_int, elem)));
            }
        }
        cb.return_();
    }

    /** The parameter index of array reduction {@code a}'s identity. */
    private static int arrayParam(int firstArray, int a) {
        return firstArray + 2 * a;
    }

    /** {@code for (counter = 0; counter < n; counter++) body}. */
    private static void forEachElement(CodeBuilder cb, int counter, int n, Runnable body) {
        Label head = cb.newLabel(), end = cb.newLabel();
        cb.iconst_0().istore(counter).labelBinding(head).iload(counter).loadConstant(n).if_icmpge(end);
        body.run();
        cb.iinc(counter, 1).goto_(head).labelBinding(end);
    }

    /** Pushes {@code gid(0) + gsize(0) * (gid(1) + gsize(1) * gid(2))} over the range's dimensions. */
    private static void linearId(CodeBuilder cb, int dims) {
        MethodTypeDesc q = MethodTypeDesc.of(ConstantDescs.CD_int, ConstantDescs.CD_int);
        cb.aload(0).loadConstant(dims - 1).invokevirtual(CTX, "globalId", q);
        for (int d = dims - 2; d >= 0; d--) {
            cb.aload(0).loadConstant(d).invokevirtual(CTX, "globalSize", q).imul()
                    .aload(0).loadConstant(d).invokevirtual(CTX, "globalId", q).iadd();
        }
        if (dims == 0) cb.with(java.lang.classfile.instruction.ConstantInstruction.ofIntrinsic(Opcode.ICONST_0));
    }
}
