package org.jdpx.interop.dlpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdpx.device.Device;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DlpackStructsTest {

    /** Every offset and size the C file reports, in its order. */
    private static long[] javaOffsets() {
        var t = DlpackStructs.TENSOR;
        var m = DlpackStructs.MANAGED_TENSOR;
        var v = DlpackStructs.MANAGED_TENSOR_VERSIONED;
        return new long[] {
            DlpackStructs.offset(t, "data"), DlpackStructs.offset(t, "device"),
            DlpackStructs.offset(t, "device", "device_id"), DlpackStructs.offset(t, "ndim"),
            DlpackStructs.offset(t, "dtype"), DlpackStructs.offset(t, "dtype", "bits"),
            DlpackStructs.offset(t, "dtype", "lanes"), DlpackStructs.offset(t, "shape"),
            DlpackStructs.offset(t, "strides"), DlpackStructs.offset(t, "byte_offset"), t.byteSize(),
            DlpackStructs.offset(m, "dl_tensor"), DlpackStructs.offset(m, "manager_ctx"),
            DlpackStructs.offset(m, "deleter"), m.byteSize(),
            DlpackStructs.offset(v, "version", "minor"), DlpackStructs.offset(v, "manager_ctx"),
            DlpackStructs.offset(v, "deleter"), DlpackStructs.offset(v, "flags"),
            DlpackStructs.offset(v, "dl_tensor"), v.byteSize()};
    }

    /**
     * The offsets of dlpack.h on LP64 platforms (x86-64, aarch64), worked out from the header's
     * member types: DLTensor is data 0, device 8 (id 12), ndim 16, dtype 20 (bits 21, lanes 22),
     * shape 24, strides 32, byte_offset 40, 48 bytes; DLManagedTensor adds manager_ctx 48 and
     * deleter 56 (64 bytes); DLManagedTensorVersioned is version 0 (minor 4), manager_ctx 8,
     * deleter 16, flags 24, dl_tensor 32, 80 bytes.
     */
    private static final long[] HEADER = {0, 8, 12, 16, 20, 21, 22, 24, 32, 40, 48, 0, 48, 56, 64, 4, 8, 16, 24, 32, 80};

    @Test
    void layoutsMatchTheHeadersOffsets() {
        assertArrayEquals(HEADER, javaOffsets());
    }

    private static Path compiled(Path dir) throws IOException, InterruptedException {
        Path c = dir.resolve("dlpack_abi.c");
        try (InputStream in = DlpackStructsTest.class.getResourceAsStream("/dlpack/dlpack_abi.c")) {
            Files.copy(in, c);
        }
        Path so = dir.resolve("libdlpack_abi.so");
        Process p = new ProcessBuilder("cc", "-O1", "-shared", "-fPIC", "-o", so.toString(), c.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "cc failed: " + log);
        return so;
    }

    private static boolean hasCc() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, "cc"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void layoutsMatchWhatTheCCompilerLaysOut(@TempDir Path dir) throws Throwable {
        org.junit.jupiter.api.Assumptions.assumeTrue(hasCc(), "no cc on PATH; layoutsMatchTheHeadersOffsets checks the header's numbers");
        SymbolLookup lib = SymbolLookup.libraryLookup(compiled(dir), Arena.global());
        MethodHandle offsets = Linker.nativeLinker().downcallHandle(lib.find("jdpx_dl_offsets").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(ValueLayout.JAVA_LONG, HEADER.length);
            offsets.invokeExact(out);
            assertArrayEquals(out.toArray(ValueLayout.JAVA_LONG), javaOffsets());
        }
    }

    @OnEveryDevice
    void aCLibraryConsumesAnExportAndCallsItsDeleter(Device device, @TempDir Path dir) throws Throwable {
        org.junit.jupiter.api.Assumptions.assumeTrue(hasCc(), "no cc on PATH");
        SymbolLookup lib = SymbolLookup.libraryLookup(compiled(dir), Arena.global());
        MethodHandle sum = Linker.nativeLinker().downcallHandle(lib.find("jdpx_dl_sum").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_DOUBLE, ValueLayout.ADDRESS));
        UsmNdArray a = Tensor.arange(0, 24, 1, ArrayOptions.on(device).dtype(DType.FLOAT32).usmType(org.jdpx.device.UsmType.HOST))
                .reshape(4, 6).get("1:, ::-2");
        int live = DlpackExport.liveExports();
        double got = (double) sum.invokeExact(MemorySegment.ofAddress(DlpackExport.toVersioned(a, true).address()));
        assertEquals(a.sum().item(), got, 0.0);
        assertEquals(live, DlpackExport.liveExports(), "the C consumer called jdpx's deleter");
    }
}
