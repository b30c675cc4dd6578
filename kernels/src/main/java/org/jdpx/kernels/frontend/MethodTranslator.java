package org.jdpx.kernels.frontend;

import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ArrayLoadInstruction;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.DiscontinuedInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.classfile.instruction.NewMultiArrayInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.NopInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.classfile.instruction.ThrowInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jdpx.kernels.ir.BinOp;
import org.jdpx.kernels.ir.CmpOp;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Stmt;
import org.jdpx.kernels.ir.UnOp;
import org.jdpx.kernels.ir.Var;

/**
 * Translates one method's bytecode into the body of an IR {@link Function}: splits it into
 * basic blocks, interprets each block's operand stack abstractly (building expression
 * trees, with values that must outlive a statement stored in temporaries), types every JVM
 * local slot per use (a slot holding an int and later a float becomes two variables), then
 * hands the block graph to the {@link Structurizer} and {@link Cleanup}.
 *
 * <p>Evaluation order is Java's: a statement with side effects first copies any pending
 * stack value it could change into a temporary.
 */
final class MethodTranslator {
    final Frontend frontend;
    final MethodCode code;
    final Function fn;
    final boolean isKernel;
    final Set<Var> temps = new HashSet<>();
    /** Temporaries that carry operand-stack values across block boundaries. */
    private final Set<Var> stackTemps = new HashSet<>();
    private final Map<String, Var> scalarLocals = new HashMap<>();
    private final Map<Integer, SVal> initialRefs;
    private final Map<String, Integer> nameUse = new HashMap<>();

    // per-block interpretation state
    List<SVal> stack;
    Map<Integer, SVal> refs;
    List<Stmt> out;
    int line;
    int index;
    private IrBlock current;

    private final List<Bb> blocks = new ArrayList<>();
    private Bb[] blockAt;

    private static final class Bb {
        final int start;
        int end;
        final IrBlock ir;
        List<SVal> entryStack;
        Map<Integer, SVal> entryRefs;

        Bb(int start, int id) {
            this.start = start;
            this.ir = new IrBlock(id);
        }
    }

    MethodTranslator(Frontend frontend, MethodCode code, Function fn, boolean isKernel,
                     Map<Integer, Var> scalarParams, Map<Integer, SVal> refParams) {
        this.frontend = frontend;
        this.code = code;
        this.fn = fn;
        this.isKernel = isKernel;
        this.initialRefs = new HashMap<>(refParams);
        for (var e : scalarParams.entrySet()) {
            scalarLocals.put(e.getKey() + ":" + e.getValue().scalar(), e.getValue());
            nameUse.merge(e.getValue().name(), 1, Integer::sum);
        }
    }

    // ---------------------------------------------------------------- driver

    void translate() {
        var insns = code.insns;
        if (code.hasExceptionHandlers) {
            // javac guards synchronized blocks with a handler too: report the monitor, not the handler
            for (var mi : code.insns) {
                if (mi.insn() instanceof MonitorInstruction m) {
                    throw frontend.error(code, mi.line(), "synchronized blocks (" + m.opcode().name().toLowerCase() + ") are not allowed in a kernel");
                }
            }
            throw frontend.error(code, code.handlerLine, "exception handling (try/catch/finally) is not allowed in a kernel");
        }
        int n = insns.size();
        boolean[] leader = new boolean[n + 1];
        leader[0] = true;
        for (int i = 0; i < n; i++) {
            Instruction ins = insns.get(i).insn();
            switch (ins) {
                case BranchInstruction b -> {
                    leader[code.indexOf(b.target())] = true;
                    leader[i + 1] = true;
                }
                case TableSwitchInstruction t -> {
                    leader[code.indexOf(t.defaultTarget())] = true;
                    for (SwitchCase c : t.cases()) leader[code.indexOf(c.target())] = true;
                    leader[i + 1] = true;
                }
                case LookupSwitchInstruction t -> {
                    leader[code.indexOf(t.defaultTarget())] = true;
                    for (SwitchCase c : t.cases()) leader[code.indexOf(c.target())] = true;
                    leader[i + 1] = true;
                }
                case ReturnInstruction r -> leader[i + 1] = true;
                case ThrowInstruction t -> leader[i + 1] = true;
                default -> { }
            }
        }
        blockAt = new Bb[n];
        Bb cur = null;
        for (int i = 0; i < n; i++) {
            if (leader[i]) {
                cur = new Bb(i, blocks.size());
                blocks.add(cur);
            }
            cur.end = i + 1;
            blockAt[i] = cur;
        }
        Bb entry = blocks.getFirst();
        entry.entryStack = List.of();
        entry.entryRefs = new HashMap<>(initialRefs);
        for (Bb b : reversePostorder(entry)) {
            if (b.entryStack == null) continue;
            interpret(b);
        }
        IrBlock start = entry.ir;
        ConditionMerger.merge(start);
        Cfg cfg;
        try {
            cfg = new Cfg(start);
        } catch (Cfg.IrreducibleException e) {
            throw frontend.error(code, code.firstLine, "irreducible control flow is not supported in a kernel");
        }
        List<Stmt> body = Structurizer.structure(cfg);
        fn.setBody(Cleanup.run(body, temps, fn.returnType() == null));
    }

