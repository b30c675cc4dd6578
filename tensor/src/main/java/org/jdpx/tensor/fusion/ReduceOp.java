package org.jdpx.tensor.fusion;

import org.jdpx.tensor.DType;

/**
 * Reductions a kernel can compute in one pass: the accumulator dtype follows the Array API
 * (integer sums and products accumulate in the default 64-bit integer of their signedness,
 * float ones in their own dtype; arg reductions yield int64 positions).
 */
public enum ReduceOp {
    SUM("sum"), PROD("prod"), MIN("min"), MAX("max"), ANY("any"), ALL("all"), ARGMIN("argmin"), ARGMAX("argmax");

    private final String numpyName;

    ReduceOp(String numpyName) {
        this.numpyName = numpyName;
    }

    /** NumPy's name. */
    public String numpyName() { return numpyName; }

    /** True for argmin/argmax, which keep a position next to the best value. */
    public boolean isArg() { return this == ARGMIN || this == ARGMAX; }

    /** Whether an empty reduction has a value (sum, prod, any, all) or is an error. */
    public boolean hasIdentity() { return this == SUM || this == PROD || this == ANY || this == ALL; }

    /** The dtype the value is accumulated in for input dtype {@code in}. */
    public DType accumulatorType(DType in) {
        return switch (this) {
            case SUM, PROD -> switch (in.kind()) {
                case BOOL, SIGNED -> DType.INT64;
                case UNSIGNED -> DType.UINT64;
                case FLOAT, COMPLEX -> in;
            };
            case MIN, MAX, ARGMIN, ARGMAX -> in;
            case ANY, ALL -> DType.BOOL;
        };
    }

    /** The result's dtype. */
    public DType resultType(DType in) {
        return isArg() ? DType.INT64 : accumulatorType(in);
    }
}
