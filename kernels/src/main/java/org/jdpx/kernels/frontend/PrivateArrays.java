package org.jdpx.kernels.frontend;

import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.StoreInstruction;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Var;

/**
 * {@code new T[n]} in a kernel for {@link MethodTranslator}: a private array of a compile-time
 * constant size, named after the local it is stored into and zero-filled where it is allocated,
 * as Java does.
 */
final class PrivateArrays {
    private PrivateArrays() {
    }

    static void allocate(MethodTranslator t, TypeKind kind) {
        Expr size = t.pop();
        if (!(size instanceof Expr.Const c)) {
            throw t.error("private array 'new " + kind.name().toLowerCase() + "[...]' needs a compile-time constant size (non-constant array size)");
        }
        int n = (int) c.bits();
        if (n < 1 || n > 65536) throw t.error("private array size " + n + " is out of range 1..65536");
        Scalar elem = switch (kind) {
            case BOOLEAN, BYTE -> Scalar.I8;
            case SHORT -> Scalar.I16;
            case CHAR -> Scalar.U16;
            case INT -> Scalar.I32;
            case LONG -> Scalar.I64;
            case FLOAT -> Scalar.F32;
            case DOUBLE -> Scalar.F64;
            default -> throw t.error("array of " + kind);
        };
        String name = "arr";
        if (t.index + 1 < t.code.insns.size() && t.code.insns.get(t.index + 1).insn() instanceof StoreInstruction st
                && st.typeKind() == TypeKind.REFERENCE) {
            String n2 = t.code.nameAt(st.slot(), t.index + 2, '[');
            if (n2 != null) name = n2;
        }
        Var arr = t.newLocal(name, new ArrayType(elem, n, AddressSpace.PRIVATE));
        // Java zero-fills new arrays; do the same where the allocation runs
        Var z = t.newTemp("z", Scalar.I32);
        t.out.add(new Stmt.Assign(z, Expr.Const.i32(0)));
        Expr zero = switch (elem) {
            case F32 -> Expr.Const.f32(0);
            case F64 -> Expr.Const.f64(0);
            case I64 -> Expr.Const.i64(0);
            case I32 -> Expr.Const.i32(0);
            default -> new Expr.Convert(elem, Expr.Const.i32(0));
        };
        List<Stmt> body = new ArrayList<>(List.of(new Stmt.Store(new Expr.Read(arr), new Expr.Read(z), zero)));
        List<Stmt> upd = new ArrayList<>(List.of(new Stmt.Assign(z, new Expr.Binary(BinOp.ADD, new Expr.Read(z), Expr.Const.i32(1)))));
        t.out.add(new Stmt.Loop(new Label("zero"), new Expr.Compare(CmpOp.LT, new Expr.Read(z), Expr.Const.i32(n)), body, upd));
        t.pushRef(new SVal.Arr(new Expr.Read(arr), elem, AddressSpace.PRIVATE, n));
    }
}
