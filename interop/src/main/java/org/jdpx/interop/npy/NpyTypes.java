package org.jdpx.interop.npy;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Collectors;
import org.jdpx.tensor.DType;

/**
 * The table between jdpx dtypes and NumPy's type strings ({@code descr} without its byte-order
 * character). Adding a dtype to {@code .npy}/{@code .npz} support is one line here (a complex number
 * swaps its two float halves separately, so its swap unit is half its size).
 */
final class NpyTypes {

    /**
     * One dtype's NumPy type string.
     *
     * @param dtype    the jdpx dtype
     * @param code     NumPy's kind letter and item size ({@code f4})
     * @param swapUnit bytes that swap together when the byte order differs
     */
    record Code(DType dtype, String code, int swapUnit) {
        Code(DType dtype, String code) {
            this(dtype, code, dtype.itemSize());
        }
    }

    private static final List<Code> TABLE = List.of(
            new Code(DType.BOOL, "b1"),
            new Code(DType.INT8, "i1"),
            new Code(DType.INT16, "i2"),
            new Code(DType.INT32, "i4"),
            new Code(DType.INT64, "i8"),
            new Code(DType.UINT8, "u1"),
            new Code(DType.UINT16, "u2"),
            new Code(DType.UINT32, "u4"),
            new Code(DType.UINT64, "u8"),
            new Code(DType.FLOAT16, "f2"),
            new Code(DType.FLOAT32, "f4"),
            new Code(DType.FLOAT64, "f8"),
            new Code(DType.COMPLEX64, "c8", 4),
            new Code(DType.COMPLEX128, "c16", 8));

    private NpyTypes() {
    }

    /** The table row of {@code t}. */
    static Code of(DType t) {
        for (Code c : TABLE) {
            if (c.dtype() == t) return c;
        }
        throw new IllegalArgumentException("dtype " + t + " has no .npy type string yet; add it to NpyTypes' table");
    }

    /** NumPy's {@code descr} of {@code t} in byte order {@code order}: {@code '<f8'}, {@code '>i4'}, {@code '|u1'}. */
    static String descr(DType t, ByteOrder order) {
        char mark = t.itemSize() == 1 ? '|' : order == ByteOrder.BIG_ENDIAN ? '>' : '<';
        return mark + of(t).code();
    }

    /**
     * The dtype and byte order a {@code descr} names.
     *
     * @throws IOException naming the type string and the supported ones when jdpx has no such dtype
     */
    static Parsed parse(String descr, String source) throws IOException {
        ByteOrder order = ByteOrder.nativeOrder();
        String code = descr;
        if (!descr.isEmpty() && "<>|=".indexOf(descr.charAt(0)) >= 0) {
            if (descr.charAt(0) == '<') order = ByteOrder.LITTLE_ENDIAN;
            if (descr.charAt(0) == '>') order = ByteOrder.BIG_ENDIAN;
            code = descr.substring(1);
        }
        for (Code c : TABLE) {
            if (c.code().equals(code)) return new Parsed(c.dtype(), order);
        }
        throw new IOException(source + " holds dtype '" + descr + "', which jdpx does not support; supported type strings: "
                + TABLE.stream().map(Code::code).collect(Collectors.joining(", "))
                + " (convert it in NumPy first, e.g. a.astype('<f8'))");
    }

    /**
     * A parsed {@code descr}.
     *
     * @param dtype the jdpx dtype
     * @param order the byte order of the data in the file
     */
    record Parsed(DType dtype, ByteOrder order) {
    }
}
