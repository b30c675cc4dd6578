package org.jdpx.kernels.spirv;

import java.util.List;

/**
 * One SPIR-V instruction before encoding: kept symbolic so the same list yields both the
 * binary and the textual disassembly.
 */
record Insn(Op op, int type, int result, List<Operand> operands) {

    /** An operand, typed for printing: an id, a literal number, a string, or a named enum value. */
    sealed interface Operand {
        /** A reference to a result id. */
        record Id(int id) implements Operand {
        }

        /** A 32-bit literal word (printed as {@code text} when given). */
        record Lit(int value, String text) implements Operand {
        }

        /** A 64-bit literal taking two words, low word first. */
        record Lit64(long value, String text) implements Operand {
        }

        /** A nul-terminated UTF-8 string literal. */
        record Str(String value) implements Operand {
        }

        /** An enumerant (capability, storage class, ...) printed by name. */
        record Enum(String name, int value) implements Operand {
        }
    }

    static Operand id(int id) {
        return new Operand.Id(id);
    }

    static Operand lit(int v) {
        return new Operand.Lit(v, null);
    }

    static Operand en(String name, int v) {
        return new Operand.Enum(name, v);
    }
}
