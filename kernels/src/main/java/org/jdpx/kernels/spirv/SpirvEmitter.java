package org.jdpx.kernels.spirv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.ArrayType;
import org.jdpx.kernels.ir.AtomicOp;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Features;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.IrTypes;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Label;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.Type;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;
import org.jdpx.kernels.ir.ViewOffsets;
import org.jdpx.kernels.ir.WorkItemFn;
import org.jdpx.kernels.spirv.SpirvBuilder.StorageClass;

/**
 * Lowers an IR module to SPIR-V 1.0 for the OpenCL execution environment: Kernel capability,
 * Physical64 addressing, OpenCL memory model, OpenCL.std for math, work-item ids from BuiltIn
 * Input variables. Kernel-capability SPIR-V may use unstructured control flow, so structured
 * statements simply become labelled blocks and branches (no merge instructions); every IR
 * variable becomes a Function-storage OpVariable accessed with loads and stores.
 *
 * <p>Java semantics are reproduced explicitly because SPIR-V leaves edge cases undefined:
 * shift counts are masked, {@code MIN/-1} and division by zero are steered around with
 * selects (x/0 and x%0 give 0, as in the OpenCL C output), float-to-int conversions carry
 * SaturatedConversion and send NaN to 0, and {@code &&}/{@code ||}/{@code ?:} whose right side
 * could fault (loads, integer division) branch instead of evaluating both sides.
 */
public final class SpirvEmitter {
    private final SpirvBuilder b = new SpirvBuilder();
    private final KernelModule module;
    private final Features features;
    private int std;
    private final Map<Function, Integer> functionIds = new HashMap<>();
    private final Map<WorkItemFn, Integer> builtins = new EnumMap<>(WorkItemFn.class);
    private final Map<Var, Integer> moduleVars = new HashMap<>();

    private SpirvEmitter(KernelModule module) {
        this.module = module;
        this.features = Features.of(module);
    }

    /** Emits {@code module}; throws {@link IllegalStateException} for IR it cannot lower (a bug). */
    public static SpirvModule emit(KernelModule module) {
        SpirvEmitter e = new SpirvEmitter(module);
        e.run();
        return new SpirvModule(e.b.words(), SpirvText.print(e.b));
    }

    private void run() {
        b.capabilities.add("Addresses");
        b.capabilities.add("Kernel");
        b.capabilities.add("Int64");
        if (features.int64Atomics()) b.capabilities.add("Int64Atomics");
        std = b.newId();
        b.imports.add(new Insn(Op.OpExtInstImport, 0, std, List.of(new Insn.Operand.Str("OpenCL.std"))));
        for (Function f : module.functions()) {
            int id = b.newId();
            functionIds.put(f, id);
            b.name(id, f.name());
        }
        for (Function f : module.functions()) new FunctionLowering(f).lower();
        List<Insn.Operand> ep = new ArrayList<>();
        ep.add(Insn.en("Kernel", 6));
        ep.add(Insn.id(functionIds.get(module.kernel())));
        ep.add(new Insn.Operand.Str(module.kernel().name()));
        for (int v : builtins.values()) ep.add(Insn.id(v));
        b.entryPoints.add(new Insn(Op.OpEntryPoint, 0, 0, ep));
    }

    private int type(Type t) {
        return switch (t) {
            case Scalar s -> b.scalar(s);
            case PtrType p -> b.pointer(storage(p.space()), b.scalar(p.elem()));
            case ArrayType a -> b.array(b.scalar(a.elem()), a.length());
        };
    }

    private static StorageClass storage(AddressSpace s) {
        return switch (s) {
            case GLOBAL -> StorageClass.CrossWorkgroup;
            case LOCAL -> StorageClass.Workgroup;
            case PRIVATE -> StorageClass.Function;
        };
    }

    private int builtin(WorkItemFn fn) {
        return builtins.computeIfAbsent(fn, k -> {
            int v3 = b.vector(b.intType(64), 3);
            int ptr = b.pointer(StorageClass.Input, v3);
            int id = b.newId();
            b.globals.add(new Insn(Op.OpVariable, ptr, id, List.of(Insn.en("Input", StorageClass.Input.value))));
            b.name(id, "__spirv_BuiltIn" + k.spirvBuiltIn());
            b.decorate(id, "BuiltIn", 11, Insn.en(k.spirvBuiltIn(), k.spirvBuiltInId()));
            b.decorate(id, "Constant", 22);
            return id;
        });
    }

