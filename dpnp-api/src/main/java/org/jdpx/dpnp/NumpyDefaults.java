package org.jdpx.dpnp;

import java.nio.file.Path;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.UsmNdArray;

/**
 * NumPy's default arguments as overloads, inherited by {@link Dpnp} so a NumPy user writes what
 * they know: {@code Dpnp.sum(x)}, {@code Dpnp.eye(3)}, {@code Dpnp.linspace(0, 1, 5)},
 * {@code Dpnp.sort(x)} (the last axis, as {@code np.sort}). Each overload's Javadoc names the
 * NumPy call it mirrors and the defaults it fills in, then calls Dpnp's full form with them, so it
 * runs where that does: on its arguments' device, or for creation functions on the default device
 * ({@link ArrayOptions#defaults()}: {@code JDPX_DEFAULT_DEVICE}, else the best device present) with
 * NumPy's default dtype (float32 there when the device has no fp64). It throws what the full form throws.
 * A separate file only to keep {@code Dpnp} short; call these through {@code Dpnp}.
 */
abstract sealed class NumpyDefaults permits DtypeFunctions {

    NumpyDefaults() {
    }

    // ---------------------------------------------------------------- creation (default device, default dtype: ArrayOptions.defaults())
    /** NumPy {@code np.empty(shape)}. */
    public static UsmNdArray empty(long... shape) { return Dpnp.empty(shape, ArrayOptions.defaults()); }
    /** NumPy {@code np.zeros(shape)}. */
    public static UsmNdArray zeros(long... shape) { return Dpnp.zeros(shape, ArrayOptions.defaults()); }
    /** NumPy {@code np.ones(shape)}. */
    public static UsmNdArray ones(long... shape) { return Dpnp.ones(shape, ArrayOptions.defaults()); }
    /** NumPy {@code np.full(shape, fill_value)}. */
    public static UsmNdArray full(long[] shape, Object value) { return Dpnp.full(shape, value, ArrayOptions.defaults()); }
    /** NumPy {@code np.arange(stop)}. */
    public static UsmNdArray arange(long stop) { return Dpnp.arange(stop, ArrayOptions.defaults()); }
    /** NumPy {@code np.arange(start, stop)}: step=1 (int64 when both are integral). */
    public static UsmNdArray arange(double start, double stop) { return Dpnp.arange(start, stop, 1, ArrayOptions.defaults()); }
    /** NumPy {@code np.arange(start, stop, step)}. */
    public static UsmNdArray arange(double start, double stop, double step) { return Dpnp.arange(start, stop, step, ArrayOptions.defaults()); }
    /** NumPy {@code np.linspace(start, stop)}: num=50, endpoint=True. */
    public static UsmNdArray linspace(double start, double stop) { return linspace(start, stop, 50); }
    /** NumPy {@code np.linspace(start, stop, num)}: endpoint=True. */
    public static UsmNdArray linspace(double start, double stop, long num) { return Dpnp.linspace(start, stop, num, true, ArrayOptions.defaults()); }
    /** NumPy {@code np.linspace(start, stop, num, device=..., dtype=...)}: endpoint=True. */
    public static UsmNdArray linspace(double start, double stop, long num, ArrayOptions o) { return Dpnp.linspace(start, stop, num, true, o); }
    /** NumPy {@code np.logspace(start, stop, num)}: endpoint=True, base=10.0. */
    public static UsmNdArray logspace(double start, double stop, long num) { return Dpnp.logspace(start, stop, num, true, 10, ArrayOptions.defaults()); }
    /** NumPy {@code np.eye(N)}: M=N, k=0. */
    public static UsmNdArray eye(long n) { return eye(n, ArrayOptions.defaults()); }
    /** NumPy {@code np.eye(N, device=..., dtype=...)}: M=N, k=0. */
    public static UsmNdArray eye(long n, ArrayOptions o) { return Dpnp.eye(n, n, 0, o); }
    /** NumPy {@code np.eye(N, M)}: k=0. */
    public static UsmNdArray eye(long n, long m) { return Dpnp.eye(n, m, 0, ArrayOptions.defaults()); }
    /** NumPy {@code np.identity(n)}. */
    public static UsmNdArray identity(long n) { return Dpnp.identity(n, ArrayOptions.defaults()); }
    /** NumPy {@code np.tri(N)}: M=N, k=0. */
    public static UsmNdArray tri(long n) { return Dpnp.tri(n, n, 0, ArrayOptions.defaults()); }
    /** NumPy {@code np.tri(N, device=..., dtype=...)}: M=N, k=0. */
    public static UsmNdArray tri(long n, ArrayOptions o) { return Dpnp.tri(n, n, 0, o); }
    /** NumPy {@code np.tril(m)}: k=0. */
    public static UsmNdArray tril(UsmNdArray x) { return Dpnp.tril(x, 0); }
    /** NumPy {@code np.triu(m)}: k=0. */
    public static UsmNdArray triu(UsmNdArray x) { return Dpnp.triu(x, 0); }
    /** NumPy {@code np.meshgrid(*xi)}: indexing='xy'. */
    public static UsmNdArray[] meshgrid(UsmNdArray... xs) { return Dpnp.meshgrid("xy", xs); }
    /** NumPy {@code np.indices(dimensions)}. */
    public static UsmNdArray indices(long... dims) { return Dpnp.indices(dims, ArrayOptions.defaults()); }
    /** NumPy {@code np.diag(v)}: k=0. */
    public static UsmNdArray diag(UsmNdArray v) { return Dpnp.diag(v, 0); }
    /** NumPy {@code np.diagflat(v)}: k=0. */
    public static UsmNdArray diagflat(UsmNdArray v) { return Dpnp.diagflat(v, 0); }
    /** NumPy {@code np.diagonal(a)}: offset=0, axis1=0, axis2=1. */
    public static UsmNdArray diagonal(UsmNdArray x) { return Dpnp.diagonal(x, 0, 0, 1); }
    /** NumPy {@code np.load(file)}, onto the default device. */
    public static UsmNdArray load(Path path) { return Dpnp.load(path, ArrayOptions.defaults()); }

