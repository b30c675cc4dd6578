package org.jdpx.kernels.frontend;

import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.WorkItemFn;

/**
 * Calls the compiler understands: {@code KernelContext} (ids, barriers, local memory,
 * atomics), the typed views, {@code Math}/{@code StrictMath}, {@code KernelMath} and a few
 * {@code Float}/{@code Double}/{@code Integer}/{@code Long} bit helpers. Where Java's
 * definition differs from the OpenCL built-in ({@code Math.min} on NaN, {@code Math.abs} of
 * MIN_VALUE, {@code Math.signum}, {@code Math.round}) the Java meaning is built from IR
 * primitives here, so every emitter gets it right without knowing Java.
 */
final class Intrinsics {
    private Intrinsics() {
    }

    static final String CTX = "org/jdpx/kernels/KernelContext";
    static final Map<String, Scalar> VIEWS = Map.of(
            "org/jdpx/kernels/ByteArray", Scalar.I8, "org/jdpx/kernels/ShortArray", Scalar.I16,
            "org/jdpx/kernels/IntArray", Scalar.I32, "org/jdpx/kernels/LongArray", Scalar.I64,
            "org/jdpx/kernels/FloatArray", Scalar.F32, "org/jdpx/kernels/DoubleArray", Scalar.F64);

    /** The relatively indexed arrays of {@code @Stencil} functions, by element type. */
    static final Map<String, Scalar> STENCILS = Map.of(
            "org/jdpx/kernels/FloatStencil", Scalar.F32, "org/jdpx/kernels/DoubleStencil", Scalar.F64,
            "org/jdpx/kernels/IntStencil", Scalar.I32, "org/jdpx/kernels/LongStencil", Scalar.I64);

    static void invoke(MethodTranslator t, InvokeInstruction inv) {
        String owner = inv.owner().asInternalName();
        String name = inv.name().stringValue();
        MethodTypeDesc desc = inv.typeSymbol();
        if (inv.opcode() != Opcode.INVOKESTATIC) {
            SVal receiver = t.stack.get(t.stack.size() - 1 - desc.parameterCount());
            if (receiver instanceof SVal.Obj o) {
                throw t.error("call of method '" + MethodTranslator.simple(owner.replace('/', '.')) + "." + name + "' on an object ("
                        + o.description() + ", " + inv.opcode().name().toLowerCase() + ") is not allowed in a kernel");
            }
        }
        if (owner.equals(CTX)) {
            context(t, name, desc);
        } else if (VIEWS.containsKey(owner)) {
            view(t, name, desc);
        } else if (STENCILS.containsKey(owner)) {
            stencil(t, name, desc);
        } else if (owner.equals("java/lang/Math") || owner.equals("java/lang/StrictMath")) {
            math(t, name, desc);
        } else if (owner.equals("org/jdpx/kernels/KernelMath")) {
            kernelMath(t, name, desc);
        } else if (owner.equals("java/lang/Float") || owner.equals("java/lang/Double")
                || owner.equals("java/lang/Integer") || owner.equals("java/lang/Long")) {
            bits(t, owner, name, desc);
        } else if (inv.opcode() == Opcode.INVOKESTATIC) {
            t.frontend.callHelper(t, owner.replace('/', '.'), name, desc);
        } else {
            throw t.error("call of method '" + MethodTranslator.simple(owner.replace('/', '.')) + "." + name
                    + "' on an object (" + inv.opcode().name().toLowerCase() + ") is not allowed in a kernel");
        }
    }

    private static Expr[] popArgs(MethodTranslator t, int n) {
        Expr[] a = new Expr[n];
        for (int i = n - 1; i >= 0; i--) a[i] = t.pop();
        return a;
    }

    private static int constant(MethodTranslator t, Expr e, String what) {
        if (e instanceof Expr.Const c) return (int) c.bits();
        throw t.error(what + " must be a compile-time constant");
    }

    // ---------------------------------------------------------------- KernelContext

