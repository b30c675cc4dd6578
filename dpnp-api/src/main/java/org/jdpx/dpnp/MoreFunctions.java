package org.jdpx.dpnp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;
import org.jdpx.tensor.Ufunc;
import org.jdpx.tensor.UsmNdArray;

/**
 * More of NumPy, inherited by {@link Dpnp}: multidimensional histograms (on the samples' device),
 * text readers (parsed on the host, copied to the options' device), the configuration printers
 * and frompyfunc over jdpx's {@link Ufunc}. A separate file only to keep {@code Dpnp} short.
 */
public abstract sealed class MoreFunctions extends DtypeFunctions permits Dpnp {

    MoreFunctions() {
    }

    /**
     * NumPy {@code np.histogramdd(sample, bins, range, density, weights)} of an (N, D) sample with
     * {@code bins[i]} equal bins per dimension over {@code range[i]} = {min, max} (null, or a null
     * row: the data's min and max): the histogram (float64, float32 without fp64) then D edge arrays.
     *
     * @throws IllegalArgumentException for a non-positive bin count, a non-finite range, a sample that is not 2-D
     */
    public static UsmNdArray[] histogramdd(UsmNdArray sample, int[] bins, double[][] range, boolean density, UsmNdArray weights) {
        UsmNdArray[] c = columns(sample);
        if (bins.length != c.length) {
            throw new IllegalArgumentException("histogramdd: the dimension of bins (" + bins.length
                    + ") must equal the dimension of the sample (" + c.length + ")");
        }
        return Histograms.histogramdd(c, bins, range, null, density, weights);
    }

    /** NumPy {@code np.histogramdd(sample, bins=edges, density, weights)}: one increasing edge array per dimension. */
    public static UsmNdArray[] histogramdd(UsmNdArray sample, UsmNdArray[] edges, boolean density, UsmNdArray weights) {
        UsmNdArray[] c = columns(sample);
        if (edges.length != c.length) {
            throw new IllegalArgumentException("histogramdd: the dimension of bins (" + edges.length
                    + ") must equal the dimension of the sample (" + c.length + ")");
        }
        return Histograms.histogramdd(c, new int[c.length], null, edges, density, weights);
    }

    /**
     * NumPy {@code np.histogram2d(x, y, bins, range, density, weights)} with {@code bins} equal bins
     * in both dimensions; {@code range} is {{xmin, xmax}, {ymin, ymax}} or null. Returns H, xedges, yedges.
     */
    public static UsmNdArray[] histogram2d(UsmNdArray x, UsmNdArray y, int bins, double[][] range, boolean density, UsmNdArray weights) {
        return histogram2d(x, y, new int[] {bins, bins}, range, density, weights);
    }

    /** NumPy {@code np.histogram2d(x, y, bins=[nx, ny], range, density, weights)}. */
    public static UsmNdArray[] histogram2d(UsmNdArray x, UsmNdArray y, int[] bins, double[][] range, boolean density, UsmNdArray weights) {
        if (bins.length != 2) throw new IllegalArgumentException("histogram2d: bins must be [nx, ny], got " + bins.length + " counts");
        return Histograms.histogramdd(new UsmNdArray[] {x, y}, bins, range, null, density, weights);
    }

    /** NumPy {@code np.histogram2d(x, y, bins=[xedges, yedges], density, weights)}. */
    public static UsmNdArray[] histogram2d(UsmNdArray x, UsmNdArray y, UsmNdArray xedges, UsmNdArray yedges, boolean density,
            UsmNdArray weights) {
        return Histograms.histogramdd(new UsmNdArray[] {x, y}, new int[2], null, new UsmNdArray[] {xedges, yedges}, density, weights);
    }

    private static UsmNdArray[] columns(UsmNdArray sample) {
        UsmNdArray s = sample.ndim() == 1 ? sample.reshape(sample.size(), 1) : sample;
        if (s.ndim() != 2) {
            throw new IllegalArgumentException("histogramdd: sample must be an (N, D) array, got " + Shapes.describe(sample.shape()));
        }
        UsmNdArray[] c = new UsmNdArray[(int) s.shape()[1]];
        for (int i = 0; i < c.length; i++) c[i] = s.get(":, " + i);
        return c;
    }

