package org.jdpx.kernels.jvm;

import static java.lang.classfile.ClassFile.ACC_FINAL;
import static java.lang.classfile.ClassFile.ACC_PUBLIC;
import static java.lang.classfile.ClassFile.ACC_STATIC;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Phaser;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Type;
import org.jdpx.kernels.ir.Var;

/**
 * The third target of the IR: JVM bytecode for the java device, written with the JDK ClassFile API
 * into one class per kernel (defined as a hidden class by {@link JvmIrProgram}).
 *
 * <p>Shape of the class: every helper becomes a static method; the kernel becomes
 * {@code run(Object[] slots, int[] geometry, Object[] groupMemory, Phaser phaser, int x0, int x1, int y, int z)},
 * which runs the work-items {@code x0..x1-1} of row {@code (y, z)}. Its prologue takes the arguments
 * out of {@code slots} (one entry per kernel parameter) into JVM locals once: a view becomes its
 * {@link MemorySegment} plus its element offset (the hidden OFFSET argument), so C2 hoists both
 * out of the item loop; by-value and hidden view facts are unboxed; {@code @Local} buffers and
 * constant-size local arrays come from {@code groupMemory}; private arrays are allocated once per
 * call (the IR zero-fills them where Java allocated them). Then the kernel body is inlined into a
 * counted loop over {@code x} with no call, allocation or boxing per item, which C2 can unroll and
 * vectorise; a kernel {@code return} jumps to the next item.
 *
 * <p>Semantics follow the IR: Java arithmetic and conversions are the JVM's own bytecodes
 * ({@code f2i} saturates and sends NaN to 0 as the IR says); integer division by a non-constant
 * divisor goes through {@link JvmRuntime#div} so that {@code x / 0} gives 0 as on the other
 * devices; math built-ins have OpenCL semantics ({@link JvmMathCalls}); atomics are VarHandle
 * operations ({@link JvmAtomics}).
 */
public final class JvmEmitter {
    static final ClassDesc CD_SEGMENT = ClassDesc.of(MemorySegment.class.getName());
    static final ClassDesc CD_PHASER = ClassDesc.of(Phaser.class.getName());
    static final ClassDesc CD_OBJECTS = ConstantDescs.CD_Object.arrayType();
    static final ClassDesc CD_INTS = ConstantDescs.CD_int.arrayType();
    /** Name of the kernel's entry method. */
    static final String RUN = "run";
    /** Descriptor of {@code run}. */
    static final MethodTypeDesc RUN_DESC = MethodTypeDesc.of(ConstantDescs.CD_void, CD_OBJECTS, CD_INTS, CD_OBJECTS,
            CD_PHASER, ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int);
    /** The type of {@code run} for {@link java.lang.invoke.MethodHandles.Lookup#findStatic}. */
    static final MethodType RUN_TYPE = MethodType.methodType(void.class, Object[].class, int[].class, Object[].class,
            Phaser.class, int.class, int.class, int.class, int.class);

    /** Name of the kernel's work-group entry method (kernels split into work-item loops only). */
    static final String RUN_GROUPS = "runGroups";
    /** Descriptor of {@code runGroups}. */
    static final MethodTypeDesc RUN_GROUPS_DESC = MethodTypeDesc.of(ConstantDescs.CD_void, CD_OBJECTS, CD_INTS, CD_OBJECTS,
            ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int);
    /** The type of {@code runGroups}. */
    static final MethodType RUN_GROUPS_TYPE = MethodType.methodType(void.class, Object[].class, int[].class, Object[].class,
            int.class, int.class, int.class, int.class);

    /** One work-group shared array: a {@code @Local} parameter (argIndex ≥ 0) or a constant-size local array. */
    public record GroupArray(Scalar elem, int length, int argIndex) {
    }

    private JvmEmitter() {
    }

    /**
     * The class file for {@code module}, named {@code self} (a class of this package, for a
     * hidden class defined through this package's lookup).
     *
     * @throws IllegalArgumentException for IR this target cannot run (e.g. a pointer-typed local
     *         assigned from something other than a variable), naming the construct
     */
    public static byte[] emit(KernelModule module, ClassDesc self) {
        return emit(module, self, null);
    }