    /** Lowers one function; its instructions go to the functions section. */
    private final class FunctionLowering {
        private final Function fn;
        private final List<Insn> out = b.functions;
        private final Map<Var, Integer> values = new HashMap<>();
        private final Map<Var, Integer> pointers = new HashMap<>();
        private final Map<Label, Integer> breakTargets = new HashMap<>();
        private final Map<Label, Integer> continueTargets = new HashMap<>();
        private int currentLabel;
        private boolean terminated;

        FunctionLowering(Function fn) {
            this.fn = fn;
        }

        private int emit(Op op, int type, Insn.Operand... ops) {
            startBlockIfNeeded();
            int id = type == -1 ? 0 : b.newId();
            out.add(new Insn(op, type == -1 ? 0 : type, id, List.of(ops)));
            if (op.isTerminator()) terminated = true;
            return id;
        }

        private void emitVoid(Op op, Insn.Operand... ops) {
            startBlockIfNeeded();
            out.add(new Insn(op, 0, 0, List.of(ops)));
            if (op.isTerminator()) terminated = true;
        }

        private void startBlockIfNeeded() {
            if (terminated) label(b.newId());
        }

        private void label(int id) {
            out.add(new Insn(Op.OpLabel, 0, id, List.of()));
            currentLabel = id;
            terminated = false;
        }

        private void branch(int target) {
            if (!terminated) emitVoid(Op.OpBranch, Insn.id(target));
        }

        void lower() {
            Set<Var> assigned = new HashSet<>();
            Features.forEachStmt(fn.body(), s -> {
                if (s instanceof Stmt.Assign a) assigned.add(a.var());
            }, e -> { });
            List<Integer> paramTypes = new ArrayList<>();
            for (Param p : fn.params()) paramTypes.add(type(p.var().type()));
            int ret = fn.returnType() == null ? b.voidType() : b.scalar(fn.returnType());
            int fnType = b.function(ret, paramTypes);
            out.add(new Insn(Op.OpFunction, ret, functionIds.get(fn), List.of(Insn.en("None", 0), Insn.id(fnType))));
            for (Param p : fn.params()) {
                int id = b.newId();
                out.add(new Insn(Op.OpFunctionParameter, type(p.var().type()), id, List.of()));
                b.name(id, p.var().name());
                values.put(p.var(), id);
            }
            label(b.newId());
            // every variable lives in memory; OpVariable must open the first block
            for (Param p : fn.params()) {
                if (assigned.contains(p.var())) {
                    int ptr = localVariable(p.var(), p.var().type());
                    pointers.put(p.var(), ptr);
                }
            }
            for (Var v : fn.locals()) {
                if (v.type() instanceof ArrayType a && a.space() == AddressSpace.LOCAL) {
                    int id = moduleVars.computeIfAbsent(v, k -> {
                        int nid = b.newId();
                        b.globals.add(new Insn(Op.OpVariable, b.pointer(StorageClass.Workgroup, type(a)), nid,
                                List.of(Insn.en("Workgroup", StorageClass.Workgroup.value))));
                        b.name(nid, v.name());
                        return nid;
                    });
                    pointers.put(v, id);
                } else {
                    pointers.put(v, localVariable(v, v.type()));
                }
            }
            for (Param p : fn.params()) {
                if (pointers.containsKey(p.var())) emitVoid(Op.OpStore, Insn.id(pointers.get(p.var())), Insn.id(values.get(p.var())));
            }
            // a view starting inside its allocation: move its pointer to the first element
            for (var e : ViewOffsets.of(fn).entrySet()) {
                Var view = e.getKey();
                int moved = emit(Op.OpPtrAccessChain, type(view.type()), Insn.id(read(view)), Insn.id(read(e.getValue())));
                if (pointers.containsKey(view)) emitVoid(Op.OpStore, Insn.id(pointers.get(view)), Insn.id(moved));
                else values.put(view, moved);
            }
            stmts(fn.body());
            if (!terminated) {
                if (fn.returnType() == null) emitVoid(Op.OpReturn);
                else emitVoid(Op.OpUnreachable);
            }
            out.add(new Insn(Op.OpFunctionEnd, 0, 0, List.of()));
        }

