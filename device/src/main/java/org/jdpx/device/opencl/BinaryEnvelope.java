package org.jdpx.device.opencl;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.jdpx.device.DeviceInfo;
import org.jdpx.device.spi.ProgramBuildException;

/**
 * Wraps the driver's program binary with the identity of the device and driver that made it and a
 * checksum. Drivers do not all reject foreign or damaged binaries safely (Mesa 22.3's rusticl
 * aborts the process on an unknown binary), so a binary from an on-disk cache reaches
 * {@code clCreateProgramWithBinary} only when it is intact and was made by this same device and
 * driver version.
 *
 * <p>Layout: magic {@code "jdpxclb1"}, identity length (int), identity (UTF-8), CRC-32 of the
 * driver binary (long), the driver binary.
 */
final class BinaryEnvelope {

    private static final byte[] MAGIC = "jdpxclb1".getBytes(StandardCharsets.US_ASCII);

    private BinaryEnvelope() {
    }

    /** The identity a binary is tied to: device, platform, driver and OpenCL version. */
    static String identity(DeviceInfo info) {
        return info.name() + "|" + info.platform() + "|" + info.driverVersion() + "|" + info.version();
    }

    static byte[] wrap(DeviceInfo info, byte[] binary) {
        byte[] id = identity(info).getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + id.length + 8 + binary.length);
        b.put(MAGIC).putInt(id.length).put(id).putLong(crc(binary)).put(binary);
        return b.array();
    }

    /**
     * The driver binary inside {@code bytes}.
     *
     * @throws ProgramBuildException when the bytes are not an envelope of this backend, were made
     *         by another device or driver version, or are damaged
     */
    static byte[] unwrap(OpenClDevice device, byte[] bytes) {
        String what = "(device binary of " + bytes.length + " bytes)";
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < MAGIC.length + 4 + 8 || !b.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new ProgramBuildException(device.label(), "not a program binary made by jdpx's OpenCL backend", "",
                    what);
        }
        b.position(MAGIC.length);
        int idLength = b.getInt();
        if (idLength < 0 || idLength > b.remaining() - 8) {
            throw new ProgramBuildException(device.label(), "damaged program binary", "", what);
        }
        byte[] id = new byte[idLength];
        b.get(id);
        String made = new String(id, StandardCharsets.UTF_8);
        String here = identity(device.info());
        if (!made.equals(here)) {
            throw new ProgramBuildException(device.label(), "the binary was made by '" + made + "', not by '" + here
                    + "'; rebuild from source", "", what);
        }
        long crc = b.getLong();
        byte[] binary = new byte[b.remaining()];
        b.get(binary);
        if (crc(binary) != crc) {
            throw new ProgramBuildException(device.label(), "damaged program binary (checksum mismatch)", "", what);
        }
        return binary;
    }

    private static long crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return c.getValue();
    }
}
