package org.jdpx.tensor;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the NumPy goldens of tensor's differential tests: little-endian C-order {@code .npy}
 * files as {@code generate_*.py} writes them. Test-only, because the codec users get (every
 * dtype, byte order, layout and header version) is {@code org.jdpx.interop.npy} in the higher
 * module jdpx-interop, which tensor's tests cannot depend on without a cycle.
 */
final class NpyGolden {
    private static final Pattern DICT = Pattern.compile(
            "'descr':\\s*'<?\\|?([a-z]\\d+)',\\s*'fortran_order':\\s*False,\\s*'shape':\\s*\\(([^)]*)\\)");

    private NpyGolden() {
    }

    /**
     * A golden's dtype, shape and C-order elements on the host.
     *
     * @param dtype element type
     * @param shape extents
     * @param data  elements in C order
     */
    record Data(DType dtype, long[] shape, MemorySegment data) {
    }

    /** Reads a golden; anything but a version 1.0, little-endian, C-order file is refused. */
    static Data read(Path path) throws IOException {
        byte[] all = Files.readAllBytes(path);
        int headerLen = (all[8] & 0xFF) | (all[9] & 0xFF) << 8;
        String header = new String(all, 10, headerLen, StandardCharsets.ISO_8859_1);
        Matcher m = DICT.matcher(header);
        if (all[6] != 1 || !m.find()) {
            throw new IOException(path + " is not a version 1.0 little-endian C-order .npy golden: " + header.trim());
        }
        DType t = DType.of(m.group(1));
        long[] shape = Arrays.stream(m.group(2).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        long bytes = Shapes.size(shape) * t.itemSize();
        MemorySegment data = HostData.allocate(t, Shapes.size(shape)).asSlice(0, bytes);
        MemorySegment.copy(MemorySegment.ofArray(all), 10 + headerLen, data, 0, bytes);
        return new Data(t, shape, data);
    }

    /** A golden as an array on the options' device (float64 as float32 where the device has no fp64). */
    static UsmNdArray load(Path path, ArrayOptions o) throws IOException {
        Data d = read(path);
        org.jdpx.device.Queue q = o.resolveQueue();
        DType t = o.resolveDtype(q, d.dtype());
        MemorySegment data = d.data();
        if (t != d.dtype()) {
            long n = Shapes.size(d.shape());
            data = HostData.allocate(t, n);
            for (long i = 0; i < n; i++) {
                if (t.isComplex()) {
                    HostData.putComplex(data, t, i, HostData.getDouble(d.data(), d.dtype(), i), HostData.getImag(d.data(), d.dtype(), i));
                } else {
                    HostData.put(data, t, i, HostData.getDouble(d.data(), d.dtype(), i), HostData.getLong(d.data(), d.dtype(), i));
                }
            }
        }
        return Tensor.fromHost(data, d.shape(), t, q, o);
    }
}