        private int localVariable(Var v, Type t) {
            int id = b.newId();
            out.add(new Insn(Op.OpVariable, b.pointer(StorageClass.Function, type(t)), id, List.of(Insn.en("Function", StorageClass.Function.value))));
            b.name(id, v.name());
            return id;
        }

        // ------------------------------------------------------------ statements

        private void stmts(List<Stmt> list) {
            for (Stmt s : list) stmt(s);
        }

        private void stmt(Stmt s) {
            switch (s) {
                case Stmt.Assign a -> {
                    int v = value(a.value());
                    emitVoid(Op.OpStore, Insn.id(pointers.get(a.var())), Insn.id(v));
                }
                case Stmt.Store st -> {
                    int v = value(st.value());
                    int p = element(st.base(), st.index());
                    emitVoid(Op.OpStore, Insn.id(p), Insn.id(v));
                }
                case Stmt.Eval e -> value(e.expr());
                case Stmt.If i -> {
                    int c = value(i.cond());
                    int lt = b.newId(), le = b.newId(), end = b.newId();
                    emitVoid(Op.OpBranchConditional, Insn.id(c), Insn.id(lt), Insn.id(i.otherwise().isEmpty() ? end : le));
                    label(lt);
                    stmts(i.then());
                    branch(end);
                    if (!i.otherwise().isEmpty()) {
                        label(le);
                        stmts(i.otherwise());
                        branch(end);
                    }
                    label(end);
                }
                case Stmt.Loop l -> {
                    int head = b.newId(), body = b.newId(), cont = b.newId(), exit = b.newId();
                    breakTargets.put(l.label(), exit);
                    continueTargets.put(l.label(), cont);
                    branch(head);
                    label(head);
                    if (l.cond() != null) {
                        int c = value(l.cond());
                        emitVoid(Op.OpBranchConditional, Insn.id(c), Insn.id(body), Insn.id(exit));
                    } else {
                        branch(body);
                    }
                    label(body);
                    stmts(l.body());
                    branch(cont);
                    label(cont);
                    stmts(l.update());
                    branch(head);
                    label(exit);
                }
                case Stmt.Block bl -> {
                    int end = b.newId();
                    breakTargets.put(bl.label(), end);
                    stmts(bl.body());
                    branch(end);
                    label(end);
                }
                case Stmt.Break br -> branch(breakTargets.get(br.target()));
                case Stmt.Continue c -> branch(continueTargets.get(c.target()));
                case Stmt.Return r -> {
                    if (r.value() == null) emitVoid(Op.OpReturn);
                    else emitVoid(Op.OpReturnValue, Insn.id(value(r.value())));
                }
                case Stmt.Barrier br -> emitVoid(Op.OpControlBarrier, Insn.id(b.constant(Scalar.I32, 2)), Insn.id(b.constant(Scalar.I32, 2)),
                        Insn.id(b.constant(Scalar.I32, br.global() ? 0x310 : 0x110)));
                case Stmt.Switch w -> {
                    int sel = value(w.selector());
                    int end = b.newId(), dflt = b.newId();
                    List<Insn.Operand> ops = new ArrayList<>(List.of(Insn.id(sel), Insn.id(dflt)));
                    List<Integer> caseLabels = new ArrayList<>();
                    for (Stmt.Case c : w.cases()) {
                        int l = b.newId();
                        caseLabels.add(l);
                        for (int v : c.values()) {
                            ops.add(Insn.lit(v));
                            ops.add(Insn.id(l));
                        }
                    }
                    emitVoid(Op.OpSwitch, ops.toArray(Insn.Operand[]::new));
                    for (int k = 0; k < w.cases().size(); k++) {
                        label(caseLabels.get(k));
                        stmts(w.cases().get(k).body());
                        branch(end);
                    }
                    label(dflt);
                    stmts(w.otherwise());
                    branch(end);
                    label(end);
                }
            }
        }

