package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.jdpx.dpnp.ErrorsTest.says;

import java.util.List;
import org.jdpx.device.Device;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;

/**
 * What users get from the set, editing, index-helper and array-information functions for
 * variants left out, bad arguments and arrays on two devices; and that in-place writes reach
 * the caller's view.
 */
class MoreErrorsTest {

    @OnEveryDevice
    void variantsLeftOutNameTheFunctionAndWhatToUse(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray v = Dpnp.arange(0, 6, 1, on);
        says(UnsupportedOperationException.class, "nanquantile: method 'weibull' is not supported; use 'linear'",
                () -> Dpnp.nanquantile(v, 0.5, null, "weibull", false));
        says(UnsupportedOperationException.class, "nanpercentile: method 'inverted_cdf'",
                () -> Dpnp.nanpercentile(v, new double[] {5}, null, "inverted_cdf", false));
        UsmNdArray big = Dpnp.zeros(new long[] {3000, 2000}, on);
        says(UnsupportedOperationException.class, "shares_memory: views of more than", () -> Dpnp.sharesMemory(big, big.get(":, ::2")));
        assertTrue(Dpnp.mayShareMemory(big, big.get(":, ::2")));
    }

    @OnEveryDevice
    void badArgumentsSayWhatIsWrong(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray v = Dpnp.arange(0, 6, 1, on);
        UsmNdArray f = Dpnp.astype(v, org.jdpx.tensor.DTypes.defaultFloat(device));
        says(IllegalArgumentException.class, "isin: the 'table' method is only supported for boolean or integer arrays",
                () -> Dpnp.isin(f, v, false, false, "table"));
        says(IllegalArgumentException.class, "isin: kind must be", () -> Dpnp.isin(v, v, false, false, "hash"));
        says(IllegalArgumentException.class, "partition: kth(=6) out of bounds (6)", () -> Dpnp.partition(v, 6));
        says(IllegalArgumentException.class, "argpartition: kind must be 'introselect'", () -> Dpnp.argpartition(v, new long[] {1}, -1, "quick"));
        says(IllegalArgumentException.class, "lexsort: all keys need to be the same shape", () -> Dpnp.lexsort(v, v.get(":3")));
        says(IllegalArgumentException.class, "copyto: cannot cast array data from " + f.dtype() + " to int64 according to the rule 'safe'",
                () -> Dpnp.copyto(Dpnp.copy(v), f, "safe", null));
        says(IllegalArgumentException.class, "according to the rule 'same_kind'", () -> Dpnp.copyto(Dpnp.copy(v), 1.5));
        says(IndexOutOfBoundsException.class, "put: index 9 is out of bounds", () -> Dpnp.put(Dpnp.copy(v), Dpnp.arange(9, 10, 1, on), 1L));
        says(IllegalArgumentException.class, "choose: invalid entry in choice array", () -> Dpnp.choose(v, v, v));
        says(IllegalArgumentException.class, "choose: mode must be", () -> Dpnp.choose(v, new UsmNdArray[] {v}, "bounce"));
        says(IndexOutOfBoundsException.class, "insert: index 8 is out of bounds for axis 0 with size 6", () -> Dpnp.insert(v, 8, 1L, null));
        says(IndexOutOfBoundsException.class, "delete: index -7 is out of bounds", () -> Dpnp.delete(v, -7, 0));
        says(IllegalArgumentException.class, "trim_zeros: unexpected character(s)", () -> Dpnp.trimZeros(v, "fx", null));
        says(IllegalArgumentException.class, "block: list depths are mismatched", () -> Dpnp.block(v, new Object[] {v}));
        says(IllegalArgumentException.class, "rot90: axes must be different", () -> Dpnp.rot90(v.reshape(2, 3), 1, 1, 1));
        says(IllegalArgumentException.class, "fill_diagonal: all dimensions of input must be of equal length",
                () -> Dpnp.fillDiagonal(Dpnp.zeros(new long[] {2, 3, 2}, on), 1.0));
        says(IllegalArgumentException.class, "place: cannot insert from an empty array",
                () -> Dpnp.place(Dpnp.copy(v), Dpnp.greater(v, 2), v.get(":0")));
        says(IllegalArgumentException.class, "ravel_multi_index: invalid entry in coordinates array",
                () -> Dpnp.ravelMultiIndex(new UsmNdArray[] {v, v}, 3, 3));
        says(IllegalArgumentException.class, "unravel_index: index 5 is out of bounds for array with size 4", () -> Dpnp.unravelIndex(v, 2, 2));
        says(IllegalArgumentException.class, "packbits: expected an input array of integer or boolean data type", () -> Dpnp.packbits(f));
        says(IllegalArgumentException.class, "unpackbits: expected an input array of unsigned byte", () -> Dpnp.unpackbits(v));
        says(IllegalArgumentException.class, "asarray_chkfinite: array must not contain infs or NaNs",
                () -> Dpnp.asarrayChkfinite(Dpnp.divide(f, 0.0).eval()));
        says(IllegalArgumentException.class, "binary_repr: insufficient bit width=2 provided for binwidth=3", () -> Dpnp.binaryRepr(-3, 2));
        says(IllegalArgumentException.class, "base_repr: bases greater than 36", () -> Dpnp.baseRepr(5, 37, 0));
        says(IllegalArgumentException.class, "require: unknown requirement 'Q'", () -> Dpnp.require(v, null, "Q"));
        says(IllegalArgumentException.class, "piecewise: with 1 condition(s), either 1 or 2 functions",
                () -> Dpnp.piecewise(v, new UsmNdArray[] {Dpnp.greater(v, 1)}, 1, 2, 3));
        says(IllegalArgumentException.class, "fromiter: iterator too short", () -> Dpnp.fromiter(List.of(1, 2), DType.INT64, 3, on));
    }