    private static void context(MethodTranslator t, String name, MethodTypeDesc desc) {
        if (name.startsWith("atomic")) {
            atomic(t, name, desc);
            return;
        }
        Expr[] args = popArgs(t, desc.parameterCount());
        SVal recv = t.popAny();
        if (!(recv instanceof SVal.Ctx)) throw t.error("KernelContext must be the kernel's own parameter");
        WorkItemFn wi = switch (name) {
            case "globalId" -> WorkItemFn.GLOBAL_ID;
            case "localId" -> WorkItemFn.LOCAL_ID;
            case "groupId" -> WorkItemFn.GROUP_ID;
            case "globalSize" -> WorkItemFn.GLOBAL_SIZE;
            case "localSize" -> WorkItemFn.LOCAL_SIZE;
            case "numGroups" -> WorkItemFn.NUM_GROUPS;
            default -> null;
        };
        if (wi != null) {
            int d = constant(t, args[0], "the dimension of " + name + "()");
            if (d < 0 || d > 2) throw t.error("dimension " + d + " of " + name + "() is not 0, 1 or 2");
            t.push(new Expr.WorkItem(wi, d));
            return;
        }
        switch (name) {
            case "globalLinearId" -> t.push(linear(WorkItemFn.GLOBAL_ID, WorkItemFn.GLOBAL_SIZE));
            case "localLinearId" -> t.push(linear(WorkItemFn.LOCAL_ID, WorkItemFn.LOCAL_SIZE));
            case "groupLinearId" -> t.push(linear(WorkItemFn.GROUP_ID, WorkItemFn.NUM_GROUPS));
            case "localBarrier" -> t.emitEffect(new org.jdpx.kernels.ir.Stmt.Barrier(false));
            case "globalBarrier" -> t.emitEffect(new org.jdpx.kernels.ir.Stmt.Barrier(true));
            case "localFloats" -> localArray(t, args[0], Scalar.F32, "localFloats");
            case "localInts" -> localArray(t, args[0], Scalar.I32, "localInts");
            case "localLongs" -> localArray(t, args[0], Scalar.I64, "localLongs");
            case "localDoubles" -> localArray(t, args[0], Scalar.F64, "localDoubles");
            default -> throw t.error("call of method 'KernelContext." + name + "' (invokevirtual) is not supported in a kernel");
        }
    }

    private static Expr linear(WorkItemFn id, WorkItemFn size) {
        Expr i0 = new Expr.WorkItem(id, 0), i1 = new Expr.WorkItem(id, 1), i2 = new Expr.WorkItem(id, 2);
        Expr s0 = new Expr.WorkItem(size, 0), s1 = new Expr.WorkItem(size, 1);
        Expr inner = new Expr.Binary(BinOp.ADD, new Expr.Binary(BinOp.MUL, i2, s1), i1);
        return new Expr.Binary(BinOp.ADD, new Expr.Binary(BinOp.MUL, inner, s0), i0);
    }

    private static void localArray(MethodTranslator t, Expr n, Scalar elem, String what) {
        int len = constant(t, n, "the size of " + what + "()");
        if (!t.isKernel) throw t.error(what + "() must be called in the kernel method itself, not in a helper");
        if (len < 1) throw t.error("local memory size " + len + " must be positive");
        Var v = t.newLocal("local" + elem.clName().substring(0, 1).toUpperCase() + elem.clName().substring(1) + "s",
                new ArrayType(elem, len, AddressSpace.LOCAL));
        t.pushRef(new SVal.Arr(new Expr.Read(v), elem, AddressSpace.LOCAL, len));
    }

