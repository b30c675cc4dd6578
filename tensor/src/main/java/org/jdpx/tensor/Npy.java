package org.jdpx.tensor;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy's {@code .npy} file format (versions 1–3), for {@code Tensor.load}/{@code save} and for
 * exchanging test data with NumPy: little-endian numeric dtypes and bool, C or Fortran order.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {
    }

    /**
     * The contents of a {@code .npy} file: dtype, shape and the elements in C order on the host.
     *
     * @param dtype element type
     * @param shape extents
     * @param data  elements in C order, native little-endian layout
     */
    public record Data(DType dtype, long[] shape, MemorySegment data) {
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws IOException on I/O errors or a file that is not a supported {@code .npy}
     */
    public static Data read(Path path) throws IOException {
        byte[] all = Files.readAllBytes(path);
        if (all.length < 10 || !Arrays.equals(Arrays.copyOf(all, 6), MAGIC)) {
            throw new IOException(path + " is not a .npy file (no \\x93NUMPY magic)");
        }
        int major = all[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = (all[8] & 0xFF) | (all[9] & 0xFF) << 8;
            start = 10;
        } else {
            headerLen = (all[8] & 0xFF) | (all[9] & 0xFF) << 8 | (all[10] & 0xFF) << 16 | (all[11] & 0xFF) << 24;
            start = 12;
        }
        String header = new String(all, start, headerLen, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, path);
        boolean fortran = group(ORDER, header, path).equals("True");
        String shapeText = group(SHAPE, header, path).trim();
        long[] shape = shapeText.isEmpty() ? new long[0]
                : Arrays.stream(shapeText.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        DType t = dtypeOf(descr, path);
        long n = Shapes.size(shape);
        int dataStart = start + headerLen;
        if (all.length - dataStart < n * t.itemSize()) {
            throw new IOException(path + " is truncated: " + n + " elements of " + t + " need " + n * t.itemSize() + " bytes");
        }
        MemorySegment src = MemorySegment.ofArray(all).asSlice(dataStart, n * t.itemSize());
        MemorySegment dst = HostData.allocate(t, n).asSlice(0, n * t.itemSize());
        if (fortran && shape.length > 1) {
            long[] f = Shapes.fStrides(shape);
            long[] idx = new long[shape.length];
            for (long i = 0; i < n; i++) {
                long rem = i;
                long off = 0;
                for (int a = shape.length - 1; a >= 0; a--) {
                    idx[a] = rem % shape[a];
                    rem /= shape[a];
                    off += idx[a] * f[a];
                }
                MemorySegment.copy(src, off * t.itemSize(), dst, i * t.itemSize(), t.itemSize());
            }
        } else {
            MemorySegment.copy(src, 0, dst, 0, n * t.itemSize());
        }
        return new Data(t, shape, dst);
    }

    /** Writes elements in C order as a version 1.0 {@code .npy} file NumPy can load. */
    public static void write(Path path, DType t, long[] shape, MemorySegment data) throws IOException {
        StringBuilder shapeText = new StringBuilder("(");
        for (long e : shape) shapeText.append(e).append(", ");
        if (shape.length > 1) shapeText.setLength(shapeText.length() - 2);
        else if (shape.length == 1) shapeText.setLength(shapeText.length() - 1);
        shapeText.append(')');
        String dict = "{'descr': '" + descrOf(t) + "', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        long bytes = Shapes.size(shape) * t.itemSize();
        byte[] out = new byte[10 + header.length() + (int) bytes];
        System.arraycopy(MAGIC, 0, out, 0, 6);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) header.length();
        out[9] = (byte) (header.length() >> 8);
        System.arraycopy(header.getBytes(StandardCharsets.ISO_8859_1), 0, out, 10, header.length());
        MemorySegment.copy(data, 0, MemorySegment.ofArray(out), 10 + header.length(), bytes);
        Files.write(path, out);
    }

    private static String group(Pattern p, String header, Path path) throws IOException {
        Matcher m = p.matcher(header);
        if (!m.find()) throw new IOException(path + ": malformed .npy header: " + header.trim());
        return m.group(1);
    }

    private static DType dtypeOf(String descr, Path path) throws IOException {
        if (descr.startsWith(">") && !descr.endsWith("1")) {
            throw new IOException(path + " holds big-endian data (" + descr + "); save it little-endian with NumPy");
        }
        String d = descr.replaceFirst("^[<|=]", "");
        return switch (d) {
            case "b1" -> DType.BOOL;
            case "i1" -> DType.INT8;
            case "u1" -> DType.UINT8;
            case "i2" -> DType.INT16;
            case "u2" -> DType.UINT16;
            case "i4" -> DType.INT32;
            case "u4" -> DType.UINT32;
            case "i8" -> DType.INT64;
            case "u8" -> DType.UINT64;
            case "f2" -> DType.FLOAT16;
            case "f4" -> DType.FLOAT32;
            case "f8" -> DType.FLOAT64;
            case "c8" -> DType.COMPLEX64;
            case "c16" -> DType.COMPLEX128;
            default -> throw new IOException(path + " has dtype '" + descr + "', which jdpx does not support");
        };
    }

    private static String descrOf(DType t) {
        return switch (t) {
            case BOOL -> "|b1";
            case INT8 -> "|i1";
            case UINT8 -> "|u1";
            default -> "<" + (t.isFloat() ? "f" : t.isComplex() ? "c" : t.kind() == DType.Kind.UNSIGNED ? "u" : "i") + t.itemSize();
        };
    }

    static {
        if (ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN || ValueLayout.JAVA_INT.order() != ByteOrder.LITTLE_ENDIAN) {
            throw new ExceptionInInitializerError("jdpx reads .npy files on little-endian machines only");
        }
    }
}