    private List<Bb> reversePostorder(Bb entry) {
        List<Bb> post = new ArrayList<>();
        Set<Bb> seen = new HashSet<>();
        Map<Bb, Integer> next = new HashMap<>();
        List<Bb> st = new ArrayList<>();
        st.add(entry);
        seen.add(entry);
        while (!st.isEmpty()) {
            Bb top = st.getLast();
            List<Bb> succ = successors(top);
            int i = next.getOrDefault(top, 0);
            if (i < succ.size()) {
                next.put(top, i + 1);
                if (seen.add(succ.get(i))) st.add(succ.get(i));
            } else {
                st.removeLast();
                post.add(top);
            }
        }
        return post.reversed();
    }

    private List<Bb> successors(Bb b) {
        Instruction last = code.insns.get(b.end - 1).insn();
        List<Bb> s = new ArrayList<>();
        switch (last) {
            case BranchInstruction br -> {
                s.add(blockAt[code.indexOf(br.target())]);
                if (br.opcode() != Opcode.GOTO && br.opcode() != Opcode.GOTO_W) s.add(blockAt[b.end]);
            }
            case TableSwitchInstruction t -> {
                for (SwitchCase c : t.cases()) s.add(blockAt[code.indexOf(c.target())]);
                s.add(blockAt[code.indexOf(t.defaultTarget())]);
            }
            case LookupSwitchInstruction t -> {
                for (SwitchCase c : t.cases()) s.add(blockAt[code.indexOf(c.target())]);
                s.add(blockAt[code.indexOf(t.defaultTarget())]);
            }
            case ReturnInstruction r -> { }
            case ThrowInstruction t -> { }
            default -> {
                if (b.end < blockAt.length) s.add(blockAt[b.end]);
            }
        }
        return s;
    }

    private void interpret(Bb b) {
        stack = new ArrayList<>(b.entryStack);
        refs = new HashMap<>(b.entryRefs);
        current = b.ir;
        out = current.stmts;
        for (index = b.start; index < b.end; index++) {
            var mi = code.insns.get(index);
            line = mi.line();
            step(mi.insn());
        }
        if (current.term == null) {
            if (b.end >= blockAt.length) throw error("control reaches the end of the method without a return");
            Bb next = blockAt[b.end];
            flowTo(next);
            current.term = new IrBlock.Term.Goto(next.ir);
        }
    }

