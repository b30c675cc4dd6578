package org.jdpx.kernels.jvm;

import static java.lang.classfile.ClassFile.ACC_FINAL;
import static java.lang.classfile.ClassFile.ACC_PUBLIC;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.jdpx.kernels.ir.Scalar;

/**
 * A {@link LanePlan} whose registers all hold one type, float or double, as generated methods (a
 * hidden class written with the ClassFile API, {@link Methods}) that run the program over {@code n}
 * items (at most {@link LaneLoops#BLOCK}) whose accesses start at elements {@code base}, and return
 * the sum of their launch-sum contributions. Each register is a Vector API vector in a JVM local: loads read
 * the views' memory straight into vectors, every operation is one Vector API call, stores write
 * straight back, a launch sum adds into one vector accumulator; the last, partial vector runs
 * under a mask. C2 keeps the vectors in registers, so the items' values never pass through
 * memory, which the operation-at-a-time loops ({@link LaneLoops}) cannot avoid.
 *
 * <p>Per item it does the IEEE operations {@link LaneLoops} does, so the two give the same bits.
 * Programs that mix float and double take {@link LaneLoops} (their vectors would have different
 * lane counts).
 */
final class LaneCode {
    private static final String PKG = "jdk.incubator.vector.";
    private static final ClassDesc CD_VECTOR = ClassDesc.of(PKG + "Vector");
    private static final ClassDesc CD_SPECIES = ClassDesc.of(PKG + "VectorSpecies");
    private static final ClassDesc CD_MASK = ClassDesc.of(PKG + "VectorMask");
    private static final ClassDesc CD_ASSOCIATIVE = ClassDesc.of(PKG + "VectorOperators$Associative");
    private static final ClassDesc CD_OPERATORS = ClassDesc.of(PKG + "VectorOperators");
    private static final ClassDesc CD_ORDER = ClassDesc.of("java.nio.ByteOrder");
    private static final ClassDesc CD_SEGMENT = ClassDesc.of(MemorySegment.class.getName());
    private static final ClassDesc CD_LOOPS = ClassDesc.of(LaneLoops.class.getName());
    private static final ClassDesc CD_METHODS = ClassDesc.of(Methods.class.getName());
    private static final MethodTypeDesc BLOCK_DESC = MethodTypeDesc.of(ConstantDescs.CD_double, CD_SEGMENT.arrayType(),
            ConstantDescs.CD_long.arrayType(), ConstantDescs.CD_double.arrayType(), ConstantDescs.CD_int);

    // locals of block(): the four arguments, then these
    private static final int SEGS = 1, BASE = 2, FILLS = 3, N = 4, X = 5, MASK = 6, ACC = 7, FIRST = 8; // 0 is this

    private final LanePlan plan;
    private final boolean f64;
    private final ClassDesc vector;
    private final ClassDesc prim;
    private final int lanes;
    private final int itemBytes;
    private final int[] segLocal;
    private final int[] baseLocal;
    private final int[] regLocal;

    private LaneCode(LanePlan plan, boolean f64) {
        this.plan = plan;
        this.f64 = f64;
        this.vector = ClassDesc.of(PKG + (f64 ? "DoubleVector" : "FloatVector"));
        this.prim = f64 ? ConstantDescs.CD_double : ConstantDescs.CD_float;
        this.lanes = f64 ? LaneLoops.DS.length() : LaneLoops.FS.length();
        this.itemBytes = f64 ? 8 : 4;
        int next = FIRST;
        segLocal = new int[plan.accesses.size()];
        baseLocal = new int[plan.accesses.size()];
        for (int k = 0; k < segLocal.length; k++) {
            segLocal[k] = next++;
            baseLocal[k] = next;
            next += 2;
        }
        regLocal = new int[plan.registers.size()];
        for (int r = 0; r < regLocal.length; r++) regLocal[r] = next++;
    }

    /** Most operations a generated method holds: C1 gives up on larger ones, which then run interpreted until C2 compiles them. */
    static final int MAX_OPS = 16;

