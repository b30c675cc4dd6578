package org.jdpx.interop.npy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;

/**
 * One array NumPy wrote in {@code numpy/npy/generate_npy.py}: a line of {@code files/expected.txt}.
 *
 * @param file    the {@code .npy} or {@code .npz} file
 * @param member  the {@code .npz} member, empty for a {@code .npy}
 * @param dtype   element type
 * @param order   the file's byte order
 * @param fortran whether NumPy stored it in Fortran order
 * @param shape   extents
 * @param version header version
 * @param bits    elements in C order as unsigned bit patterns
 */
record Golden(String file, String member, DType dtype, ByteOrder order, boolean fortran, long[] shape, int version, long[] bits) {

    /** The folder of NumPy's files. */
    static Path dir() {
        try {
            return Path.of(Golden.class.getResource("/numpy/npy/files/expected.txt").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every line of {@code expected.txt}. */
    static List<Golden> all() throws IOException {
        return Files.readAllLines(dir().resolve("expected.txt")).stream().filter(l -> !l.isBlank()).map(Golden::parse).toList();
    }

    private static Golden parse(String line) {
        String[] f = line.split(";", -1);
        NpyTypes.Parsed t;
        try {
            t = NpyTypes.parse(f[2], line);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        long[] shape = f[4].isEmpty() ? new long[0] : Arrays.stream(f[4].split(",")).mapToLong(Long::parseLong).toArray();
        long[] bits = f[6].isEmpty() ? new long[0] : Arrays.stream(f[6].split(" ")).mapToLong(Long::parseUnsignedLong).toArray();
        return new Golden(f[0], f[1], t.dtype(), t.order(), f[3].equals("True"), shape, Integer.parseInt(f[5]), bits);
    }

    /** The file's path. */
    Path path() {
        return dir().resolve(file);
    }

    /** A readable name. */
    String name() {
        return member.isEmpty() ? file : file + ":" + member;
    }

    /** The array on the options' device, built from the bits, in Fortran layout when NumPy's was. */
    UsmNdArray toArray(ArrayOptions o) {
        UsmNdArray c = UsmNdArray.allocate(shape, dtype, o.resolveQueue(), o.usmType(), 'C');
        if (bits.length > 0) c.memory().copyFromHost(segment(bits, dtype));
        return fortran ? c.T().copy().eval().T() : c;
    }

    /** Bit patterns as native-order elements of {@code t} (complex: two patterns per element). */
    static MemorySegment segment(long[] bits, DType t) {
        int part = t.isComplex() ? t.itemSize() / 2 : t.itemSize();
        MemorySegment s = Arena.ofAuto().allocate(Math.max(1L, (long) bits.length * part), 8);
        for (int i = 0; i < bits.length; i++) {
            switch (part) {
                case 1 -> s.set(ValueLayout.JAVA_BYTE, i, (byte) bits[i]);
                case 2 -> s.setAtIndex(ValueLayout.JAVA_SHORT, i, (short) bits[i]);
                case 4 -> s.setAtIndex(ValueLayout.JAVA_INT, i, (int) bits[i]);
                default -> s.setAtIndex(ValueLayout.JAVA_LONG, i, bits[i]);
            }
        }
        return s;
    }

    /** An array's elements in C order as unsigned bit patterns. */
    static long[] bitsOf(UsmNdArray x) {
        return bitsOf(x.toHostSegment(), x.dtype(), x.size());
    }

    /** {@code n} native-order elements of {@code t} as unsigned bit patterns (complex: two per element). */
    static long[] bitsOf(MemorySegment s, DType t, long n) {
        int parts = t.isComplex() ? 2 : 1; // a complex element as its two halves
        long[] out = new long[(int) n * parts];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (t.itemSize() / parts) {
                case 1 -> s.get(ValueLayout.JAVA_BYTE, i) & 0xFFL;
                case 2 -> s.getAtIndex(ValueLayout.JAVA_SHORT, i) & 0xFFFFL;
                case 4 -> s.getAtIndex(ValueLayout.JAVA_INT, i) & 0xFFFFFFFFL;
                default -> s.getAtIndex(ValueLayout.JAVA_LONG, i);
            };
        }
        return out;
    }

    /**
     * The bits expected after loading as {@code held}: the same, or float64 narrowed to float32
     * (a device without fp64), with every NaN as the canonical float NaN.
     */
    long[] bitsAs(DType held) {
        if (held == dtype) return bits;
        return Arrays.stream(bits).map(b -> Float.floatToIntBits((float) Double.longBitsToDouble(b)) & 0xFFFFFFFFL).toArray();
    }

    /** {@code got} with float NaNs made canonical, to compare with {@link #bitsAs}. */
    static long[] canonicalFloat32(long[] got) {
        return Arrays.stream(got).map(b -> Float.floatToIntBits(Float.intBitsToFloat((int) b)) & 0xFFFFFFFFL).toArray();
    }
}
