package org.jdpx.kernels.spirv;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints a module in the assembler syntax of the SPIR-V tools ({@code %name = OpFoo %type %a 1}),
 * naming ids after OpName and types where known, so {@code --spirv} output needs no external tool.
 */
final class SpirvText {
    private SpirvText() {
    }

    static String print(SpirvBuilder b) {
        List<Insn> all = b.ordered();
        Map<Integer, String> names = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (var e : b.idNames.entrySet()) {
            String n = e.getValue().replaceAll("[^A-Za-z0-9_]", "_");
            String u = n;
            for (int k = 2; used.contains(u); k++) u = n + "_" + k;
            used.add(u);
            names.put(e.getKey(), u);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("; SPIR-V\n; Version: 1.0\n; Generator: jdpx\n; Bound: ").append(b.bound()).append("\n; Schema: 0\n");
        for (Insn i : all) {
            String lhs = i.result() != 0 ? "%" + names.getOrDefault(i.result(), Integer.toString(i.result())) + " = " : "";
            if (i.op() == Op.OpFunction || i.op() == Op.OpLabel) sb.append(i.op() == Op.OpLabel ? "" : "\n");
            sb.append(i.op() == Op.OpLabel || lhs.isEmpty() ? "" : "").append(lhs).append(i.op().name());
            if (i.type() != 0) sb.append(" %").append(names.getOrDefault(i.type(), Integer.toString(i.type())));
            for (Insn.Operand o : i.operands()) {
                sb.append(' ');
                switch (o) {
                    case Insn.Operand.Id id -> sb.append('%').append(names.getOrDefault(id.id(), Integer.toString(id.id())));
                    case Insn.Operand.Lit l -> sb.append(l.text() != null ? l.text() : Integer.toUnsignedString(l.value()));
                    case Insn.Operand.Lit64 l -> sb.append(l.text() != null ? l.text() : Long.toString(l.value()));
                    case Insn.Operand.Str s -> sb.append('"').append(s.value()).append('"');
                    case Insn.Operand.Enum e -> sb.append(e.name());
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