    /**
     * The two generated methods of a program, both {@code double m(MemorySegment[] segs, long[]
     * base, double[] fills, int n)}: {@code whole} runs the items of the whole vectors among the
     * {@code n}, {@code tail} the rest under a mask (call it only where {@code n} is not a whole
     * number of vectors). Two methods, not one, so that each stays small enough for C1 and for C2's
     * inlining of the Vector API calls. The generated class implements this interface and is
     * called through it: a call through a {@code MethodHandle} that is not a constant runs
     * interpreted lambda forms until the JIT gets to them, about a microsecond a call, which kept
     * the Jacobi sample's 25,600 short runs a call at 20-30 ms for its first dozen calls.
     */
    interface Methods {
        /** The items of the whole vectors among the {@code n}. */
        double whole(MemorySegment[] segs, long[] base, double[] fills, int n);

        /** The items after the whole vectors, under a mask. */
        double tail(MemorySegment[] segs, long[] base, double[] fills, int n);

        /** Items per vector. */
        int lanes();

        /** Runs {@code n} items; returns their launch-sum contributions. */
        default double run(MemorySegment[] segs, long[] base, double[] fills, int n) {
            double sum = whole(segs, base, fills, n);
            if (n % lanes() != 0) sum += tail(segs, base, fills, n);
            return sum;
        }
    }