    /**
     * Like {@link #emit(KernelModule, ClassDesc)}, plus, where {@code loops} is not null, the static
     * method {@code runGroups(Object[] slots, int[] geometry, Object[] groupMemory, int gx0, int gx1, int gy, int gz)}
     * that runs whole work-groups as the work-item loops of that plan ({@link WorkItemLoops}).
     */
    static byte[] emit(KernelModule module, ClassDesc self, WorkItemLoops.Plan loops) {
        Map<Function, Boolean> needsContext = needsContext(module);
        Map<Function, MethodTypeDesc> descs = new HashMap<>();
        for (Function f : module.helpers()) descs.put(f, helperDesc(f, needsContext.get(f)));
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                ClassHierarchyResolver.defaultResolver().orElse(
                        ClassHierarchyResolver.ofClassLoading(JvmEmitter.class.getClassLoader()))));
        List<GroupArray> group = groupArrays(module);
        return cf.build(self, cb -> {
            cb.withFlags(ACC_PUBLIC | ACC_FINAL);
            for (Function f : module.helpers()) {
                cb.withMethodBody(f.name(), descs.get(f), ACC_STATIC, code ->
                        new JvmFunctionCode(code, self, f, needsContext, descs, group).helper());
            }
            cb.withMethodBody(RUN, RUN_DESC, ACC_PUBLIC | ACC_STATIC, code ->
                    new JvmFunctionCode(code, self, module.kernel(), needsContext, descs, group).kernel());
            if (loops != null) {
                cb.withMethodBody(RUN_GROUPS, RUN_GROUPS_DESC, ACC_PUBLIC | ACC_STATIC, code ->
                        new JvmFunctionCode(code, self, module.kernel(), needsContext, descs, group).groupKernel(loops));
            }
        });
    }

    /**
     * The arrays one work-group shares, in the order {@code run} reads them from its
     * {@code groupMemory} argument: {@code @Local} parameters in parameter order, then the kernel's
     * constant-size local arrays in declaration order.
     */
    public static List<GroupArray> groupArrays(KernelModule module) {
        List<GroupArray> out = new ArrayList<>();
        for (Param p : module.kernel().params()) {
            if (p.kind() instanceof ParamKind.LocalBuffer l) out.add(new GroupArray(l.elem(), -1, l.argIndex()));
        }
        for (Var v : module.kernel().locals()) {
            if (v.type() instanceof ArrayType a && a.space() == AddressSpace.LOCAL) out.add(new GroupArray(a.elem(), a.length(), -1));
        }
        return out;
    }

    /**
     * Which functions need the work-item state (they ask for ids or sizes, wait at a barrier, or
     * call a helper that does): helpers among them take it as extra trailing parameters.
     */
    private static Map<Function, Boolean> needsContext(KernelModule module) {
        Map<Function, Boolean> out = new HashMap<>();
        for (Function f : module.functions()) { // callees precede callers
            boolean[] needs = {false};
            Features.forEachStmt(f.body(), s -> {
                if (s instanceof Stmt.Barrier) needs[0] = true;
            }, e -> {
                if (e instanceof Expr.WorkItem || (e instanceof Expr.Call c && out.getOrDefault(c.function(), false))) needs[0] = true;
            });
            out.put(f, needs[0] || f.isKernel());
        }
        return out;
    }

    private static MethodTypeDesc helperDesc(Function f, boolean context) {
        List<ClassDesc> params = new ArrayList<>();
        for (Param p : f.params()) {
            Type t = p.var().type();
            if (t instanceof PtrType ptr && ptr.space() == AddressSpace.GLOBAL) {
                params.add(CD_SEGMENT);
                params.add(ConstantDescs.CD_long);
            } else {
                params.add(desc(t));
            }
        }
        if (context) {
            // x, y, z, geometry, phaser: see JvmFunctionCode#helper
            params.addAll(List.of(ConstantDescs.CD_int, ConstantDescs.CD_int, ConstantDescs.CD_int, CD_INTS, CD_PHASER));
        }
        ClassDesc ret = f.returnType() == null ? ConstantDescs.CD_void : desc(f.returnType());
        return MethodTypeDesc.of(ret, params);
    }

    /** The JVM type of an IR value: sub-int scalars and BOOL travel as int, local and private memory as Java arrays. */
    static ClassDesc desc(Type t) {
        return switch (t) {
            case Scalar s -> switch (s) {
                case I64 -> ConstantDescs.CD_long;
                case F32 -> ConstantDescs.CD_float;
                case F64 -> ConstantDescs.CD_double;
                default -> ConstantDescs.CD_int;
            };
            case PtrType p -> {
                if (p.space() == AddressSpace.GLOBAL) throw new IllegalStateException("a global pointer is a segment and an offset");
                yield arrayDesc(p.elem());
            }
            case ArrayType a -> arrayDesc(a.elem());
        };
    }

    /** The Java array type holding {@code elem} elements. */
    static ClassDesc arrayDesc(Scalar elem) {
        return switch (elem) {
            case I8 -> ConstantDescs.CD_byte.arrayType();
            case I16 -> ConstantDescs.CD_short.arrayType();
            case U16 -> ConstantDescs.CD_char.arrayType();
            case I32 -> ConstantDescs.CD_int.arrayType();
            case I64 -> ConstantDescs.CD_long.arrayType();
            case F32 -> ConstantDescs.CD_float.arrayType();
            case F64 -> ConstantDescs.CD_double.arrayType();
            case BOOL -> throw new IllegalArgumentException("BOOL is never stored in memory");
        };
    }
}