    /** Passes the stack and reference slots to a successor, through its entry temporaries. */
    private void flowTo(Bb target) {
        if (target.entryStack == null) {
            List<SVal> entryStack = new ArrayList<>();
            for (SVal v : stack) {
                if (v instanceof SVal.Cmp3 c) v = new SVal.Val(cmp3ToExpr(c));
                if (v instanceof SVal.Val val && val.expr() instanceof Expr.Read r && stackTemps.contains(r.var())) {
                    entryStack.add(v); // already a block-crossing temporary: pass it on as it is
                } else if (v instanceof SVal.Val val) {
                    Var t = newTemp("t", val.expr().scalar());
                    stackTemps.add(t);
                    out.add(new Stmt.Assign(t, val.expr()));
                    entryStack.add(new SVal.Val(new Expr.Read(t)));
                } else {
                    entryStack.add(v);
                }
            }
            target.entryStack = entryStack;
            target.entryRefs = new HashMap<>(refs);
            return;
        }
        if (target.entryStack.size() != stack.size()) throw error("operand stack shapes differ at a branch target");
        for (int i = 0; i < stack.size(); i++) {
            SVal v = stack.get(i);
            if (v instanceof SVal.Cmp3 c) v = new SVal.Val(cmp3ToExpr(c));
            SVal want = target.entryStack.get(i);
            if (v instanceof SVal.Val val && want instanceof SVal.Val w && w.expr() instanceof Expr.Read r) {
                if (r.var().type() != val.expr().type()) throw error("values of different types meet at a branch target");
                if (!(val.expr() instanceof Expr.Read same && same.var() == r.var())) out.add(new Stmt.Assign(r.var(), val.expr()));
            } else if (!sameRef(v, want)) {
                throw error("a reference that differs between branches (conditional choice of arrays) is not allowed in a kernel");
            }
        }
        if (target.ir.rpo >= 0 || target.entryRefs != null) {
            for (var e : new ArrayList<>(target.entryRefs.entrySet())) {
                SVal mine = refs.get(e.getKey());
                if (mine != null && !sameRef(mine, e.getValue())) {
                    target.entryRefs.remove(e.getKey());
                }
            }
        }
    }

    private static boolean sameRef(SVal a, SVal b) {
        if (a instanceof SVal.View x && b instanceof SVal.View y) return x.handle() == y.handle();
        if (a instanceof SVal.Arr x && b instanceof SVal.Arr y) return Objects.equals(x.base(), y.base());
        return a.getClass() == b.getClass() && (a instanceof SVal.Ctx || a instanceof SVal.Null);
    }

    // ---------------------------------------------------------------- helpers for intrinsics

    /** The source position of the instruction being translated, {@code File.java:line} (the file alone without line numbers). */
    String at() {
        return code.sourceFile + (line >= 0 ? ":" + line : "");
    }

    org.jdpx.kernels.KernelCompileException error(String text) {
        return frontend.error(code, line, text);
    }

    Var newTemp(String hint, org.jdpx.kernels.ir.Type type) {
        Var v = new Var(hint, type);
        fn.locals().add(v);
        temps.add(v);
        return v;
    }

    Var newLocal(String hint, org.jdpx.kernels.ir.Type type) {
        Var v = new Var(hint, type);
        fn.locals().add(v);
        return v;
    }

    void push(Expr e) {
        stack.add(new SVal.Val(e));
    }

    void pushRef(SVal v) {
        stack.add(v);
    }

    SVal popAny() {
        if (stack.isEmpty()) throw error("operand stack underflow");
        return stack.removeLast();
    }

    Expr pop() {
        SVal v = popAny();
        if (v instanceof SVal.Cmp3 c) return cmp3ToExpr(c);
        if (v instanceof SVal.Val val) return val.expr();
        throw error("a reference used where a primitive value is expected");
    }

    /** Copies pending stack values matching {@code p} into temporaries so a following side effect cannot change them. */
    void materialize(Predicate<Expr> p) {
        for (int i = 0; i < stack.size(); i++) {
            SVal v = stack.get(i);
            if (v instanceof SVal.Cmp3 c) {
                Expr l = c.left(), r = c.right();
                if (p.test(l) || p.test(r)) {
                    stack.set(i, new SVal.Cmp3(spill(l), spill(r), c.nan()));
                }
            } else if (v instanceof SVal.Val val && !(val.expr() instanceof Expr.Const) && p.test(val.expr())) {
                stack.set(i, new SVal.Val(spill(val.expr())));
            }
        }
    }

    private Expr spill(Expr e) {
        if (e instanceof Expr.Const || (e instanceof Expr.Read r && temps.contains(r.var()))) return e;
        Var t = newTemp("tmp", e.scalar());
        out.add(new Stmt.Assign(t, e));
        return new Expr.Read(t);
    }

    /** Emits a statement with memory side effects, after freezing pending loads. */
    void emitEffect(Stmt s) {
        materialize(Exprs::hasMemoryRead);
        out.add(s);
    }

    /** Evaluates a side-effecting expression now and pushes its value through a temporary. */
    void pushEffect(Expr e) {
        materialize(Exprs::hasMemoryRead);
        Var t = newTemp("r", e.scalar());
        out.add(new Stmt.Assign(t, e));
        push(new Expr.Read(t));
    }

