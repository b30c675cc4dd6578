package org.jdpx.kernels.spirv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.ir.Scalar;

/**
 * Holds a SPIR-V module's logical sections in the order the specification requires, hands
 * out ids, deduplicates types and constants, and encodes the result (header + words) and
 * its text form.
 */
final class SpirvBuilder {
    static final int MAGIC = 0x07230203;
    /** SPIR-V 1.0: what OpenCL 2.1+ (clCreateProgramWithIL) and Level Zero accept everywhere. */
    static final int VERSION = 0x00010000;

    final Set<String> capabilities = new LinkedHashSet<>();
    final List<Insn> imports = new ArrayList<>();
    final List<Insn> entryPoints = new ArrayList<>();
    final List<Insn> names = new ArrayList<>();
    final List<Insn> decorations = new ArrayList<>();
    final List<Insn> globals = new ArrayList<>();
    final List<Insn> functions = new ArrayList<>();
    private final Map<String, Integer> typeCache = new HashMap<>();
    private final Map<String, Integer> constCache = new HashMap<>();
    final Map<Integer, String> idNames = new HashMap<>();
    private int nextId = 1;

    int newId() {
        return nextId++;
    }

    int bound() {
        return nextId;
    }

    void name(int id, String name) {
        names.add(new Insn(Op.OpName, 0, 0, List.of(Insn.id(id), new Insn.Operand.Str(name))));
        idNames.putIfAbsent(id, name);
    }

    void decorate(int id, String decoration, int value, Insn.Operand... extra) {
        List<Insn.Operand> ops = new ArrayList<>(List.of(Insn.id(id), Insn.en(decoration, value)));
        ops.addAll(List.of(extra));
        decorations.add(new Insn(Op.OpDecorate, 0, 0, ops));
    }

    private int type(String key, Op op, List<Insn.Operand> ops, String display) {
        Integer id = typeCache.get(key);
        if (id != null) return id;
        int nid = newId();
        globals.add(new Insn(op, 0, nid, ops));
        typeCache.put(key, nid);
        idNames.put(nid, display);
        return nid;
    }

    int voidType() { return type("void", Op.OpTypeVoid, List.of(), "void"); }
    int boolType() { return type("bool", Op.OpTypeBool, List.of(), "bool"); }

    int intType(int bits) {
        if (bits == 64) capabilities.add("Int64");
        if (bits == 16) capabilities.add("Int16");
        if (bits == 8) capabilities.add("Int8");
        return type("i" + bits, Op.OpTypeInt, List.of(Insn.lit(bits), Insn.lit(0)), switch (bits) {
            case 8 -> "uchar"; case 16 -> "ushort"; case 32 -> "uint"; default -> "ulong"; });
    }

    int floatType(int bits) {
        if (bits == 64) capabilities.add("Float64");
        return type("f" + bits, Op.OpTypeFloat, List.of(Insn.lit(bits)), bits == 32 ? "float" : "double");
    }

    int scalar(Scalar s) {
        return switch (s) {
            case BOOL -> boolType();
            case I8 -> intType(8);
            case I16, U16 -> intType(16);
            case I32 -> intType(32);
            case I64 -> intType(64);
            case F32 -> floatType(32);
            case F64 -> floatType(64);
        };
    }

    int vector(int elem, int n) {
        return type("v" + n + ":" + elem, Op.OpTypeVector, List.of(Insn.id(elem), Insn.lit(n)), "v" + n + idNames.get(elem));
    }

    int pointer(StorageClass sc, int pointee) {
        return type("p" + sc + ":" + pointee, Op.OpTypePointer, List.of(Insn.en(sc.name(), sc.value), Insn.id(pointee)),
                "_ptr_" + sc + "_" + idNames.get(pointee));
    }

    int array(int elem, int length) {
        int len = constant(Scalar.I32, length);
        return type("a" + elem + ":" + length, Op.OpTypeArray, List.of(Insn.id(elem), Insn.id(len)), "_arr_" + idNames.get(elem) + "_" + length);
    }