    private static void atomic(MethodTranslator t, String name, MethodTypeDesc desc) {
        AtomicOp op = switch (name) {
            case "atomicAdd" -> AtomicOp.ADD;
            case "atomicSub" -> AtomicOp.SUB;
            case "atomicMin" -> AtomicOp.MIN;
            case "atomicMax" -> AtomicOp.MAX;
            case "atomicAnd" -> AtomicOp.AND;
            case "atomicOr" -> AtomicOp.OR;
            case "atomicXor" -> AtomicOp.XOR;
            case "atomicExchange" -> AtomicOp.XCHG;
            case "atomicCompareExchange" -> AtomicOp.CMPXCHG;
            default -> throw t.error("KernelContext." + name + " is not supported in a kernel");
        };
        int nOps = desc.parameterCount() - 2;
        Expr[] ops = popArgs(t, nOps);
        Expr idx = t.pop();
        SVal target = t.popAny();
        SVal recv = t.popAny();
        if (!(recv instanceof SVal.Ctx)) throw t.error("KernelContext must be the kernel's own parameter");
        Expr base;
        switch (target) {
            case SVal.View v -> base = v.handle().pointer;
            case SVal.Arr a when a.space() != AddressSpace.PRIVATE -> base = a.base();
            default -> throw t.error("atomics need a global view or local memory array as target");
        }
        t.pushEffect(new Expr.Atomic(op, base, idx, List.of(ops), t.at()));
    }

    // ---------------------------------------------------------------- views

    private static void view(MethodTranslator t, String name, MethodTypeDesc desc) {
        int n = desc.parameterCount();
        boolean isSet = name.equals("set");
        Expr value = isSet ? t.pop() : null;
        Expr[] idx = popArgs(t, isSet ? n - 1 : n);
        SVal recv = t.popAny();
        if (!(recv instanceof SVal.View vv)) throw t.error("view method '" + name + "' on an unknown object");
        ViewHandle h = vv.handle();
        switch (name) {
            case "get", "set" -> {
                Expr index = index(h, idx);
                if (isSet) {
                    t.emitEffect(new org.jdpx.kernels.ir.Stmt.Store(h.pointer, index, MethodTranslator.narrow(value, h.elem), t.at()));
                } else {
                    Expr load = new Expr.Load(h.pointer, index, t.at());
                    t.push(h.elem == Scalar.I8 || h.elem == Scalar.I16 ? new Expr.Convert(Scalar.I32, load) : load);
                }
            }
            case "length" -> t.push(h.info(ParamKind.Info.LENGTH, 0));
            case "rank" -> t.push(h.info(ParamKind.Info.RANK, 0));
            case "shape" -> t.push(h.info(ParamKind.Info.SHAPE, dim(t, idx[0], "shape")));
            case "stride" -> t.push(h.info(ParamKind.Info.STRIDE, dim(t, idx[0], "stride")));
            default -> throw t.error("call of view method '" + name + "' (invokevirtual) is not available in a kernel");
        }
    }

    /**
     * {@code a.at(di, dj, ...)} on a stencil array: the element at the centre (the hidden OFFSET
     * argument) moved by the relative indices along each axis (hidden STRIDE arguments).
     */
    private static void stencil(MethodTranslator t, String name, MethodTypeDesc desc) {
        if (name.equals("around")) {
            around(t, desc);
            return;
        }
        Expr[] idx = popArgs(t, desc.parameterCount());
        SVal recv = t.popAny();
        if (!(recv instanceof SVal.View vv) || !name.equals("at")) {
            throw t.error("stencil array method '" + name + "' is not available in a stencil kernel; use at(di, ...)");
        }
        ViewHandle h = vv.handle();
        int[] offsets = new int[idx.length];
        boolean constant = true;
        Expr index = h.info(ParamKind.Info.OFFSET, 0);
        for (int d = 0; d < idx.length; d++) {
            if (idx[d] instanceof Expr.Const c) offsets[d] = (int) c.bits();
            else constant = false;
            index = new Expr.Binary(BinOp.ADD, index, new Expr.Binary(BinOp.MUL, new Expr.Convert(Scalar.I64, idx[d]),
                    h.info(ParamKind.Info.STRIDE, d)));
        }
        t.frontend.noteStencilAccess(new Frontend.StencilAccess(idx.length, constant ? offsets : null, t.at()));
        t.push(new Expr.Load(h.pointer, index, t.at()));
    }