    /** A value that is used twice: a temporary unless it is already trivial. */
    Expr reusable(Expr e) {
        if (Exprs.isTrivial(e)) return e;
        Var t = newTemp("tmp", e.scalar());
        out.add(new Stmt.Assign(t, e));
        return new Expr.Read(t);
    }

    // ---------------------------------------------------------------- locals

    private Var local(int slot, Scalar type) {
        String key = slot + ":" + type;
        Var v = scalarLocals.get(key);
        if (v == null) {
            char tc = switch (type) {
                case I64 -> 'J';
                case F32 -> 'F';
                case F64 -> 'D';
                default -> 'I';
            };
            String name = code.nameAt(slot, index, tc);
            if (name == null) name = "v" + slot;
            int use = nameUse.merge(name, 1, Integer::sum);
            if (use > 1) name = name + "_" + use;
            v = newLocal(name, type);
            scalarLocals.put(key, v);
        }
        return v;
    }

    static Scalar scalarOf(TypeKind k) {
        return switch (k) {
            case INT, BOOLEAN, BYTE, SHORT, CHAR -> Scalar.I32;
            case LONG -> Scalar.I64;
            case FLOAT -> Scalar.F32;
            case DOUBLE -> Scalar.F64;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- the interpreter

    private void step(Instruction ins) {
        switch (ins) {
            case LoadInstruction li -> {
                if (li.typeKind() == TypeKind.REFERENCE) {
                    SVal r = refs.get(li.slot());
                    if (r == null) throw error("a local reference variable whose value the compiler cannot determine");
                    pushRef(r);
                } else {
                    push(new Expr.Read(local(li.slot(), scalarOf(li.typeKind()))));
                }
            }
            case StoreInstruction si -> {
                if (si.typeKind() == TypeKind.REFERENCE) {
                    SVal v = popAny();
                    if (v instanceof SVal.Val) throw error("storing a primitive into a reference variable");
                    refs.put(si.slot(), v);
                } else {
                    Expr value = pop();
                    Var v = local(si.slot(), scalarOf(si.typeKind()));
                    materialize(e -> Exprs.reads(e, v));
                    out.add(new Stmt.Assign(v, value));
                }
            }
            case IncrementInstruction inc -> {
                Var v = local(inc.slot(), Scalar.I32);
                materialize(e -> Exprs.reads(e, v));
                out.add(new Stmt.Assign(v, new Expr.Binary(BinOp.ADD, new Expr.Read(v), Expr.Const.i32(inc.constant()))));
            }
            case ConstantInstruction ci -> ValueInstructions.constant(this, ci);
            case OperatorInstruction oi -> ValueInstructions.operator(this, oi);
            case ConvertInstruction cv -> ValueInstructions.convert(this, cv);
            case ArrayLoadInstruction al -> {
                Expr idx = pop();
                SVal arr = popAny();
                SVal.Arr a = array(arr);
                Expr load = new Expr.Load(a.base(), idx, at());
                push(a.elem() == Scalar.I8 || a.elem() == Scalar.I16 || a.elem() == Scalar.U16 ? new Expr.Convert(Scalar.I32, load) : load);
            }
            case ArrayStoreInstruction as -> {
                Expr value = pop();
                Expr idx = pop();
                SVal.Arr a = array(popAny());
                emitEffect(new Stmt.Store(a.base(), idx, narrow(value, a.elem()), at()));
            }
            case BranchInstruction bi -> branch(bi);
            case TableSwitchInstruction ts -> {
                List<SwitchCase> cases = ts.cases();
                int[] keys = new int[cases.size()];
                Bb[] targets = new Bb[cases.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = cases.get(i).caseValue();
                    targets[i] = blockAt[code.indexOf(cases.get(i).target())];
                }
                switchTo(keys, targets, blockAt[code.indexOf(ts.defaultTarget())]);
            }
            case LookupSwitchInstruction ls -> {
                List<SwitchCase> cases = ls.cases();
                int[] keys = new int[cases.size()];
                Bb[] targets = new Bb[cases.size()];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = cases.get(i).caseValue();
                    targets[i] = blockAt[code.indexOf(cases.get(i).target())];
                }
                switchTo(keys, targets, blockAt[code.indexOf(ls.defaultTarget())]);
            }
            case ReturnInstruction ri -> {
                Expr v = null;
                if (ri.typeKind() == TypeKind.REFERENCE) throw error("returning a reference (array or object) is not allowed in a kernel");
                if (ri.typeKind() != TypeKind.VOID) v = pop();
                current.term = new IrBlock.Term.Ret(v);
            }
            case FieldInstruction fi -> field(fi);
            case InvokeInstruction inv -> Intrinsics.invoke(this, inv);
            case NewObjectInstruction no -> {
                String cls = no.className().asInternalName().replace('/', '.');
                if (frontend.isThrowable(cls)) throw error("exception 'new " + cls + "' (throwing exceptions) is not allowed in a kernel");
                throw error("object allocation 'new " + cls + "' is not allowed in a kernel");
            }
            case NewPrimitiveArrayInstruction np -> PrivateArrays.allocate(this, np.typeKind());
            case NewReferenceArrayInstruction nr -> throw error("allocation of an object array 'new "
                    + nr.componentType().asInternalName().replace('/', '.') + "[]' is not allowed in a kernel");
            case NewMultiArrayInstruction nm -> throw error("allocation of a multi-dimensional array is not allowed in a kernel (use a 1-D private array)");
            case StackInstruction st -> StackShuffles.apply(this, st.opcode());
            case ThrowInstruction t -> throw error("throwing an exception is not allowed in a kernel");
            case MonitorInstruction m -> throw error("synchronized blocks (" + m.opcode().name().toLowerCase() + ") are not allowed in a kernel");
            case InvokeDynamicInstruction indy -> throw error("invokedynamic ('" + indy.name().stringValue()
                    + "': a lambda, method reference or string concatenation) is not allowed in a kernel");
            case TypeCheckInstruction tc -> throw error("type checks and casts of objects (" + tc.opcode().name().toLowerCase() + ") are not allowed in a kernel");
            case NopInstruction nop -> { }
            case DiscontinuedInstruction d -> throw error("jsr/ret subroutines are not supported");
            default -> throw error("instruction " + ins.opcode().name().toLowerCase() + " is not supported in a kernel");
        }
    }

    private SVal.Arr array(SVal v) {
        if (v instanceof SVal.Arr a) return a;
        if (v instanceof SVal.View) throw error("array-style access to a view: use get/set");
        if (v instanceof SVal.Null) throw error("use of null is not allowed in a kernel");
        if (v instanceof SVal.Obj o) throw error("array access on " + o.description() + " is not allowed in a kernel (pass arrays as views)");
        throw error("array access on a value that is not a private or local array");
    }

    static Expr narrow(Expr value, Scalar elem) {
        if (elem == Scalar.I8 || elem == Scalar.I16 || elem == Scalar.U16) return new Expr.Convert(elem, value);
        return value;
    }

    /** A three-way compare used as a value: {@code a > b ? 1 : a == b ? 0 : a < b ? -1 : nan}. */
    static Expr cmp3ToExpr(SVal.Cmp3 c) {
        Expr gt = new Expr.Compare(CmpOp.GT, c.left(), c.right());
        Expr eq = new Expr.Compare(CmpOp.EQ, c.left(), c.right());
        Expr lt = new Expr.Compare(CmpOp.LT, c.left(), c.right());
        return new Expr.Select(gt, Expr.Const.i32(1), new Expr.Select(eq, Expr.Const.i32(0),
                new Expr.Select(lt, Expr.Const.i32(-1), Expr.Const.i32(c.nan() == 0 ? 0 : c.nan()))));
    }

    private void branch(BranchInstruction bi) {
        Bb target = blockAt[code.indexOf(bi.target())];
        Opcode op = bi.opcode();
        if (op == Opcode.GOTO || op == Opcode.GOTO_W) {
            flowTo(target);
            current.term = new IrBlock.Term.Goto(target.ir);
            return;
        }
        Expr cond = switch (op) {
            case IFEQ -> zeroTest(CmpOp.EQ);
            case IFNE -> zeroTest(CmpOp.NE);
            case IFLT -> zeroTest(CmpOp.LT);
            case IFGE -> zeroTest(CmpOp.GE);
            case IFGT -> zeroTest(CmpOp.GT);
            case IFLE -> zeroTest(CmpOp.LE);
            case IF_ICMPEQ -> cmp(CmpOp.EQ);
            case IF_ICMPNE -> cmp(CmpOp.NE);
            case IF_ICMPLT -> cmp(CmpOp.LT);
            case IF_ICMPGE -> cmp(CmpOp.GE);
            case IF_ICMPGT -> cmp(CmpOp.GT);
            case IF_ICMPLE -> cmp(CmpOp.LE);
            default -> throw error("comparison of references (" + op.name().toLowerCase() + ") is not allowed in a kernel");
        };
        Bb next = blockAt[index + 1];
        if (!stack.isEmpty() && target.entryStack == null && next.entryStack == null && target != next) {
            flowTo(target);
            next.entryStack = target.entryStack;
            next.entryRefs = new HashMap<>(target.entryRefs);
        } else {
            flowTo(target);
            flowTo(next);
        }
        current.term = new IrBlock.Term.CondBr(cond, target.ir, next.ir);
    }

    private Expr cmp(CmpOp op) {
        Expr b = pop();
        Expr a = pop();
        return new Expr.Compare(op, a, b);
    }

    /** {@code v op 0}; a pending three-way compare turns into the direct comparison with Java's NaN rule. */
    private Expr zeroTest(CmpOp op) {
        SVal v = popAny();
        if (v instanceof SVal.Cmp3 c) {
            Expr a = c.left(), b = c.right();
            if (c.nan() == 0) return new Expr.Compare(op, a, b);
            // NaN makes the three-way result c.nan(); the direct comparison must agree with "nan op 0"
            boolean nanAnswer = switch (op) {
                case EQ -> c.nan() == 0;
                case NE -> c.nan() != 0;
                case LT -> c.nan() < 0;
                case GE -> c.nan() >= 0;
                case GT -> c.nan() > 0;
                case LE -> c.nan() <= 0;
            };
            Expr direct = new Expr.Compare(op, a, b); // false on NaN, except NE which is true
            boolean directNan = op == CmpOp.NE;
            if (directNan == nanAnswer) return direct;
            // use the negation of the complementary comparison: !(a <complement> b) is true on NaN
            CmpOp comp = op.negateForIntegers();
            return new Expr.Unary(UnOp.NOT, new Expr.Compare(comp, a, b));
        }
        if (!(v instanceof SVal.Val val)) throw error("null checks on references are not allowed in a kernel");
        Expr e = val.expr();
        if (e instanceof Expr.Convert cv && cv.to() == Scalar.I32 && cv.operand().type() == Scalar.BOOL) {
            if (op == CmpOp.NE) return cv.operand();
            if (op == CmpOp.EQ) return Exprs.not(cv.operand());
        }
        Expr zero = switch (e.scalar()) {
            case I64 -> Expr.Const.i64(0);
            default -> Expr.Const.i32(0);
        };
        return new Expr.Compare(op, e, zero);
    }

    private void switchTo(int[] keys, Bb[] targets, Bb dflt) {
        Expr sel = pop();
        Set<Bb> seen = new java.util.LinkedHashSet<>();
        for (Bb t : targets) seen.add(t);
        seen.add(dflt);
        for (Bb t : seen) flowTo(t);
        IrBlock[] irTargets = new IrBlock[targets.length];
        for (int i = 0; i < targets.length; i++) irTargets[i] = targets[i].ir;
        current.term = new IrBlock.Term.SwitchBr(sel, keys, irTargets, dflt.ir);
    }

    private void field(FieldInstruction fi) {
        String owner = fi.owner().asInternalName().replace('/', '.');
        String name = fi.name().stringValue();
        switch (fi.opcode()) {
            case GETSTATIC -> {
                Expr c = frontend.staticConstant(this, owner, name);
                if (c != null) push(c);
            }
            case PUTSTATIC -> throw error("write to static field " + simple(owner) + "." + name + " is not allowed in a kernel");
            default -> throw error("instance field access '" + simple(owner) + "." + name + "' (" + fi.opcode().name().toLowerCase()
                    + ") is not allowed in a kernel");
        }
    }

    static String simple(String cls) {
        return cls.substring(cls.lastIndexOf('.') + 1);
    }

    Map<String, Integer> debugNames() {
        return new LinkedHashMap<>(nameUse);
    }
}
