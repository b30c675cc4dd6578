package org.jdpx.tensor.fusion;

import static java.util.Map.entry;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Vector API loops of one dtype's {@link BlockLanes} ({@link FloatBlocks}, {@link DoubleBlocks})
 * as method handles, one per operation, which {@link BlockProgram}'s block loop calls through.
 *
 * <p>Why handles and not a {@code switch} of direct calls: C2 never inlines a call through a handle
 * that is not a constant (these are read from an array, never from a static final), so each loop
 * is compiled on its own, with its Vector API operations intrinsified, and no caller's
 * deoptimisation takes it along. Inlined into the shared block loop, the loops lived and died
 * with it: the first use of another dtype, another operation or a reduction instead of a store
 * deoptimised the block loop, and until C2 had compiled it again (long on a busy machine, as it
 * was big) the loops ran as C1 code, where no Vector API operation is intrinsified: every vector a
 * heap object, every lane a scalar lambda call. The call costs a few nanoseconds per block of
 * {@link BlockProgram#BLOCK} elements.
 *
 * <p>Elementwise loops have the type {@code (A x, A y, A out, int n)void} ({@code y} unused by
 * unary operations), reductions {@code (A buf, int n)E}, for the dtype's array type {@code A} and
 * element type {@code E}; an operation without a loop has none ({@link #elementwise} and
 * {@link #reduction} throw).
 */
final class BlockLoops {
    private final Class<?> owner;
    private final MethodHandle[] elementwise = new MethodHandle[ElementOp.values().length];
    private final MethodHandle[] reductions = new MethodHandle[ReduceOp.values().length];

    /** The reductions with a loop, each a method of the operation's name in lower case. */
    private static final Set<ReduceOp> REDUCTIONS =
            Collections.unmodifiableSet(EnumSet.of(ReduceOp.SUM, ReduceOp.PROD, ReduceOp.MIN, ReduceOp.MAX));

    /** Each operation with a loop, and the name of its method. */
    private static final Map<ElementOp, String> NAMES = new EnumMap<>(Map.ofEntries(entry(ElementOp.ADD, "add"),
            entry(ElementOp.SUBTRACT, "sub"), entry(ElementOp.MULTIPLY, "mul"), entry(ElementOp.DIVIDE, "div"),
            entry(ElementOp.SQUARE, "square"), entry(ElementOp.RECIPROCAL, "reciprocal"), entry(ElementOp.NEGATIVE, "neg"),
            entry(ElementOp.ABS, "abs"), entry(ElementOp.SQRT, "sqrt"), entry(ElementOp.MAXIMUM, "maximum"),
            entry(ElementOp.MINIMUM, "minimum"), entry(ElementOp.EXP, "exp")));

    /**
     * The loops of {@code lookup}'s class, found by name: {@code add sub mul div square reciprocal
     * neg abs sqrt maximum minimum exp} elementwise, all of type {@code (A, A, A, int)void} (so
     * that every handle is of one class and one form), and {@code sum prod max min} reducing.
     *
     * @param array the dtype's array type ({@code float[]} or {@code double[]})
     */
    BlockLoops(MethodHandles.Lookup lookup, Class<?> array) {
        owner = lookup.lookupClass();
        MethodType loop = MethodType.methodType(void.class, array, array, array, int.class);
        MethodType reducing = MethodType.methodType(array.componentType(), array, int.class);
        try {
            for (Map.Entry<ElementOp, String> e : NAMES.entrySet()) {
                elementwise[e.getKey().ordinal()] = lookup.findStatic(owner, e.getValue(), loop);
            }
            for (ReduceOp op : REDUCTIONS) {
                reductions[op.ordinal()] = lookup.findStatic(owner, op.name().toLowerCase(Locale.ROOT), reducing);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(owner.getSimpleName() + " lacks a block loop: " + e.getMessage(), e);
        }
    }

    /** The elementwise operations that have a loop (in every dtype). */
    static Set<ElementOp> elementwiseOps() {
        return Collections.unmodifiableSet(NAMES.keySet());
    }

    /** The reductions that have a loop (in every dtype). */
    static Set<ReduceOp> reductionOps() {
        return REDUCTIONS;
    }

    /** {@code op}'s loop, of type {@code (A, A, A, int)void}. */
    MethodHandle elementwise(ElementOp op) {
        MethodHandle h = elementwise[op.ordinal()];
        if (h == null) throw new IllegalStateException(op + " has no block loop in " + owner.getSimpleName());
        return h;
    }

    /** {@code op}'s reduction, of type {@code (A, int)E}. */
    MethodHandle reduction(ReduceOp op) {
        MethodHandle h = reductions[op.ordinal()];
        if (h == null) throw new IllegalStateException(op + " has no block loop in " + owner.getSimpleName());
        return h;
    }

    /** {@code t} thrown by a loop, as an unchecked exception (the loops throw none of their own). */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("a block loop failed", t);
    }
}