    /**
     * {@code FloatStencil.around(view, i, j)}: the view's pointer, centred on {@code (i, j)}; its
     * OFFSET is the centre's element index, its strides the view's (1 for a 1-D view, whose
     * {@code get(i)} is linear).
     */
    private static void around(MethodTranslator t, MethodTypeDesc desc) {
        Expr[] centre = popArgs(t, desc.parameterCount() - 1);
        SVal v = t.popAny();
        if (!(v instanceof SVal.View vv)) throw t.error("around() needs a view (FloatArray, ...) as its first argument");
        ViewHandle h = vv.handle();
        int rank = centre.length;
        ClassDesc owner = desc.returnType();
        Class<?> cls;
        try {
            cls = Class.forName(owner.packageName() + "." + owner.displayName());
        } catch (ClassNotFoundException e) {
            throw t.error("stencil class " + owner.displayName() + " not found");
        }
        // The centre is computed here, where Java evaluates the call, whatever the locals do later.
        Expr sum = null;
        for (int d = 0; d < rank; d++) {
            Expr stride = rank == 1 ? Expr.Const.i64(1) : h.info(ParamKind.Info.STRIDE, d);
            Expr term = new Expr.Binary(BinOp.MUL, new Expr.Convert(Scalar.I64, centre[d]), stride);
            sum = sum == null ? term : new Expr.Binary(BinOp.ADD, sum, term);
        }
        Var at = t.newTemp("centre", Scalar.I64);
        t.emitEffect(new org.jdpx.kernels.ir.Stmt.Assign(at, sum));
        t.pushRef(new SVal.View(new ViewHandle(h.pointer, h.elem, cls, (info, dim) -> switch (info) {
            case OFFSET -> new Expr.Read(at);
            case STRIDE -> rank == 1 ? Expr.Const.i64(1) : h.info(ParamKind.Info.STRIDE, dim);
            default -> throw t.error("a stencil array has no " + info.name().toLowerCase() + "; read it with at(...)");
        })));
    }

    private static int dim(MethodTranslator t, Expr e, String what) {
        int d = constant(t, e, "the dimension of " + what + "()");
        if (d < 0 || d > 2) throw t.error("dimension " + d + " of " + what + "() is not 0, 1 or 2");
        return d;
    }

    private static Expr index(ViewHandle h, Expr[] idx) {
        if (idx.length == 1) return idx[0];
        Expr sum = null;
        for (int d = 0; d < idx.length; d++) {
            Expr term = new Expr.Binary(BinOp.MUL, new Expr.Convert(Scalar.I64, idx[d]), h.info(ParamKind.Info.STRIDE, d));
            sum = sum == null ? term : new Expr.Binary(BinOp.ADD, sum, term);
        }
        return sum;
    }

    // ---------------------------------------------------------------- Math

    private static Scalar typeOf(ClassDesc c) {
        return switch (c.descriptorString()) {
            case "F" -> Scalar.F32;
            case "D" -> Scalar.F64;
            case "J" -> Scalar.I64;
            case "I", "Z", "B", "S", "C" -> Scalar.I32;
            default -> null;
        };
    }

    private static MathFn plainFn(String name) {
        return switch (name) {
            case "sqrt" -> MathFn.SQRT;
            case "cbrt" -> MathFn.CBRT;
            case "exp" -> MathFn.EXP;
            case "expm1" -> MathFn.EXPM1;
            case "log" -> MathFn.LOG;
            case "log10" -> MathFn.LOG10;
            case "log1p" -> MathFn.LOG1P;
            case "sin" -> MathFn.SIN;
            case "cos" -> MathFn.COS;
            case "tan" -> MathFn.TAN;
            case "asin" -> MathFn.ASIN;
            case "acos" -> MathFn.ACOS;
            case "atan" -> MathFn.ATAN;
            case "atan2" -> MathFn.ATAN2;
            case "sinh" -> MathFn.SINH;
            case "cosh" -> MathFn.COSH;
            case "tanh" -> MathFn.TANH;
            case "pow" -> MathFn.POW;
            case "hypot" -> MathFn.HYPOT;
            case "floor" -> MathFn.FLOOR;
            case "ceil" -> MathFn.CEIL;
            case "rint" -> MathFn.RINT;
            case "fma" -> MathFn.FMA;
            case "toDegrees" -> MathFn.DEGREES;
            case "toRadians" -> MathFn.RADIANS;
            default -> null;
        };
    }