        // ------------------------------------------------------------ expressions

        private int constI32(int v) {
            return b.constant(Scalar.I32, v);
        }

        private int value(Expr e) {
            return switch (e) {
                case Expr.Const c -> b.constant(c.type(), c.bits());
                case Expr.Read r -> read(r.var());
                case Expr.Unary u -> {
                    int x = value(u.operand());
                    if (u.op() == UnOp.NOT) yield emit(Op.OpLogicalNot, b.boolType(), Insn.id(x));
                    yield emit(u.scalar().isFloat() ? Op.OpFNegate : Op.OpSNegate, type(u.type()), Insn.id(x));
                }
                case Expr.Binary bin -> binary(bin);
                case Expr.Compare c -> compare(c);
                case Expr.Logic l -> logic(l);
                case Expr.Convert c -> convert(c.to(), c.operand());
                case Expr.Bitcast c -> emit(Op.OpBitcast, b.scalar(c.to()), Insn.id(value(c.operand())));
                case Expr.Select s -> select(s);
                case Expr.Load l -> {
                    int p = element(l.base(), l.index());
                    yield emit(Op.OpLoad, b.scalar(l.scalar()), Insn.id(p));
                }
                case Expr.Call c -> call(c);
                case Expr.MathCall m -> math(m);
                case Expr.WorkItem w -> {
                    int v3 = b.vector(b.intType(64), 3);
                    int vec = emit(Op.OpLoad, v3, Insn.id(builtin(w.fn())));
                    int x = emit(Op.OpCompositeExtract, b.intType(64), Insn.id(vec), Insn.lit(w.dim()));
                    yield emit(Op.OpUConvert, b.intType(32), Insn.id(x));
                }
                case Expr.Atomic a -> atomic(a);
            };
        }

        private int read(Var v) {
            Integer ptr = pointers.get(v);
            if (ptr == null) return values.get(v);
            if (v.type() instanceof ArrayType) throw new IllegalStateException("array " + v + " used as a value");
            return emit(Op.OpLoad, type(v.type()), Insn.id(ptr));
        }

        /** Pointer to element {@code index} of a pointer or array base. */
        private int element(Expr base, Expr index) {
            Scalar elem = IrTypes.elementOf(base.type());
            AddressSpace space = IrTypes.spaceOf(base.type());
            int ptrType = b.pointer(storage(space), b.scalar(elem));
            int idx = value(index);
            if (index.scalar() != Scalar.I64) idx = emit(Op.OpSConvert, b.intType(64), Insn.id(idx));
            if (base instanceof Expr.Read r && r.var().type() instanceof ArrayType) {
                return emit(Op.OpAccessChain, ptrType, Insn.id(pointers.get(r.var())), Insn.id(idx));
            }
            return emit(Op.OpPtrAccessChain, ptrType, Insn.id(value(base)), Insn.id(idx));
        }