    int function(int ret, List<Integer> params) {
        List<Insn.Operand> ops = new ArrayList<>();
        ops.add(Insn.id(ret));
        for (int p : params) ops.add(Insn.id(p));
        return type("fn" + ret + ":" + params, Op.OpTypeFunction, ops, "fn_" + typeCache.size());
    }

    /** A constant of scalar type {@code s}; {@code bits} as in {@code Expr.Const}. */
    int constant(Scalar s, long bits) {
        String key = s + ":" + bits;
        Integer id = constCache.get(key);
        if (id != null) return id;
        int type = scalar(s);
        int nid = newId();
        if (s == Scalar.BOOL) {
            globals.add(new Insn(bits != 0 ? Op.OpConstantTrue : Op.OpConstantFalse, type, nid, List.of()));
        } else if (s.bytes() == 8) {
            String text = s == Scalar.F64 ? Double.toString(Double.longBitsToDouble(bits)) : Long.toString(bits);
            globals.add(new Insn(Op.OpConstant, type, nid, List.of(new Insn.Operand.Lit64(bits, text))));
        } else {
            long mask = s.bytes() == 4 ? 0xffffffffL : (1L << (8 * s.bytes())) - 1;
            String text = s == Scalar.F32 ? Float.toString(Float.intBitsToFloat((int) bits)) : Long.toString(bits);
            globals.add(new Insn(Op.OpConstant, type, nid, List.of(new Insn.Operand.Lit((int) (bits & mask), text))));
        }
        constCache.put(key, nid);
        return nid;
    }

    /** The encoded module. */
    int[] words() {
        List<Insn> all = ordered();
        List<Integer> w = new ArrayList<>(List.of(MAGIC, VERSION, 0, bound(), 0));
        for (Insn i : all) encode(i, w);
        int[] out = new int[w.size()];
        for (int k = 0; k < out.length; k++) out[k] = w.get(k);
        return out;
    }

    List<Insn> ordered() {
        List<Insn> all = new ArrayList<>();
        for (String c : capabilities) all.add(new Insn(Op.OpCapability, 0, 0, List.of(Insn.en(c, Capability.valueOf(c).value))));
        all.addAll(imports);
        all.add(new Insn(Op.OpMemoryModel, 0, 0, List.of(Insn.en("Physical64", 2), Insn.en("OpenCL", 2))));
        all.addAll(entryPoints);
        all.addAll(names);
        all.addAll(decorations);
        all.addAll(globals);
        all.addAll(functions);
        return all;
    }

    private static void encode(Insn i, List<Integer> w) {
        int start = w.size();
        w.add(0);
        if (i.type() != 0) w.add(i.type());
        if (i.result() != 0) w.add(i.result());
        for (Insn.Operand o : i.operands()) {
            switch (o) {
                case Insn.Operand.Id id -> w.add(id.id());
                case Insn.Operand.Lit l -> w.add(l.value());
                case Insn.Operand.Lit64 l -> {
                    w.add((int) l.value());
                    w.add((int) (l.value() >>> 32));
                }
                case Insn.Operand.Enum e -> w.add(e.value());
                case Insn.Operand.Str s -> {
                    byte[] b = s.value().getBytes(StandardCharsets.UTF_8);
                    int n = b.length / 4 + 1;
                    for (int k = 0; k < n; k++) {
                        int word = 0;
                        for (int j = 0; j < 4; j++) {
                            int idx = k * 4 + j;
                            if (idx < b.length) word |= (b[idx] & 0xff) << (8 * j);
                        }
                        w.add(word);
                    }
                }
            }
        }
        int count = w.size() - start;
        w.set(start, (count << 16) | i.op().code);
    }

    /** Storage classes used here. */
    enum StorageClass {
        Input(1), Workgroup(4), CrossWorkgroup(5), Function(7);

        final int value;

        StorageClass(int value) {
            this.value = value;
        }
    }

    /** Capabilities used here. */
    enum Capability {
        Addresses(4), Kernel(6), Float64(10), Int64(11), Int64Atomics(12), Int16(22), Int8(39);

        final int value;

        Capability(int value) {
            this.value = value;
        }
    }
}