    // ---------------------------------------------------------------- elementwise
    /** NumPy {@code np.round(a)}: decimals=0, halves to even. */
    public static UsmNdArray round(UsmNdArray x) { return Dpnp.round(x, 0); }
    /** NumPy {@code np.around(a)}: decimals=0. */
    public static UsmNdArray around(UsmNdArray x) { return Dpnp.around(x, 0); }
    /** NumPy {@code np.copysign(x1, x2)} with a scalar {@code x2}. */
    public static UsmNdArray copysign(UsmNdArray x, double sign) { return MathFns.copysign(x, sign); }
    /** NumPy {@code np.nan_to_num(x)}: nan=0.0, posinf/neginf the largest finite values. */
    public static UsmNdArray nanToNum(UsmNdArray x) { return Dpnp.nanToNum(x, 0.0); }
    /** NumPy {@code np.diff(a)}: n=1, axis=-1. */
    public static UsmNdArray diff(UsmNdArray x) { return Dpnp.diff(x, 1, -1); }
    /** NumPy {@code np.diff(a, n)}: axis=-1. */
    public static UsmNdArray diff(UsmNdArray x, int n) { return Dpnp.diff(x, n, -1); }

    // ---------------------------------------------------------------- reductions: axis=None (all axes) or one axis, keepdims=False, ddof=0
    /** NumPy {@code np.sum(a)}: axis=None, keepdims=False. */
    public static UsmNdArray sum(UsmNdArray x) { return Dpnp.sum(x, null, false); }
    /** NumPy {@code np.sum(a, axis)}: keepdims=False. */
    public static UsmNdArray sum(UsmNdArray x, int axis) { return Dpnp.sum(x, new int[] {axis}, false); }
    /** NumPy {@code np.prod(a)}: axis=None, keepdims=False. */
    public static UsmNdArray prod(UsmNdArray x) { return Dpnp.prod(x, null, false); }
    /** NumPy {@code np.prod(a, axis)}: keepdims=False. */
    public static UsmNdArray prod(UsmNdArray x, int axis) { return Dpnp.prod(x, new int[] {axis}, false); }
    /** NumPy {@code np.min(a)}: axis=None, keepdims=False. */
    public static UsmNdArray min(UsmNdArray x) { return Dpnp.min(x, null, false); }
    /** NumPy {@code np.min(a, axis)}: keepdims=False. */
    public static UsmNdArray min(UsmNdArray x, int axis) { return Dpnp.min(x, new int[] {axis}, false); }
    /** NumPy {@code np.max(a)}: axis=None, keepdims=False. */
    public static UsmNdArray max(UsmNdArray x) { return Dpnp.max(x, null, false); }
    /** NumPy {@code np.max(a, axis)}: keepdims=False. */
    public static UsmNdArray max(UsmNdArray x, int axis) { return Dpnp.max(x, new int[] {axis}, false); }
    /** NumPy {@code np.amin(a)}: axis=None, keepdims=False. */
    public static UsmNdArray amin(UsmNdArray x) { return Dpnp.amin(x, null, false); }
    /** NumPy {@code np.amin(a, axis)}: keepdims=False. */
    public static UsmNdArray amin(UsmNdArray x, int axis) { return Dpnp.amin(x, new int[] {axis}, false); }
    /** NumPy {@code np.amax(a)}: axis=None, keepdims=False. */
    public static UsmNdArray amax(UsmNdArray x) { return Dpnp.amax(x, null, false); }
    /** NumPy {@code np.amax(a, axis)}: keepdims=False. */
    public static UsmNdArray amax(UsmNdArray x, int axis) { return Dpnp.amax(x, new int[] {axis}, false); }
    /** NumPy {@code np.ptp(a)}: axis=None, keepdims=False. */
    public static UsmNdArray ptp(UsmNdArray x) { return Dpnp.ptp(x, null, false); }
    /** NumPy {@code np.ptp(a, axis)}: keepdims=False. */
    public static UsmNdArray ptp(UsmNdArray x, int axis) { return Dpnp.ptp(x, new int[] {axis}, false); }
    /** NumPy {@code np.mean(a)}: axis=None, keepdims=False. */
    public static UsmNdArray mean(UsmNdArray x) { return Dpnp.mean(x, null, false); }
    /** NumPy {@code np.mean(a, axis)}: keepdims=False. */
    public static UsmNdArray mean(UsmNdArray x, int axis) { return Dpnp.mean(x, new int[] {axis}, false); }
    /** NumPy {@code np.any(a)}: axis=None, keepdims=False. */
    public static UsmNdArray any(UsmNdArray x) { return Dpnp.any(x, null, false); }
    /** NumPy {@code np.any(a, axis)}: keepdims=False. */
    public static UsmNdArray any(UsmNdArray x, int axis) { return Dpnp.any(x, new int[] {axis}, false); }
    /** NumPy {@code np.all(a)}: axis=None, keepdims=False. */
    public static UsmNdArray all(UsmNdArray x) { return Dpnp.all(x, null, false); }
    /** NumPy {@code np.all(a, axis)}: keepdims=False. */
    public static UsmNdArray all(UsmNdArray x, int axis) { return Dpnp.all(x, new int[] {axis}, false); }
    /** NumPy {@code np.nansum(a)}: axis=None, keepdims=False. */
    public static UsmNdArray nansum(UsmNdArray x) { return Dpnp.nansum(x, null, false); }
    /** NumPy {@code np.nansum(a, axis)}: keepdims=False. */
    public static UsmNdArray nansum(UsmNdArray x, int axis) { return Dpnp.nansum(x, new int[] {axis}, false); }
    /** NumPy {@code np.nanprod(a)}: axis=None, keepdims=False. */
    public static UsmNdArray nanprod(UsmNdArray x) { return Dpnp.nanprod(x, null, false); }
    /** NumPy {@code np.nanprod(a, axis)}: keepdims=False. */
    public static UsmNdArray nanprod(UsmNdArray x, int axis) { return Dpnp.nanprod(x, new int[] {axis}, false); }
    /** NumPy {@code np.nanmin(a)}: axis=None, keepdims=False. */
    public static UsmNdArray nanmin(UsmNdArray x) { return Dpnp.nanmin(x, null, false); }
    /** NumPy {@code np.nanmin(a, axis)}: keepdims=False. */
    public static UsmNdArray nanmin(UsmNdArray x, int axis) { return Dpnp.nanmin(x, new int[] {axis}, false); }
    /** NumPy {@code np.nanmax(a)}: axis=None, keepdims=False. */
    public static UsmNdArray nanmax(UsmNdArray x) { return Dpnp.nanmax(x, null, false); }
    /** NumPy {@code np.nanmax(a, axis)}: keepdims=False. */
    public static UsmNdArray nanmax(UsmNdArray x, int axis) { return Dpnp.nanmax(x, new int[] {axis}, false); }
    /** NumPy {@code np.nanmean(a)}: axis=None, keepdims=False. */
    public static UsmNdArray nanmean(UsmNdArray x) { return Dpnp.nanmean(x, null, false); }
    /** NumPy {@code np.nanmean(a, axis)}: keepdims=False. */
    public static UsmNdArray nanmean(UsmNdArray x, int axis) { return Dpnp.nanmean(x, new int[] {axis}, false); }
    /** NumPy {@code np.count_nonzero(a)}: axis=None, keepdims=False. */
    public static UsmNdArray countNonzero(UsmNdArray x) { return Dpnp.countNonzero(x, null, false); }
    /** NumPy {@code np.count_nonzero(a, axis)}: keepdims=False. */
    public static UsmNdArray countNonzero(UsmNdArray x, int axis) { return Dpnp.countNonzero(x, new int[] {axis}, false); }
    /** NumPy {@code np.var(a)}: axis=None, ddof=0, keepdims=False. */
    public static UsmNdArray var(UsmNdArray x) { return Dpnp.var(x, null, false, 0); }
    /** NumPy {@code np.var(a, axis)}: ddof=0, keepdims=False. */
    public static UsmNdArray var(UsmNdArray x, int axis) { return Dpnp.var(x, new int[] {axis}, false, 0); }
    /** NumPy {@code np.std(a)}: axis=None, ddof=0, keepdims=False. */
    public static UsmNdArray std(UsmNdArray x) { return Dpnp.std(x, null, false, 0); }
    /** NumPy {@code np.std(a, axis)}: ddof=0, keepdims=False. */
    public static UsmNdArray std(UsmNdArray x, int axis) { return Dpnp.std(x, new int[] {axis}, false, 0); }
    /** NumPy {@code np.nanvar(a)}: axis=None, ddof=0, keepdims=False. */
    public static UsmNdArray nanvar(UsmNdArray x) { return Dpnp.nanvar(x, null, false, 0); }
    /** NumPy {@code np.nanvar(a, axis)}: ddof=0, keepdims=False. */
    public static UsmNdArray nanvar(UsmNdArray x, int axis) { return Dpnp.nanvar(x, new int[] {axis}, false, 0); }
    /** NumPy {@code np.nanstd(a)}: axis=None, ddof=0, keepdims=False. */
    public static UsmNdArray nanstd(UsmNdArray x) { return Dpnp.nanstd(x, null, false, 0); }
    /** NumPy {@code np.nanstd(a, axis)}: ddof=0, keepdims=False. */
    public static UsmNdArray nanstd(UsmNdArray x, int axis) { return Dpnp.nanstd(x, new int[] {axis}, false, 0); }
    /** NumPy {@code np.argmin(a)}: axis=None, the flat index. */
    public static UsmNdArray argmin(UsmNdArray x) { return Dpnp.argmin(x, null); }
    /** NumPy {@code np.argmax(a)}: axis=None, the flat index. */
    public static UsmNdArray argmax(UsmNdArray x) { return Dpnp.argmax(x, null); }
    /** NumPy {@code np.nanargmin(a)}: axis=None, the flat index. */
    public static UsmNdArray nanargmin(UsmNdArray x) { return Dpnp.nanargmin(x, null); }
    /** NumPy {@code np.nanargmax(a)}: axis=None, the flat index. */
    public static UsmNdArray nanargmax(UsmNdArray x) { return Dpnp.nanargmax(x, null); }
    /** NumPy {@code np.cumsum(a)}: axis=None, over the flattened array. */
    public static UsmNdArray cumsum(UsmNdArray x) { return Dpnp.cumsum(x, null); }
    /** NumPy {@code np.cumprod(a)}: axis=None, over the flattened array. */
    public static UsmNdArray cumprod(UsmNdArray x) { return Dpnp.cumprod(x, null); }
    /** NumPy {@code np.nancumsum(a)}: axis=None, over the flattened array. */
    public static UsmNdArray nancumsum(UsmNdArray x) { return Dpnp.nancumsum(x, null); }
    /** NumPy {@code np.nancumprod(a)}: axis=None, over the flattened array. */
    public static UsmNdArray nancumprod(UsmNdArray x) { return Dpnp.nancumprod(x, null); }

