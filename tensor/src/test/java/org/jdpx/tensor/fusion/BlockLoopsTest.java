package org.jdpx.tensor.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Vector API loops of the java device's fused kernels ({@link BlockLoops}): every operation
 * and reduction of each dtype is a method of its own in that dtype's class, reached through a
 * direct handle of one shape, so the block loop calls it without C2 inlining it into a loop that
 * the next dtype or operation deoptimises (which left the loops running as C1 code, the Vector API
 * not intrinsified, for whole quick-bench rows). The loops must give plain Java's values.
 */
class BlockLoopsTest {
    private static final int N = 64; // a whole number of vectors at every width up to 512 bits

    @Test
    void everyOperationOfEachDtypeIsADirectLoopOfItsOwn() throws Exception {
        Set<String> all = new HashSet<>();
        for (BlockLanes lanes : List.<BlockLanes>of(new FloatBlocks(), new DoubleBlocks())) {
            Class<?> owner = lanes.getClass();
            Class<?> array = lanes.itemSize() == 4 ? float[].class : double[].class;
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            Set<String> names = new HashSet<>();
            for (ElementOp op : BlockLoops.elementwiseOps()) {
                MethodHandleInfo info = lookup.revealDirect(lanes.loops().elementwise(op));
                assertEquals(owner, info.getDeclaringClass(), op + "'s loop belongs to its dtype's class");
                assertEquals(MethodHandleInfo.REF_invokeStatic, info.getReferenceKind(), op + " is a static method, not a combinator");
                assertEquals(MethodType.methodType(void.class, array, array, array, int.class), info.getMethodType(),
                        op + "'s loop has the one shape every loop has");
                assertTrue(names.add(info.getName()), op + " has a loop of its own, not " + info.getName() + " again");
            }
            for (ReduceOp op : BlockLoops.reductionOps()) {
                MethodHandleInfo info = lookup.revealDirect(lanes.loops().reduction(op));
                assertEquals(owner, info.getDeclaringClass(), op + "'s reduction belongs to its dtype's class");
                assertEquals(MethodType.methodType(array.componentType(), array, int.class), info.getMethodType());
            }
            for (String name : names) assertTrue(all.add(owner.getSimpleName() + "." + name));
        }
        assertEquals(2 * BlockLoops.elementwiseOps().size(), all.size(), "no loop is shared between the dtypes");
    }

    @Test
    void theLoopsGivePlainJavasValues() {
        float[] fx = new float[N], fy = new float[N], fo = new float[N];
        double[] dx = new double[N], dy = new double[N], dout = new double[N];
        for (int i = 0; i < N; i++) {
            fx[i] = (float) (dx[i] = (i % 13) - 6.25);
            fy[i] = (float) (dy[i] = (i % 5) + 0.5);
        }
        for (ElementOp op : BlockLoops.elementwiseOps()) {
            DoubleBinaryOperator java = plain(op);
            new FloatBlocks().apply(op, fx, fy, fo, N);
            new DoubleBlocks().apply(op, dx, dy, dout, N);
            for (int i = 0; i < N; i++) {
                double f = java.applyAsDouble(fx[i], fy[i]), d = java.applyAsDouble(dx[i], dy[i]);
                // exp is ExpLowering's polynomial (a few ulp); the rest round once, as Java does.
                double fTol = op == ElementOp.EXP ? 4 * Math.ulp((float) f) : 0;
                double dTol = op == ElementOp.EXP ? 4 * Math.ulp(d) : 0;
                assertEquals((float) f, fo[i], fTol, op + " float32 at " + i);
                assertEquals(d, dout[i], dTol, op + " float64 at " + i);
            }
        }
        // Small integers and halves: every sum and product below is exact in both dtypes.
        float[] fr = new float[N];
        double[] dr = new double[N];
        for (int i = 0; i < N; i++) dr[i] = fr[i] = (i % 3) == 0 ? 1f : (i % 3) == 1 ? 2f : 0.5f;
        dr[7] = fr[7] = -3f;
        double[] want = {0, 1, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int i = 0; i < N; i++) {
            want[0] += dr[i];
            want[1] *= dr[i];
            want[2] = Math.max(want[2], dr[i]);
            want[3] = Math.min(want[3], dr[i]);
        }
        ReduceOp[] ops = {ReduceOp.SUM, ReduceOp.PROD, ReduceOp.MAX, ReduceOp.MIN};
        for (int k = 0; k < ops.length; k++) {
            assertEquals(want[k], new FloatBlocks().reduce(ops[k], fr.clone(), N), 0.0, ops[k] + " float32");
            assertEquals(want[k], new DoubleBlocks().reduce(ops[k], dr.clone(), N), 0.0, ops[k] + " float64");
        }
    }

    /** {@code op} in plain Java (y unused by unary operations), computed in the argument's precision by the caller's rounding. */
    private static DoubleBinaryOperator plain(ElementOp op) {
        return switch (op) {
            case ADD -> Double::sum;
            case SUBTRACT -> (x, y) -> x - y;
            case MULTIPLY -> (x, y) -> x * y;
            case DIVIDE -> (x, y) -> x / y;
            case SQUARE -> (x, y) -> x * x;
            case RECIPROCAL -> (x, y) -> 1 / x;
            case NEGATIVE -> (x, y) -> -x;
            case ABS -> (x, y) -> Math.abs(x);
            case SQRT -> (x, y) -> Math.sqrt(x);
            case MAXIMUM -> Math::max;
            case MINIMUM -> Math::min;
            case EXP -> (x, y) -> Math.exp(x);
            default -> throw new AssertionError(op + " has a loop but no plain Java form here");
        };
    }

    @Test
    void aLoopThatIsNotThereIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new FloatBlocks().loops().elementwise(ElementOp.SIN));
        assertTrue(e.getMessage().contains("SIN") && e.getMessage().contains("FloatBlocks"), e.getMessage());
    }
}