        private int binary(Expr.Binary bin) {
            Scalar t = bin.scalar();
            int ty = b.scalar(t);
            int l = value(bin.left());
            int r = value(bin.right());
            if (t.isFloat()) {
                return switch (bin.op()) {
                    case ADD -> emit(Op.OpFAdd, ty, Insn.id(l), Insn.id(r));
                    case SUB -> emit(Op.OpFSub, ty, Insn.id(l), Insn.id(r));
                    case MUL -> emit(Op.OpFMul, ty, Insn.id(l), Insn.id(r));
                    case DIV -> emit(Op.OpFDiv, ty, Insn.id(l), Insn.id(r));
                    case REM -> emit(Op.OpExtInst, ty, Insn.id(std), Insn.lit(MathFn.FMOD.floatOpcode()), Insn.id(l), Insn.id(r));
                    default -> throw new IllegalStateException(bin.op() + " on " + t);
                };
            }
            return switch (bin.op()) {
                case ADD -> emit(Op.OpIAdd, ty, Insn.id(l), Insn.id(r));
                case SUB -> emit(Op.OpISub, ty, Insn.id(l), Insn.id(r));
                case MUL -> emit(Op.OpIMul, ty, Insn.id(l), Insn.id(r));
                case AND -> emit(Op.OpBitwiseAnd, ty, Insn.id(l), Insn.id(r));
                case OR -> emit(Op.OpBitwiseOr, ty, Insn.id(l), Insn.id(r));
                case XOR -> emit(Op.OpBitwiseXor, ty, Insn.id(l), Insn.id(r));
                case SHL, SHR, USHR -> {
                    int count = emit(Op.OpBitwiseAnd, b.intType(32), Insn.id(r), Insn.id(constI32(t.bits() - 1)));
                    Op op = bin.op() == BinOp.SHL ? Op.OpShiftLeftLogical : bin.op() == BinOp.SHR ? Op.OpShiftRightArithmetic : Op.OpShiftRightLogical;
                    yield emit(op, ty, Insn.id(l), Insn.id(count));
                }
                case DIV, REM -> {
                    // Java: x / -1 == -x (wrapping), x % -1 == 0; devices: x / 0 == x % 0 == 0
                    int zero = b.constant(t, 0), minusOne = b.constant(t, -1), one = b.constant(t, 1);
                    int isZero = emit(Op.OpIEqual, b.boolType(), Insn.id(r), Insn.id(zero));
                    int isM1 = emit(Op.OpIEqual, b.boolType(), Insn.id(r), Insn.id(minusOne));
                    int special = emit(Op.OpLogicalOr, b.boolType(), Insn.id(isZero), Insn.id(isM1));
                    int safe = emit(Op.OpSelect, ty, Insn.id(special), Insn.id(one), Insn.id(r));
                    if (bin.op() == BinOp.DIV) {
                        int q = emit(Op.OpSDiv, ty, Insn.id(l), Insn.id(safe));
                        int neg = emit(Op.OpSNegate, ty, Insn.id(l));
                        int m1 = emit(Op.OpSelect, ty, Insn.id(isM1), Insn.id(neg), Insn.id(q));
                        yield emit(Op.OpSelect, ty, Insn.id(isZero), Insn.id(zero), Insn.id(m1));
                    }
                    int rem = emit(Op.OpSRem, ty, Insn.id(l), Insn.id(safe));
                    yield emit(Op.OpSelect, ty, Insn.id(special), Insn.id(zero), Insn.id(rem));
                }
            };
        }

        private int compare(Expr.Compare c) {
            Scalar t = c.left().scalar();
            int l = value(c.left()), r = value(c.right());
            Op op;
            if (t == Scalar.BOOL) {
                op = switch (c.op()) {
                    case EQ -> Op.OpLogicalEqual;
                    case NE -> Op.OpLogicalNotEqual;
                    default -> throw new IllegalStateException("ordering of conditions");
                };
            } else if (t.isFloat()) {
                op = switch (c.op()) {
                    case EQ -> Op.OpFOrdEqual;
                    case NE -> Op.OpFUnordNotEqual;
                    case LT -> Op.OpFOrdLessThan;
                    case LE -> Op.OpFOrdLessThanEqual;
                    case GT -> Op.OpFOrdGreaterThan;
                    case GE -> Op.OpFOrdGreaterThanEqual;
                };
            } else {
                op = switch (c.op()) {
                    case EQ -> Op.OpIEqual;
                    case NE -> Op.OpINotEqual;
                    case LT -> Op.OpSLessThan;
                    case LE -> Op.OpSLessThanEqual;
                    case GT -> Op.OpSGreaterThan;
                    case GE -> Op.OpSGreaterThanEqual;
                };
            }
            return emit(op, b.boolType(), Insn.id(l), Insn.id(r));
        }

        private static boolean speculatable(Expr e) {
            boolean[] bad = {false};
            Features.expr(e, x -> {
                if (x instanceof Expr.Load || x instanceof Expr.Call || x instanceof Expr.Atomic) bad[0] = true;
            });
            return !bad[0];
        }