    // ---------------------------------------------------------------- statistics
    /** NumPy {@code np.median(a)}: axis=None, keepdims=False. */
    public static UsmNdArray median(UsmNdArray x) { return Dpnp.median(x, null, false); }
    /** NumPy {@code np.percentile(a, q)} for a scalar {@code q}: axis=None, keepdims=False; a 0-d result. */
    public static UsmNdArray percentile(UsmNdArray x, double q) { return Dpnp.percentile(x, q, null, false); }
    /** NumPy {@code np.percentile(a, q)} for a sequence {@code q}: axis=None, keepdims=False. */
    public static UsmNdArray percentile(UsmNdArray x, double[] q) { return Dpnp.percentile(x, q, null, false); }
    /** NumPy {@code np.quantile(a, q)} for a scalar {@code q}: axis=None, keepdims=False; a 0-d result. */
    public static UsmNdArray quantile(UsmNdArray x, double q) { return Dpnp.quantile(x, q, null, false); }
    /** NumPy {@code np.quantile(a, q)} for a sequence {@code q}: axis=None, keepdims=False. */
    public static UsmNdArray quantile(UsmNdArray x, double[] q) { return Dpnp.quantile(x, q, null, false); }
    /** NumPy {@code np.average(a)}: axis=None, weights=None. */
    public static UsmNdArray average(UsmNdArray x) { return Dpnp.average(x, null, null); }
    /** NumPy {@code np.cov(m)}: rowvar=True, bias=False (divides by N - 1). */
    public static UsmNdArray cov(UsmNdArray m) { return Dpnp.cov(m, true, 1); }
    /** NumPy {@code np.corrcoef(x)}: rowvar=True. */
    public static UsmNdArray corrcoef(UsmNdArray m) { return Dpnp.corrcoef(m, true); }
    /** NumPy {@code np.histogram(a)}: bins=10, range=None (the data's min and max). */
    public static UsmNdArray[] histogram(UsmNdArray x) { return Dpnp.histogram(x, 10, null, null); }
    /** NumPy {@code np.histogram(a, bins)}: range=None. */
    public static UsmNdArray[] histogram(UsmNdArray x, int bins) { return Dpnp.histogram(x, bins, null, null); }
    /** NumPy {@code np.histogram_bin_edges(a)}: bins=10, range=None. */
    public static UsmNdArray histogramBinEdges(UsmNdArray x) { return Dpnp.histogramBinEdges(x, 10, null, null); }
    /** NumPy {@code np.histogram_bin_edges(a, bins)}: range=None. */
    public static UsmNdArray histogramBinEdges(UsmNdArray x, int bins) { return Dpnp.histogramBinEdges(x, bins, null, null); }
    /** NumPy {@code np.bincount(x)}: weights=None, minlength=0. */
    public static UsmNdArray bincount(UsmNdArray x) { return Dpnp.bincount(x, null, 0); }
    /** NumPy {@code np.digitize(x, bins)}: right=False. */
    public static UsmNdArray digitize(UsmNdArray x, UsmNdArray bins) { return Dpnp.digitize(x, bins, false); }