    @OnEveryDevice
    void printOptionsHoldUntilSetBack(Device device) {
        // NumPy's get_printoptions(): precision 8, threshold 1000, edgeitems 3, linewidth 75, suppress False, 'nan', 'inf'.
        assertEquals(new PrintOptions(8, 1000, 3, 75, false, "nan", "inf"), Dpnp.getPrintoptions());
        UsmNdArray v = Dpnp.asarray(new double[] {1.0 / 3, 2.5}, null, ArrayOptions.on(device).dtype(org.jdpx.tensor.DTypes.defaultFloat(device)));
        Dpnp.setPrintoptions(Dpnp.getPrintoptions().precision(2));
        try {
            assertEquals("[0.33 2.5 ]", Dpnp.arrayStr(v)); // np.set_printoptions(precision=2); np.array_str(np.array([1/3, 2.5]))
        } finally {
            Dpnp.setPrintoptions(PrintOptions.DEFAULTS);
        }
        assertEquals(PrintOptions.DEFAULTS, Dpnp.getPrintoptions());
        says(IllegalArgumentException.class, "set_printoptions: precision must be >= 0", () -> PrintOptions.DEFAULTS.precision(-1));
        says(IllegalArgumentException.class, "format_float_positional: precision must be provided when unique is False",
                () -> Dpnp.formatFloatPositional(1.5, null, false, true, "k", false, null, null, null));
        says(IllegalArgumentException.class, "format_float_scientific: min_digits must be less than or equal to precision",
                () -> Dpnp.formatFloatScientific(1.5, 2, true, "k", false, null, null, 3));
    }

    @OnEveryDevice
    void writesReachTheCallersView(Device device) {
        ArrayOptions on = ArrayOptions.on(device);
        UsmNdArray m = Dpnp.zeros(new long[] {4, 6}, on.dtype(DType.INT32));
        UsmNdArray part = m.get(":, 1::2");
        Dpnp.put(part, Dpnp.arange(0, 4, 1, on), 7L, "raise");
        Dpnp.fillDiagonal(part, 5L);
        Dpnp.putmask(m.get("3"), Dpnp.greater(Dpnp.arange(0, 6, 1, on), 3), 9L);
        assertArrayEquals(new int[] {0, 5, 0, 7, 0, 7, 0, 7, 0, 5, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 9, 9}, m.toIntArray());
        assertEquals(3, Dpnp.size(m, 0) - 1);
    }

    @Test
    void everyArgumentMustBeOnTheFirstOnesQueue() {
        UsmNdArray[] two = ErrorsTest.onTwoDevices();
        if (two == null) return;
        UsmNdArray here = two[0];
        UsmNdArray there = two[1];
        List<Runnable> mixed = List.of(() -> Dpnp.isin(here, there), () -> Dpnp.union1d(here, there),
                () -> Dpnp.put(Dpnp.copy(here), there, 1L), () -> Dpnp.choose(here.get(":1"), here, there));
        for (Runnable r : mixed) assertThrows(ExecutionPlacementError.class, r::run);
    }
}