    private static void math(MethodTranslator t, String name, MethodTypeDesc desc) {
        Scalar type = typeOf(desc.parameterList().getFirst());
        Expr[] a = popArgs(t, desc.parameterCount());
        MathFn fn = plainFn(name);
        if (fn != null) {
            t.push(ConstantFolds.mathCall(new Expr.MathCall(fn, type, List.of(a))));
            return;
        }
        switch (name) {
            case "abs" -> {
                if (type.isFloat()) {
                    t.push(new Expr.MathCall(MathFn.FABS, type, List.of(a[0])));
                } else { // Java: abs(MIN_VALUE) == MIN_VALUE, i.e. wrapping negation
                    Expr x = t.reusable(a[0]);
                    t.push(new Expr.Select(new Expr.Compare(CmpOp.LT, x, zero(type)), new Expr.Unary(UnOp.NEG, x), x));
                }
            }
            case "min", "max" -> t.push(minMax(t, name.equals("min"), type, a[0], a[1]));
            case "signum" -> { // Java keeps NaN and the sign of zero; some devices' sign() do not
                Expr x = t.reusable(a[0]);
                Expr one = type == Scalar.F32 ? Expr.Const.f32(1f) : Expr.Const.f64(1);
                Expr minusOne = type == Scalar.F32 ? Expr.Const.f32(-1f) : Expr.Const.f64(-1);
                t.push(new Expr.Select(new Expr.Compare(CmpOp.GT, x, zero(type)), one,
                        new Expr.Select(new Expr.Compare(CmpOp.LT, x, zero(type)), minusOne, x)));
            }
            case "round" -> t.push(round(t, type, a[0]));
            default -> throw t.error("Math." + name + " is not supported in a kernel");
        }
    }

    static Expr zero(Scalar s) {
        return switch (s) {
            case I64 -> Expr.Const.i64(0);
            case F32 -> Expr.Const.f32(0);
            case F64 -> Expr.Const.f64(0);
            default -> Expr.Const.i32(0);
        };
    }

    /**
     * Java min/max: integers map directly; floats return NaN if either operand is NaN, and order
     * -0.0 below 0.0 (OpenCL's fmin/fmax may return either zero): for equal operands the result is
     * the AND (max) or OR (min) of their bits, which differ only for zeros of two signs.
     */
    private static Expr minMax(MethodTranslator t, boolean min, Scalar type, Expr a, Expr b) {
        if (!type.isFloat()) return new Expr.MathCall(min ? MathFn.MIN : MathFn.MAX, type, List.of(a, b));
        Expr x = t.reusable(a), y = t.reusable(b);
        Expr anyNan = new Expr.Logic(false, new Expr.MathCall(MathFn.ISNAN, type, List.of(x)),
                new Expr.MathCall(MathFn.ISNAN, type, List.of(y)));
        Scalar bits = type == Scalar.F32 ? Scalar.I32 : Scalar.I64;
        Expr equalBits = new Expr.Bitcast(type, new Expr.Binary(min ? BinOp.OR : BinOp.AND,
                new Expr.Bitcast(bits, x), new Expr.Bitcast(bits, y)));
        return new Expr.Select(anyNan, new Expr.Binary(BinOp.ADD, x, y),
                new Expr.Select(new Expr.Compare(CmpOp.EQ, x, y), equalBits,
                        new Expr.MathCall(min ? MathFn.FMIN : MathFn.FMAX, type, List.of(x, y))));
    }

    /** Java round: nearest integer, ties toward positive infinity, saturating, NaN to 0. */
    private static Expr round(MethodTranslator t, Scalar type, Expr a) {
        if (a instanceof Expr.Const c) return ConstantFolds.round(type, c); // PoCL mis-folded the select below for round(NaN)
        Expr x = t.reusable(a);
        Expr r = t.reusable(new Expr.MathCall(MathFn.FLOOR, type, List.of(x)));
        Expr half = type == Scalar.F32 ? Expr.Const.f32(0.5f) : Expr.Const.f64(0.5);
        Expr one = type == Scalar.F32 ? Expr.Const.f32(1f) : Expr.Const.f64(1);
        Expr up = new Expr.Compare(CmpOp.GE, new Expr.Binary(BinOp.SUB, x, r), half);
        Expr rounded = new Expr.Select(up, new Expr.Binary(BinOp.ADD, r, one), r);
        return new Expr.Convert(type == Scalar.F32 ? Scalar.I32 : Scalar.I64, rounded);
    }

