package org.jdpx.interop.npy;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Shapes;

/**
 * The header of a {@code .npy} file: what the data is and where it starts. Read from any version
 * (1.0, 2.0, 3.0 with its UTF-8 text) and written byte for byte as NumPy's {@code np.save} writes
 * it: the sorted dict, the spare space for growing the first axis, padding to 64 bytes, version
 * 1.0 unless the text needs more.
 *
 * @param dtype        element type
 * @param byteOrder    byte order of the data in the file
 * @param fortranOrder whether the data lies in Fortran (column-major) order
 * @param shape        extents
 * @param version      major version, 1, 2 or 3
 * @param dataOffset   bytes from the file's start (the magic) to the first element
 */
public record NpyHeader(DType dtype, ByteOrder byteOrder, boolean fortranOrder, long[] shape, int version, long dataOffset) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*(\\S)");
    private static final Pattern DESCR_STRING = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern ORDER = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");

    /** Copies the shape; checks the version. */
    public NpyHeader {
        shape = shape.clone();
        if (version < 1 || version > 3) {
            throw new IllegalArgumentException(".npy format version " + version + " does not exist; use 1, 2 or 3");
        }
    }

    /**
     * The header NumPy would write for these data: version 1.0 unless its text is too long for
     * version 1's 16-bit length (then 2.0); {@code version} 1–3 forces one.
     *
     * @param version 0 for NumPy's choice, else 1, 2 or 3
     */
    public static NpyHeader of(DType dtype, ByteOrder byteOrder, boolean fortranOrder, long[] shape, int version) {
        String dict = dict(NpyTypes.descr(dtype, byteOrder), fortranOrder, shape);
        int v = version;
        if (v == 0) {
            v = 10 + dict.length() + 1 + ALIGN - (11 + dict.length()) % ALIGN <= 0xFFFF + 10 ? 1 : 2;
        }
        return new NpyHeader(dtype, byteOrder, fortranOrder, shape, v, wrap(dict, v).length);
    }

    /** NumPy's descr string, e.g. {@code '<f8'}. */
    public String descr() {
        return NpyTypes.descr(dtype, byteOrder);
    }

    /** Number of elements. */
    public long size() {
        return Shapes.size(shape);
    }

    /** Bytes of data after the header. */
    public long dataBytes() {
        return size() * dtype.itemSize();
    }

    /** The header's bytes: magic, version, length, the dict text padded to 64 bytes. */
    public byte[] encode() {
        return wrap(dict(descr(), fortranOrder, shape), version);
    }

    private static String dict(String descr, boolean fortran, long[] shape) {
        StringBuilder s = new StringBuilder("{'descr': '").append(descr).append("', 'fortran_order': ")
                .append(fortran ? "True" : "False").append(", 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]).append(i + 1 < shape.length ? ", " : shape.length == 1 ? "," : "");
        }
        s.append("), }");
        if (shape.length > 0) {
            s.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[fortran ? shape.length - 1 : 0]).length()));
        }
        return s.toString();
    }

    private static byte[] wrap(String dict, int version) {
        byte[] text = dict.getBytes(charset(version));
        int prefix = version == 1 ? 10 : 12;
        int hlen = text.length + 1;
        int pad = ALIGN - (prefix + hlen) % ALIGN;
        long len = (long) hlen + pad;
        if (version == 1 && len > 0xFFFF) {
            throw new IllegalArgumentException("a .npy header of " + len + " bytes is too long for version 1.0; use version 2");
        }
        byte[] out = new byte[(int) (prefix + len)];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) version;
        for (int i = 0; i < prefix - 8; i++) out[8 + i] = (byte) (len >>> (8 * i));
        System.arraycopy(text, 0, out, prefix, text.length);
        Arrays.fill(out, prefix + text.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    private static Charset charset(int version) {
        return version == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    /**
     * Reads a header from the start of a {@code .npy} stream, leaving the stream at the data.
     *
     * @param source the file's name for messages
     * @throws IOException when the stream is not a {@code .npy} file, is cut short, or holds a
     *         dtype jdpx does not have; the message names the problem
     */
    public static NpyHeader read(InputStream in, String source) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] start = new byte[8];
        try {
            d.readFully(start);
            if (!Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
                throw new IOException(source + " is not a .npy file: it does not start with \\x93NUMPY");
            }
            int version = start[6];
            if (version < 1 || version > 3) {
                throw new IOException(source + " is .npy format version " + version + "." + start[7]
                        + ", which jdpx does not read (it reads 1.0, 2.0 and 3.0)");
            }
            int prefix = version == 1 ? 10 : 12;
            byte[] len = new byte[prefix - 8];
            d.readFully(len);
            long hlen = 0;
            for (int i = 0; i < len.length; i++) hlen |= (len[i] & 0xFFL) << (8 * i);
            if (hlen > Integer.MAX_VALUE - 16) throw new IOException(source + ": .npy header length " + hlen + " is not believable");
            byte[] text = new byte[(int) hlen];
            d.readFully(text);
            return parse(new String(text, charset(version)), version, prefix + hlen, source);
        } catch (EOFException e) {
            throw new IOException(source + " is cut short inside its .npy header", e);
        }
    }

    private static NpyHeader parse(String text, int version, long dataOffset, String source) throws IOException {
        Matcher descrStart = DESCR.matcher(text);
        if (descrStart.find() && (descrStart.group(1).equals("[") || descrStart.group(1).equals("{"))) {
            throw new IOException(source + " holds a structured dtype (" + text.trim() + "); jdpx reads plain numeric "
                    + "and bool arrays: save each field as its own array");
        }
        NpyTypes.Parsed type = NpyTypes.parse(group(DESCR_STRING, text, source), source);
        boolean fortran = group(ORDER, text, source).equals("True");
        String dims = group(SHAPE, text, source).trim();
        long[] shape = dims.isEmpty() ? new long[0] : Arrays.stream(dims.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToLong(s -> Long.parseLong(s.endsWith("L") ? s.substring(0, s.length() - 1) : s))
                .toArray();
        for (long e : shape) {
            if (e < 0) throw new IOException(source + ": .npy header has a negative extent: " + text.trim());
        }
        return new NpyHeader(type.dtype(), type.order(), fortran, shape, version, dataOffset);
    }

    private static String group(Pattern p, String text, String source) throws IOException {
        Matcher m = p.matcher(text);
        if (!m.find()) throw new IOException(source + ": malformed .npy header (" + p.pattern() + " not found): " + text.trim());
        return m.group(1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyHeader h && h.dtype == dtype && h.byteOrder.equals(byteOrder) && h.fortranOrder == fortranOrder
                && Arrays.equals(h.shape, shape) && h.version == version && h.dataOffset == dataOffset;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + dtype.hashCode();
    }

    @Override
    public String toString() {
        return "NpyHeader[" + descr() + ", " + (fortranOrder ? "F" : "C") + " order, shape " + Shapes.describe(shape)
                + ", version " + version + ".0, data at byte " + dataOffset + "]";
    }
}
