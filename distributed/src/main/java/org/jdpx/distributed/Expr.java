package org.jdpx.distributed;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jdpx.device.Queue;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.jdpx.tensor.fusion.ElementOp;

/**
 * A lazy elementwise expression over the blocks of distributed arrays, shipped to executors and
 * evaluated there with the tensor module's own operations, so each block's expression fuses into
 * one kernel exactly as a local array expression does.
 */
sealed interface Expr extends Serializable {

    /** The {@code i}-th input array's block. */
    record Input(int i) implements Expr {
    }

    /** A Java scalar (weak, takes the array's dtype as in NumPy). */
    record Scalar(Object value) implements Expr {
    }

    /** A replicated array broadcast into every block (it must not span the split axis). */
    record Constant(Block value) implements Expr {
    }

    /** An elementwise operation. */
    record Apply(ElementOp op, List<Expr> args) implements Expr {
    }

    /** This expression with input numbers moved up by {@code by} (when two input lists are joined). */
    default Expr shift(int by) {
        return switch (this) {
            case Input in -> new Input(in.i() + by);
            case Apply a -> new Apply(a.op(), a.args().stream().map(e -> e.shift(by)).toList());
            default -> this;
        };
    }

    /** The lazy (unevaluated) array this expression gives over {@code inputs}' blocks on {@code queue}. */
    default UsmNdArray evaluate(List<UsmNdArray> inputs, Queue queue) {
        return switch (this) {
            case Input in -> inputs.get(in.i());
            case Scalar s -> throw new IllegalStateException("a scalar alone is not a block");
            case Constant c -> c.value().toArray(queue);
            case Apply a -> {
                List<Object> ops = new ArrayList<>();
                for (Expr e : a.args()) ops.add(e instanceof Scalar s ? s.value() : e.evaluate(inputs, queue));
                yield Tensor.apply(a.op(), ops.toArray());
            }
        };
    }

    /** The expression in NumPy names over {@code names} of the inputs: {@code multiply(add(x, y), scalar)}. */
    default String describe(List<String> names) {
        return switch (this) {
            case Input in -> names.get(in.i());
            case Scalar s -> String.valueOf(s.value());
            case Constant c -> "rep" + java.util.Arrays.toString(c.value().shape());
            case Apply a -> a.op().numpyName() + a.args().stream().map(e -> e.describe(names))
                    .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
        };
    }
}