    private static void kernelMath(MethodTranslator t, String name, MethodTypeDesc desc) {
        Scalar type = typeOf(desc.parameterList().getFirst());
        Expr[] a = popArgs(t, desc.parameterCount());
        MathFn fn = switch (name) {
            case "rsqrt" -> MathFn.RSQRT;
            case "mad" -> MathFn.MAD;
            case "clamp" -> MathFn.CLAMP;
            case "mix" -> MathFn.MIX;
            case "sign" -> MathFn.SIGN;
            case "degrees" -> MathFn.DEGREES;
            case "radians" -> MathFn.RADIANS;
            case "step" -> MathFn.STEP;
            case "smoothstep" -> MathFn.SMOOTHSTEP;
            case "exp2" -> MathFn.EXP2;
            case "log2" -> MathFn.LOG2;
            case "trunc" -> MathFn.TRUNC;
            default -> plainFn(name);
        };
        if (fn == null) throw t.error("KernelMath." + name + " is not supported in a kernel");
        t.push(ConstantFolds.mathCall(new Expr.MathCall(fn, type, List.of(a))));
    }

    // ---------------------------------------------------------------- bit helpers

    private static void bits(MethodTranslator t, String owner, String name, MethodTypeDesc desc) {
        String cls = owner.substring(owner.lastIndexOf('/') + 1);
        Expr[] a = popArgs(t, desc.parameterCount());
        switch (cls + "." + name) {
            case "Float.floatToRawIntBits" -> t.push(new Expr.Bitcast(Scalar.I32, a[0]));
            case "Float.intBitsToFloat" -> t.push(new Expr.Bitcast(Scalar.F32, a[0]));
            case "Double.doubleToRawLongBits" -> t.push(new Expr.Bitcast(Scalar.I64, a[0]));
            case "Double.longBitsToDouble" -> t.push(new Expr.Bitcast(Scalar.F64, a[0]));
            case "Float.floatToIntBits" -> {
                Expr x = t.reusable(a[0]);
                t.push(new Expr.Select(new Expr.MathCall(MathFn.ISNAN, Scalar.F32, List.of(x)), Expr.Const.i32(0x7fc00000),
                        new Expr.Bitcast(Scalar.I32, x)));
            }
            case "Double.doubleToLongBits" -> {
                Expr x = t.reusable(a[0]);
                t.push(new Expr.Select(new Expr.MathCall(MathFn.ISNAN, Scalar.F64, List.of(x)), Expr.Const.i64(0x7ff8000000000000L),
                        new Expr.Bitcast(Scalar.I64, x)));
            }
            case "Float.isNaN", "Double.isNaN" ->
                t.push(new Expr.Convert(Scalar.I32, new Expr.MathCall(MathFn.ISNAN, a[0].scalar(), List.of(a[0]))));
            case "Integer.bitCount", "Long.bitCount" ->
                t.push(toInt(new Expr.MathCall(MathFn.POPCOUNT, a[0].scalar(), List.of(a[0]))));
            case "Integer.numberOfLeadingZeros", "Long.numberOfLeadingZeros" ->
                t.push(toInt(new Expr.MathCall(MathFn.CLZ, a[0].scalar(), List.of(a[0]))));
            case "Integer.min", "Long.min", "Float.min", "Double.min" -> t.push(minMax(t, true, a[0].scalar(), a[0], a[1]));
            case "Integer.max", "Long.max", "Float.max", "Double.max" -> t.push(minMax(t, false, a[0].scalar(), a[0], a[1]));
            default -> throw t.error("call of " + cls + "." + name + " is not allowed in a kernel");
        }
    }

    private static Expr toInt(Expr e) {
        return e.type() == Scalar.I32 ? e : new Expr.Convert(Scalar.I32, e);
    }

    static List<Expr> list(Expr... e) {
        return new ArrayList<>(List.of(e));
    }
}