        private int logic(Expr.Logic l) {
            int a = value(l.left());
            if (speculatable(l.right())) {
                int r = value(l.right());
                return emit(l.and() ? Op.OpLogicalAnd : Op.OpLogicalOr, b.boolType(), Insn.id(a), Insn.id(r));
            }
            int from = currentLabel, rhs = b.newId(), merge = b.newId();
            emitVoid(Op.OpBranchConditional, Insn.id(a), Insn.id(l.and() ? rhs : merge), Insn.id(l.and() ? merge : rhs));
            label(rhs);
            int r = value(l.right());
            int rhsEnd = currentLabel;
            branch(merge);
            label(merge);
            return emit(Op.OpPhi, b.boolType(), Insn.id(a), Insn.id(from), Insn.id(r), Insn.id(rhsEnd));
        }

        private int select(Expr.Select s) {
            int c = value(s.cond());
            int ty = type(s.type());
            if (speculatable(s.ifTrue()) && speculatable(s.ifFalse())) {
                int x = value(s.ifTrue()), y = value(s.ifFalse());
                return emit(Op.OpSelect, ty, Insn.id(c), Insn.id(x), Insn.id(y));
            }
            int lt = b.newId(), lf = b.newId(), merge = b.newId();
            emitVoid(Op.OpBranchConditional, Insn.id(c), Insn.id(lt), Insn.id(lf));
            label(lt);
            int x = value(s.ifTrue());
            int xEnd = currentLabel;
            branch(merge);
            label(lf);
            int y = value(s.ifFalse());
            int yEnd = currentLabel;
            branch(merge);
            label(merge);
            return emit(Op.OpPhi, ty, Insn.id(x), Insn.id(xEnd), Insn.id(y), Insn.id(yEnd));
        }

        private int convert(Scalar to, Expr operand) {
            Scalar from = operand.scalar();
            int x = value(operand);
            int ty = b.scalar(to);
            if (from == to) return x;
            if (from == Scalar.BOOL) return emit(Op.OpSelect, ty, Insn.id(x), Insn.id(b.constant(to, 1)), Insn.id(b.constant(to, 0)));
            if (to.isFloat()) {
                if (from.isFloat()) return emit(Op.OpFConvert, ty, Insn.id(x));
                int wide = from.bits() < 32 ? emit(Op.OpSConvert, b.intType(32), Insn.id(x)) : x;
                if (from == Scalar.U16) wide = emit(Op.OpUConvert, b.intType(32), Insn.id(x));
                return emit(Op.OpConvertSToF, ty, Insn.id(wide));
            }
            if (from.isFloat()) {
                Scalar wide = to == Scalar.I64 ? Scalar.I64 : Scalar.I32;
                int conv = emit(Op.OpConvertFToS, b.scalar(wide), Insn.id(x));
                b.decorate(conv, "SaturatedConversion", 28);
                int nan = emit(Op.OpIsNan, b.boolType(), Insn.id(x));
                int r = emit(Op.OpSelect, b.scalar(wide), Insn.id(nan), Insn.id(b.constant(wide, 0)), Insn.id(conv));
                return wide == to ? r : emit(Op.OpUConvert, ty, Insn.id(r));
            }
            if (to.bits() > from.bits()) return emit(from == Scalar.U16 ? Op.OpUConvert : Op.OpSConvert, ty, Insn.id(x));
            if (to.bits() == from.bits()) return x; // I16 <-> U16 share one SPIR-V type
            return emit(Op.OpUConvert, ty, Insn.id(x));
        }

        private int call(Expr.Call c) {
            List<Insn.Operand> ops = new ArrayList<>();
            ops.add(Insn.id(functionIds.get(c.function())));
            for (Expr a : c.args()) {
                if (a instanceof Expr.Read r && r.var().type() instanceof ArrayType at) {
                    int ptrType = b.pointer(storage(at.space()), b.scalar(at.elem()));
                    ops.add(Insn.id(emit(Op.OpAccessChain, ptrType, Insn.id(pointers.get(r.var())), Insn.id(b.constant(Scalar.I64, 0)))));
                } else {
                    ops.add(Insn.id(value(a)));
                }
            }
            int ret = c.function().returnType() == null ? b.voidType() : b.scalar(c.function().returnType());
            return emit(Op.OpFunctionCall, ret, ops.toArray(Insn.Operand[]::new));
        }

