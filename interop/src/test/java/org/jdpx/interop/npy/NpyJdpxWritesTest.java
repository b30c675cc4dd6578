package org.jdpx.interop.npy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.device.testing.TestDevices;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jdpx writes what NumPy writes: each array of {@code generate_npy.py}, built on every device and
 * saved by jdpx (its byte order, layout and header version; the strided view of f8_5x8), gives
 * the same bytes as NumPy's file, so NumPy reads it as its own; {@code .npz} members likewise,
 * stored or deflated as asked. Where python3 with NumPy exists, {@code verify_jdpx.py} also
 * loads jdpx's files in NumPy.
 */
class NpyJdpxWritesTest {

    @OnEveryDevice
    void npyFilesEqualNumpysBytes(Device device, @TempDir Path tmp) throws Exception {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Golden g : Golden.all()) {
            if (!g.member().isEmpty() || skipped(g.dtype(), device)) continue;
            Path out = tmp.resolve(g.file());
            Npy.save(out, array(g, ArrayOptions.on(device)), g.order(), g.version() == 1 ? 0 : g.version());
            if (!java.util.Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(g.path()))) {
                failures.add(g.file() + ": jdpx's bytes differ from NumPy's\n  jdpx:  " + head(out) + "\n  NumPy: " + head(g.path()));
            }
            checked++;
        }
        assertEquals(device.hasAspect(Aspect.FP64) ? 85 : 70, checked, "files compared");
        assertTrue(failures.isEmpty(), device.filterString() + ":\n" + String.join("\n", failures));
    }

    @OnEveryDevice
    void npzMembersEqualNumpys(Device device, @TempDir Path tmp) throws Exception {
        for (String archive : List.of("both.npz", "both_compressed.npz")) {
            Path out = tmp.resolve(archive);
            UsmNdArray arr0 = member(archive, "arr_0", device);
            UsmNdArray arr1 = member(archive, "arr_1", device);
            Map<String, UsmNdArray> named = Map.of("counts", member(archive, "counts", device));
            if (archive.contains("compressed")) Npz.savezCompressed(out, named, arr0, arr1); else Npz.savez(out, named, arr0, arr1);
            int method = archive.contains("compressed") ? ZipEntry.DEFLATED : ZipEntry.STORED;
            try (ZipFile got = new ZipFile(out.toFile()); ZipFile want = new ZipFile(Golden.dir().resolve(archive).toFile())) {
                List<String> names = Collections.list(got.entries()).stream().map(ZipEntry::getName).toList();
                assertEquals(List.of("counts.npy", "arr_0.npy", "arr_1.npy"), names);
                for (ZipEntry e : Collections.list(got.entries())) {
                    assertEquals(method, e.getMethod(), e.getName());
                    assertArrayEquals(bytes(want, want.getEntry(e.getName())), bytes(got, e), archive + ":" + e.getName());
                }
            }
        }
    }

    @Test
    void numpyLoadsJdpxFiles(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(works("python3", "-c", "import numpy"), "python3 with NumPy is not installed here; "
                + "npyFilesEqualNumpysBytes has compared jdpx's bytes with NumPy's files");
        Device java = TestDevices.java();
        npyFilesEqualNumpysBytes(java, tmp);
        npzMembersEqualNumpys(java, tmp);
        Path script = Golden.dir().getParent().resolve("verify_jdpx.py");
        Process p = new ProcessBuilder("python3", script.toString(), tmp.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "verify_jdpx.py did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("verified 91 arrays"), out);
    }

    /** The golden as jdpx would hold it: its bits, or the strided view NumPy saved. */
    private static UsmNdArray array(Golden g, ArrayOptions on) throws IOException {
        if (g.file().equals("f8_strided.npy")) {
            Golden base = Golden.all().stream().filter(b -> b.file().equals("f8_5x8.npy")).findFirst().orElseThrow();
            return base.toArray(on).get("::2, ::-3");
        }
        return g.toArray(on);
    }

    private static UsmNdArray member(String archive, String name, Device device) throws IOException {
        return Golden.all().stream().filter(g -> g.file().equals(archive) && g.member().equals(name)).findFirst()
                .orElseThrow().toArray(ArrayOptions.on(device));
    }

    private static boolean skipped(DType t, Device device) {
        return (t == DType.FLOAT64 || t == DType.COMPLEX128) && !device.hasAspect(Aspect.FP64);
    }

    private static byte[] bytes(ZipFile z, ZipEntry e) throws IOException {
        try (InputStream in = z.getInputStream(e)) {
            return in.readAllBytes();
        }
    }

    private static String head(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        return new String(b, 0, Math.min(b.length, 140), StandardCharsets.ISO_8859_1).replace("\n", "\\n") + " (" + b.length + " bytes)";
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
