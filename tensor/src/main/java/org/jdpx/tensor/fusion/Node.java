package org.jdpx.tensor.fusion;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.jdpx.device.Queue;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.View;
import org.jdpx.usm.UsmMemory;

/**
 * One vertex of a lazy array expression. Graphs are immutable trees (shared sub-trees are
 * allowed and computed once per kernel); nothing runs until a {@link FusedKernels} call turns a
 * graph into one kernel. Values never enter a graph's structure: scalars are kernel arguments,
 * so one compiled kernel serves every value.
 */
public sealed interface Node {

    /** The element type of the node's value. */
    DType dtype();

    /** The node's shape (broadcast shape of its inputs for operations). */
    long[] shape();

    /**
     * Nodes below this one, counting itself and a shared vertex once per use: a bound on the
     * visits of a walk that does not remember what it saw.
     */
    int size();

    /**
     * The distinct vertices (by identity) of the graphs under {@code roots}: what one kernel
     * computes, since it computes a shared vertex once. Counting stops once past {@code limit}
     * (the result is then {@code limit + 1}).
     */
    static int distinct(List<Node> roots, int limit) {
        int[] count = {0};
        everyVertex(roots, n -> ++count[0] <= limit);
        return count[0];
    }

    /**
     * Whether {@code test} holds for every distinct vertex (by identity) of the graphs under
     * {@code roots}. Each is tested once, before its inputs; the walk stops at the first that
     * fails and does not descend below it.
     */
    static boolean everyVertex(List<Node> roots, Predicate<Node> test) {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Node> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!seen.add(n)) continue;
            if (!test.test(n)) return false;
            switch (n) {
                case Op o -> todo.addAll(o.inputs());
                case Call c -> todo.addAll(c.inputs());
                case Cast c -> todo.push(c.input());
                case Leaf l -> { }
                case Scalar sc -> { }
                case Combine c -> { }
            }
        }
        return true;
    }

    /** Elements stored in USM memory: a materialized array or a view of one. */
    record Leaf(UsmMemory memory, View view, DType dtype) implements Node {
        @Override public long[] shape() { return view.shape(); }
        @Override public int size() { return 1; }
        /** The queue the memory lives on. */
        public Queue queue() { return memory.queue(); }
    }

    /**
     * A Java scalar joined to an expression (a weak type: it takes the dtype the operation
     * gives it); its value is passed as a kernel argument.
     */
    record Scalar(DType dtype, double doubleValue, long longValue) implements Node {
        @Override public long[] shape() { return new long[0]; }
        @Override public int size() { return 1; }
        /** A scalar holding {@code v} as {@code dtype}. */
        public static Scalar of(DType dtype, Number v) {
            return new Scalar(dtype, v.doubleValue(), v instanceof Double || v instanceof Float ? (long) v.doubleValue() : v.longValue());
        }
    }

    /** An elementwise operation on broadcast inputs. */
    record Op(ElementOp op, DType dtype, long[] shape, List<Node> inputs, int size) implements Node {
        /** Builds the node, broadcasting the input shapes. */
        public static Op of(ElementOp op, DType dtype, List<Node> inputs) {
            long[][] shapes = new long[inputs.size()][];
            int n = 1;
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = inputs.get(i).shape();
                n += inputs.get(i).size();
            }
            return new Op(op, dtype, Shapes.broadcast(shapes), List.copyOf(inputs), n);
        }
    }

    /**
     * A user function ({@code @Vectorize} loop) on broadcast inputs: each input is converted to
     * the loop's parameter dtype and the function's IR is inlined into the kernel.
     */
    record Call(ScalarFunction function, long[] shape, List<Node> inputs, int size) implements Node {
        @Override public DType dtype() { return function.result(); }
        /** Builds the node, broadcasting the input shapes. */
        public static Call of(ScalarFunction function, List<Node> inputs) {
            long[][] shapes = new long[inputs.size()][];
            int n = 1;
            for (int i = 0; i < shapes.length; i++) {
                shapes[i] = inputs.get(i).shape();
                n += inputs.get(i).size();
            }
            return new Call(function, Shapes.broadcast(shapes), List.copyOf(inputs), n);
        }
    }

    /** A dtype conversion ({@code astype}) with NumPy's casting results. */
    record Cast(DType dtype, Node input) implements Node {
        @Override public long[] shape() { return input.shape(); }
        @Override public int size() { return input.size() + 1; }
    }

    /**
     * A reduction's result still spread over {@code parts} partial values: the partials lie
     * contiguously in {@code partials} (one value per part, the result has one element). A
     * kernel that reads it combines the parts once per work-item before its loop, which is
     * how a full reduction feeds the next pass without a kernel of its own.
     */
    record Combine(ReduceOp op, DType dtype, UsmMemory partials, int parts, long[] shape) implements Node {
        @Override public int size() { return 1; }
    }

}