    /**
     * The generated methods of {@code plan}, or null where its registers mix float and double or it
     * has more than {@value #MAX_OPS} operations.
     *
     * @throws IllegalStateException if the JVM refuses the generated class (a bug here)
     */
    static Methods of(LanePlan plan) {
        if (plan.registers.isEmpty() || plan.ops.size() > MAX_OPS) return null;
        Scalar t = plan.registers.getFirst();
        for (Scalar s : plan.registers) if (s != t) return null;
        LaneCode code = new LaneCode(plan, t == Scalar.F64);
        ClassDesc self = ClassDesc.of(LaneCode.class.getPackageName() + ".JdpxLanes_"
                + plan.kernel.replaceAll("[^A-Za-z0-9_]", "_"));
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                .orElse(ClassHierarchyResolver.ofClassLoading(LaneCode.class.getClassLoader()))));
        byte[] bytes = cf.build(self, cb -> cb.withFlags(ACC_PUBLIC | ACC_FINAL)
                .withInterfaceSymbols(CD_METHODS)
                .withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ACC_PUBLIC,
                        b -> b.aload(0).invokespecial(ConstantDescs.CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void).return_())
                .withMethodBody("lanes", MethodTypeDesc.of(ConstantDescs.CD_int), ACC_PUBLIC,
                        b -> b.loadConstant(code.lanes).ireturn())
                .withMethodBody("whole", BLOCK_DESC, ACC_PUBLIC, b -> code.method(b, false))
                .withMethodBody("tail", BLOCK_DESC, ACC_PUBLIC, b -> code.method(b, true)));
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(bytes, true);
            return (Methods) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("the JVM refused the lane code generated for kernel " + plan.kernel + ": " + e, e);
        } catch (Throwable e) {
            throw new IllegalStateException("the lane code generated for kernel " + plan.kernel + " failed to start: " + e, e);
        }
    }

    /** {@code whole} ({@code masked} false): a loop over the whole vectors; {@code tail}: the last, partial vector under a mask. */
    private void method(CodeBuilder b, boolean masked) {
        for (int k = 0; k < segLocal.length; k++) {
            b.aload(SEGS).loadConstant(k).aaload().astore(segLocal[k]);
            b.aload(BASE).loadConstant(k).laload().loadConstant((long) itemBytes).lmul().lstore(baseLocal[k]);
        }
        for (int i = 0; i < plan.fills.size(); i++) {
            LanePlan.Fill f = plan.fills.get(i);
            species(b);
            b.aload(FILLS).loadConstant(i).daload();
            if (!f64) b.d2f();
            b.invokestatic(vector, "broadcast", MethodTypeDesc.of(vector, CD_SPECIES, prim)).astore(regLocal[f.reg()]);
        }
        species(b);
        b.invokestatic(vector, "zero", MethodTypeDesc.of(vector, CD_SPECIES)).astore(ACC);
        if (masked) {
            // x = n - n % lanes; the mask covers x .. n-1
            b.iload(N).iload(N).loadConstant(lanes).irem().isub().istore(X);
            species(b);
            b.iload(X).iload(N).invokeinterface(CD_SPECIES, "indexInRange",
                    MethodTypeDesc.of(CD_MASK, ConstantDescs.CD_int, ConstantDescs.CD_int)).astore(MASK);
            body(b, true);
        } else {
            b.iconst_0().istore(X);
            Label head = b.newLabel(), end = b.newLabel();
            b.labelBinding(head);
            b.iload(X).iload(N).loadConstant(lanes).isub().if_icmpgt(end);
            body(b, false);
            b.iinc(X, lanes).goto_(head);
            b.labelBinding(end);
        }
        b.aload(ACC).getstatic(CD_OPERATORS, "ADD", CD_ASSOCIATIVE)
                .invokevirtual(vector, "reduceLanes", MethodTypeDesc.of(prim, CD_ASSOCIATIVE));
        if (!f64) b.f2d();
        b.dreturn();
    }

    /** The program over one vector of items from {@code x}: all its lanes, or those under the mask. */
    private void body(CodeBuilder b, boolean masked) {
        MethodTypeDesc binary = MethodTypeDesc.of(vector, CD_VECTOR);
        for (LanePlan.Op op : plan.ops) {
            switch (op) {
                case LanePlan.Load l -> {
                    species(b);
                    b.aload(segLocal[l.access()]);
                    offset(b, l.access());
                    order(b);
                    if (masked) {
                        b.aload(MASK).invokestatic(vector, "fromMemorySegment",
                                MethodTypeDesc.of(vector, CD_SPECIES, CD_SEGMENT, ConstantDescs.CD_long, CD_ORDER, CD_MASK));
                    } else {
                        b.invokestatic(vector, "fromMemorySegment",
                                MethodTypeDesc.of(vector, CD_SPECIES, CD_SEGMENT, ConstantDescs.CD_long, CD_ORDER));
                    }
                    b.astore(regLocal[l.dst()]);
                }
                case LanePlan.Store s -> {
                    b.aload(regLocal[s.src()]).aload(segLocal[s.access()]);
                    offset(b, s.access());
                    order(b);
                    if (masked) {
                        b.aload(MASK).invokevirtual(vector, "intoMemorySegment",
                                MethodTypeDesc.of(ConstantDescs.CD_void, CD_SEGMENT, ConstantDescs.CD_long, CD_ORDER, CD_MASK));
                    } else {
                        b.invokevirtual(vector, "intoMemorySegment",
                                MethodTypeDesc.of(ConstantDescs.CD_void, CD_SEGMENT, ConstantDescs.CD_long, CD_ORDER));
                    }
                }
                case LanePlan.Bin o -> {
                    String name = switch (o.op()) {
                        case ADD -> "add";
                        case SUB -> "sub";
                        case MUL -> "mul";
                        case DIV -> "div";
                        default -> throw new IllegalStateException("no lane operation for " + o.op());
                    };
                    b.aload(regLocal[o.a()]).aload(regLocal[o.b()]).invokevirtual(vector, name, binary).astore(regLocal[o.dst()]);
                }
                case LanePlan.Unary u -> {
                    String name = switch (u.fn()) {
                        case NEG -> "neg";
                        case ABS -> "abs";
                        case SQRT -> "sqrt";
                    };
                    b.aload(regLocal[u.a()]).invokevirtual(vector, name, MethodTypeDesc.of(vector)).astore(regLocal[u.dst()]);
                }
                case LanePlan.Fma f -> b.aload(regLocal[f.a()]).aload(regLocal[f.b()]).aload(regLocal[f.c()])
                        .invokevirtual(vector, "fma", MethodTypeDesc.of(vector, CD_VECTOR, CD_VECTOR)).astore(regLocal[f.dst()]);
                case LanePlan.Sum s -> {
                    b.aload(ACC).aload(regLocal[s.src()]);
                    if (masked) b.aload(MASK).invokevirtual(vector, "add", MethodTypeDesc.of(vector, CD_VECTOR, CD_MASK));
                    else b.invokevirtual(vector, "add", binary);
                    b.astore(ACC);
                }
                case LanePlan.Widen w -> throw new IllegalStateException("a one-type program widens");
                case LanePlan.Narrow w -> throw new IllegalStateException("a one-type program narrows");
            }
        }
    }

    /** Pushes access {@code k}'s byte offset for the item at {@code x}. */
    private void offset(CodeBuilder b, int k) {
        b.lload(baseLocal[k]).iload(X).i2l().loadConstant((long) itemBytes).lmul().ladd();
    }

    private void species(CodeBuilder b) {
        b.getstatic(CD_LOOPS, f64 ? "DS" : "FS", CD_SPECIES);
    }

    private void order(CodeBuilder b) {
        b.getstatic(CD_LOOPS, "ORDER", CD_ORDER);
    }
}