        private int math(Expr.MathCall m) {
            List<Integer> args = new ArrayList<>();
            for (Expr a : m.args()) args.add(value(a));
            if (m.fn() == MathFn.ISNAN) return emit(Op.OpIsNan, b.boolType(), Insn.id(args.getFirst()));
            Scalar t = m.operandType();
            int opcode = t.isFloat() ? m.fn().floatOpcode() : m.fn().intOpcode();
            if (opcode < 0) throw new IllegalStateException(m.fn() + " has no " + t + " form");
            List<Insn.Operand> ops = new ArrayList<>(List.of(Insn.id(std), new Insn.Operand.Lit(opcode, extName(m.fn(), t))));
            for (int a : args) ops.add(Insn.id(a));
            return emit(Op.OpExtInst, b.scalar(t), ops.toArray(Insn.Operand[]::new));
        }

        private static String extName(MathFn fn, Scalar t) {
            if (fn == MathFn.CLAMP) return t.isFloat() ? "fclamp" : "s_clamp";
            if (fn == MathFn.MIN) return "s_min";
            if (fn == MathFn.MAX) return "s_max";
            return fn.clName();
        }

        private int atomic(Expr.Atomic a) {
            Scalar t = a.scalar();
            AddressSpace space = IrTypes.spaceOf(a.base().type());
            int ptr = element(a.base(), a.index());
            int scope = constI32(space == AddressSpace.LOCAL ? 2 : 1);
            int sem = constI32(0);
            List<Integer> ops = new ArrayList<>();
            for (Expr x : a.operands()) ops.add(value(x));
            int ty = b.scalar(t);
            if (t.isFloat()) return floatAdd(t, space, ptr, scope, sem, ops.getFirst());
            Op op = switch (a.op()) {
                case ADD -> Op.OpAtomicIAdd;
                case SUB -> Op.OpAtomicISub;
                case MIN -> Op.OpAtomicSMin;
                case MAX -> Op.OpAtomicSMax;
                case AND -> Op.OpAtomicAnd;
                case OR -> Op.OpAtomicOr;
                case XOR -> Op.OpAtomicXor;
                case XCHG -> Op.OpAtomicExchange;
                case CMPXCHG -> Op.OpAtomicCompareExchange;
            };
            if (a.op() == AtomicOp.CMPXCHG) {
                return emit(op, ty, Insn.id(ptr), Insn.id(scope), Insn.id(sem), Insn.id(sem), Insn.id(ops.get(1)), Insn.id(ops.get(0)));
            }
            return emit(op, ty, Insn.id(ptr), Insn.id(scope), Insn.id(sem), Insn.id(ops.getFirst()));
        }

        /** Float add as a compare-and-swap loop on the raw bits; yields the old value. */
        private int floatAdd(Scalar t, AddressSpace space, int ptr, int scope, int sem, int v) {
            int it = b.intType(t.bits()), ft = b.scalar(t);
            int iptr = emit(Op.OpBitcast, b.pointer(storage(space), it), Insn.id(ptr));
            int first = emit(Op.OpAtomicLoad, it, Insn.id(iptr), Insn.id(scope), Insn.id(sem));
            int pre = currentLabel, loop = b.newId(), done = b.newId();
            branch(loop);
            label(loop);
            int old = b.newId(), seen = b.newId();
            out.add(new Insn(Op.OpPhi, it, old, List.of(Insn.id(first), Insn.id(pre), Insn.id(seen), Insn.id(loop))));
            int f = emit(Op.OpBitcast, ft, Insn.id(old));
            int sum = emit(Op.OpFAdd, ft, Insn.id(f), Insn.id(v));
            int bits = emit(Op.OpBitcast, it, Insn.id(sum));
            out.add(new Insn(Op.OpAtomicCompareExchange, it, seen, List.of(Insn.id(iptr), Insn.id(scope), Insn.id(sem), Insn.id(sem),
                    Insn.id(bits), Insn.id(old))));
            int eq = emit(Op.OpIEqual, b.boolType(), Insn.id(seen), Insn.id(old));
            emitVoid(Op.OpBranchConditional, Insn.id(eq), Insn.id(done), Insn.id(loop));
            label(done);
            return emit(Op.OpBitcast, ft, Insn.id(old));
        }
    }

}