    /**
     * NumPy {@code np.fromstring(text, dtype, count, sep)}: the numbers of {@code text} separated by
     * {@code sep} (whitespace around it ignored; a blank sep means any whitespace); count -1 reads all.
     *
     * @throws UnsupportedOperationException for sep "" (binary mode, removed from NumPy too)
     * @throws IllegalArgumentException for text that is not a number, or fewer items than count
     */
    public static UsmNdArray fromstring(String text, DType dtype, long count, String sep, ArrayOptions o) {
        return TextArrays.fromstring(text, dtype, count, sep, o);
    }

    /**
     * NumPy {@code np.fromregex(file, regexp, dtype)} where every field has one dtype: one row per
     * match, one column per group (1-D for one group).
     *
     * @throws IllegalArgumentException for a regexp without groups or a group that is not a number
     */
    public static UsmNdArray fromregex(Path file, String regexp, DType dtype, ArrayOptions o) {
        try {
            return TextArrays.fromregex(Files.readString(file), regexp, dtype, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * NumPy {@code np.genfromtxt(file, dtype, comments='#', delimiter, skip_header, usecols,
     * filling_values)}: missing (empty) fields become {@code fillingValues} (null: NaN, -1 for an
     * integer dtype); delimiter null splits at whitespace; the result is squeezed as NumPy's.
     *
     * @throws IllegalArgumentException for rows of different lengths, a usecols out of range or a non-number
     */
    public static UsmNdArray genfromtxt(Path file, DType dtype, String delimiter, int skipHeader, int[] usecols,
            Double fillingValues, ArrayOptions o) {
        try {
            return TextArrays.genfromtxt(Files.readAllLines(file), dtype, delimiter, skipHeader, usecols, fillingValues, o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * NumPy {@code np.show_config()}: prints (to standard output) and returns jdpx's build, the Java
     * runtime, the machine and every visible device with its platform and driver versions.
     */
    public static String showConfig() {
        String s = ConfigText.config(ConfigText.registry());
        System.out.print(s);
        return s;
    }

    /** NumPy {@code np.show_runtime()}: prints and returns the versions, jdpx settings and devices in use. */
    public static String showRuntime() {
        String s = ConfigText.runtime(ConfigText.registry());
        System.out.print(s);
        return s;
    }

    /**
     * NumPy {@code np.frompyfunc(func, nin, nout)} for a static Java method over scalars: a
     * {@link Ufunc} that broadcasts and runs fused on the operands' device.
     *
     * @throws UnsupportedOperationException for nout other than 1
     * @throws IllegalArgumentException when nin is not the method's arity
     */
    public static <A, R> Ufunc frompyfunc(Ufunc.Fn1<A, R> func, int nin, int nout) {
        return checked(Ufunc.of(func), nin, nout);
    }

    /** {@link #frompyfunc(Ufunc.Fn1, int, int)} of a two-argument method. */
    public static <A, B, R> Ufunc frompyfunc(Ufunc.Fn2<A, B, R> func, int nin, int nout) {
        return checked(Ufunc.of(func), nin, nout);
    }

    /** {@link #frompyfunc(Ufunc.Fn1, int, int)} of a three-argument method. */
    public static <A, B, C, R> Ufunc frompyfunc(Ufunc.Fn3<A, B, C, R> func, int nin, int nout) {
        return checked(Ufunc.of(func), nin, nout);
    }

    private static Ufunc checked(Ufunc u, int nin, int nout) {
        if (nout != 1) {
            throw new UnsupportedOperationException("frompyfunc: nout=" + nout + " is not supported; a Java method returns one "
                    + "value, so make one ufunc per output");
        }
        if (nin != u.nin()) {
            throw new IllegalArgumentException("frompyfunc: nin=" + nin + " but " + u.name() + " takes " + u.nin() + " arguments");
        }
        return u;
    }
}
