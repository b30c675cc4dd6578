package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files jdpx cannot read are refused with a message that names the problem and the way out. */
class NpyErrorsTest {
    private static final ArrayOptions JAVA = ArrayOptions.on(TestDevices.java());

    private static String refusal(Path p) {
        return assertThrows(IOException.class, () -> Npy.load(p, JAVA)).getMessage();
    }

    /** A version 1.0 file with header text {@code dict} and {@code dataBytes} zero bytes of data. */
    private static Path file(Path dir, String dict, int dataBytes) throws IOException {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + text.length + dataBytes];
        System.arraycopy(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length, 0}, 0, out, 0, 10);
        System.arraycopy(text, 0, out, 10, text.length);
        Path p = dir.resolve("x.npy");
        Files.write(p, out);
        return p;
    }

    @Test
    void notANpyFile(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("x.npy");
        Files.writeString(p, "hello, world");
        assertTrue(refusal(p).contains("is not a .npy file"), refusal(p));
    }

    @Test
    void anNpzIsNamed(@TempDir Path tmp) throws IOException {
        assertTrue(refusal(Golden.dir().resolve("both.npz")).contains("Npz.load"));
        Path npy = Golden.dir().resolve("f4_c.npy");
        assertTrue(assertThrows(IOException.class, () -> Npz.load(npy, JAVA)).getMessage().contains("not a .npz"));
    }

    @Test
    void aDtypeJdpxLacksIsNamed(@TempDir Path tmp) throws IOException {
        String m = refusal(file(tmp, "{'descr': '<M8[ns]', 'fortran_order': False, 'shape': (2,), }", 16));
        assertTrue(m.contains("'<M8[ns]'") && m.contains("c16") && m.contains("astype"), m);
    }

    @Test
    void aStructuredDtypeIsNamed(@TempDir Path tmp) throws IOException {
        String m = refusal(file(tmp, "{'descr': [('a', '<i4'), ('b', '<f8')], 'fortran_order': False, 'shape': (2,), }", 24));
        assertTrue(m.contains("structured dtype"), m);
    }

    @Test
    void truncatedDataAndHeaders(@TempDir Path tmp) throws IOException {
        String m = refusal(file(tmp, "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }", 20));
        assertTrue(m.contains("cut short") && m.contains("24 bytes"), m);
        Path p = tmp.resolve("y.npy");
        Files.write(p, Arrays.copyOf(Files.readAllBytes(Golden.dir().resolve("f4_c.npy")), 40));
        assertTrue(refusal(p).contains("cut short inside its .npy header"), refusal(p));
        assertTrue(assertThrows(IOException.class, () -> Npy.map(tmp.resolve("x.npy"))).getMessage().contains("cut short"));
    }

    @Test
    void anUnknownVersionIsNamed(@TempDir Path tmp) throws IOException {
        Path p = tmp.resolve("v.npy");
        byte[] b = Files.readAllBytes(Golden.dir().resolve("f4_c.npy"));
        b[6] = 4;
        Files.write(p, b);
        assertTrue(refusal(p).contains("version 4.0"), refusal(p));
    }

    @Test
    void headersParseWhateverTheirSpellingOrder(@TempDir Path tmp) throws IOException {
        Path p = file(tmp, "{\"shape\": (2L, 3L), \"fortran_order\": True, \"descr\": \">i2\"}", 12);
        NpyData d = Npy.read(p);
        assertEquals(DType.INT16, d.dtype());
        assertEquals(ByteOrder.BIG_ENDIAN, d.header().byteOrder());
        assertTrue(d.header().fortranOrder());
        assertEquals(2, d.shape()[0]);
        assertEquals(3, d.shape()[1]);
    }

    @Test
    void anUnsupportedWriteVersionIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NpyHeader.of(DType.INT8, ByteOrder.LITTLE_ENDIAN, false, new long[] {1}, 4));
        assertTrue(e.getMessage().contains("use 1, 2 or 3"), e.getMessage());
    }
}