    // ---------------------------------------------------------------- linear algebra
    /** NumPy {@code np.trace(a)}: offset=0, axis1=0, axis2=1. */
    public static UsmNdArray trace(UsmNdArray x) { return Dpnp.trace(x, 0); }
    /** NumPy {@code np.linalg.norm(x)}: ord=None (2-norm of the flattened array), axis=None, keepdims=False. */
    public static UsmNdArray norm(UsmNdArray x) { return Dpnp.norm(x, null, null, false); }
    /** NumPy {@code np.tensordot(a, b)}: axes=2. */
    public static UsmNdArray tensordot(UsmNdArray a, UsmNdArray b) { return Dpnp.tensordot(a, b, 2); }

    // ---------------------------------------------------------------- manipulation
    /** NumPy {@code np.flip(m)}: axis=None, every axis reversed. */
    public static UsmNdArray flip(UsmNdArray x) { return Dpnp.flip(x, null); }
    /** NumPy {@code np.concatenate((a1, a2, ...))}: axis=0. */
    public static UsmNdArray concatenate(UsmNdArray... xs) { return Dpnp.concatenate(xs, 0); }
    /** NumPy {@code np.concat((a1, a2, ...))}: axis=0. */
    public static UsmNdArray concat(UsmNdArray... xs) { return Dpnp.concat(xs, 0); }
    /** NumPy {@code np.stack(arrays)}: axis=0. */
    public static UsmNdArray stack(UsmNdArray... xs) { return Dpnp.stack(xs, 0); }
    /** NumPy {@code np.split(ary, sections)}: axis=0. */
    public static UsmNdArray[] split(UsmNdArray x, int sections) { return Dpnp.split(x, sections, 0); }
    /** NumPy {@code np.split(ary, indices)}: axis=0. */
    public static UsmNdArray[] split(UsmNdArray x, long[] indices) { return Dpnp.split(x, indices, 0); }
    /** NumPy {@code np.array_split(ary, sections)}: axis=0. */
    public static UsmNdArray[] arraySplit(UsmNdArray x, int sections) { return Dpnp.arraySplit(x, sections, 0); }
    /** NumPy {@code np.roll(a, shift)}: axis=None, over the flattened array, shape kept. */
    public static UsmNdArray roll(UsmNdArray x, long shift) { return Dpnp.roll(x, shift, null); }
    /** NumPy {@code np.repeat(a, repeats)}: axis=None, a flat result. */
    public static UsmNdArray repeat(UsmNdArray x, long repeats) { return Dpnp.repeat(x, repeats, null); }
    /** NumPy {@code np.pad(array, pad_width)}: mode='constant', constant_values=0. */
    public static UsmNdArray pad(UsmNdArray x, long[][] widths) { return Dpnp.pad(x, widths, 0); }

    // ---------------------------------------------------------------- sorting, searching
    /** NumPy {@code np.sort(a)}: axis=-1, each row of the last axis sorted ({@code Dpnp.sort(x, null)} is NumPy's axis=None: flattened). */
    public static UsmNdArray sort(UsmNdArray x) { return Dpnp.sort(x, -1); }
    /** NumPy {@code np.argsort(a)}: axis=-1. */
    public static UsmNdArray argsort(UsmNdArray x) { return Dpnp.argsort(x, -1); }
    /** NumPy {@code np.searchsorted(a, v)}: side='left'. */
    public static UsmNdArray searchsorted(UsmNdArray a, UsmNdArray v) { return Dpnp.searchsorted(a, v, "left"); }
    /** NumPy {@code np.take(a, indices)}: axis=None, from the flattened array. */
    public static UsmNdArray take(UsmNdArray x, UsmNdArray indices) { return Dpnp.take(x, indices, null); }

    // ---------------------------------------------------------------- logic
    /** NumPy {@code np.array_equal(a1, a2)}: equal_nan=False. */
    public static UsmNdArray arrayEqual(UsmNdArray a, UsmNdArray b) { return Dpnp.arrayEqual(a, b, false); }
}
