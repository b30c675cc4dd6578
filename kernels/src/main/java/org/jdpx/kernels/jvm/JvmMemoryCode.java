package org.jdpx.kernels.jvm;

import static org.jdpx.kernels.jvm.JvmTypes.kind;
import static org.jdpx.kernels.jvm.JvmTypes.layoutDesc;
import static org.jdpx.kernels.jvm.JvmTypes.memoryKind;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.Map;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;

/**
 * Element accesses for {@link JvmFunctionCode}: a view (global pointer) is a {@code MemorySegment}
 * read and written through its element layout at its element offset plus the index; local and
 * private memory are Java arrays; atomics go through {@link JvmAtomics}.
 */
final class JvmMemoryCode {
    private static final ClassDesc CD_RUNTIME = ClassDesc.of(JvmRuntime.class.getName());
    private static final ClassDesc CD_ATOMICS = ClassDesc.of(JvmAtomics.class.getName());

    private final JvmFunctionCode f;
    private final CodeBuilder code;
    private final Map<Var, Integer> slots;
    private final Map<Var, Integer> offsets;

    JvmMemoryCode(JvmFunctionCode f, CodeBuilder code, Map<Var, Integer> slots, Map<Var, Integer> offsets) {
        this.f = f;
        this.code = code;
        this.slots = slots;
        this.offsets = offsets;
    }

    Var baseVar(Expr base) {
        if (base instanceof Expr.Read r && slots.containsKey(r.var())) return r.var();
        throw new IllegalArgumentException("memory access through " + base + " in " + f.name() + "; expected a pointer or array variable");
    }

    /** Pushes what an element access needs before the value: segment, layout and element index, or array and int index. */
    private boolean address(Expr base, Expr index, boolean withLayout) {
        Var v = baseVar(base);
        code.aload(slots.get(v));
        if (offsets.containsKey(v)) {
            if (withLayout) layout(v);
            code.lload(offsets.get(v));
            f.expr(index);
            if (index.scalar() != Scalar.I64) code.i2l();
            code.ladd();
            return true;
        }
        f.expr(index);
        if (index.scalar() == Scalar.I64) code.l2i();
        return false;
    }

    private void layout(Var v) {
        Scalar elem = ((PtrType) v.type()).elem();
        code.getstatic(CD_RUNTIME, elem.name(), layoutDesc(elem));
    }

    void load(Expr base, Expr index) {
        Scalar elem = org.jdpx.kernels.ir.IrTypes.elementOf(base.type());
        if (address(base, index, true)) {
            code.invokeinterface(JvmEmitter.CD_SEGMENT, "getAtIndex",
                    MethodTypeDesc.of(memoryKind(elem).upperBound(), layoutDesc(elem), ConstantDescs.CD_long));
        } else {
            code.arrayLoad(memoryKind(elem));
        }
    }

    void store(Expr base, Expr index, Expr value) {
        Scalar elem = org.jdpx.kernels.ir.IrTypes.elementOf(base.type());
        boolean segment = address(base, index, true);
        f.expr(value);
        if (segment) {
            code.invokeinterface(JvmEmitter.CD_SEGMENT, "setAtIndex", MethodTypeDesc.of(ConstantDescs.CD_void,
                    layoutDesc(elem), ConstantDescs.CD_long, memoryKind(elem).upperBound()));
        } else {
            code.arrayStore(memoryKind(elem));
        }
    }

    void atomic(Expr.Atomic a) {
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
            f.expr(a.operands().getFirst());
            code.invokestatic(CD_ATOMICS, name, MethodTypeDesc.of(value, target, index, value));
            return;
        }
        code.loadConstant(a.op().ordinal());
        f.expr(a.operands().getFirst());
        if (a.operands().size() > 1) f.expr(a.operands().get(1));
        else f.zero(t);
        code.invokestatic(CD_ATOMICS, name, MethodTypeDesc.of(value, target, index, ConstantDescs.CD_int, value, value));
    }
}
