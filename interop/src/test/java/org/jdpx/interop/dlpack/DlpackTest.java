package org.jdpx.interop.dlpack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.interop.HostMemory;
import org.jdpx.interop.Layouts;
import org.jdpx.interop.Wrapped;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

class DlpackTest {

    private static final StructLayout V = DlpackStructs.MANAGED_TENSOR_VERSIONED;

    @OnEveryDevice
    void everyDtypeAndLayoutRoundTripsWithoutCopy(Device device) {
        for (DType t : DType.values()) {
            for (Layouts.Case c : Layouts.all()) {
                if (!Layouts.runs(device, t) && !c.view().isCContiguous()) {
                    continue;
                }
                String what = t + " " + c + " on " + device;
                try (Arena arena = Arena.ofShared()) {
                    MemorySegment seg = Layouts.filled(arena, t, c.elements(), t.ordinal() + 7L * c.name().length());
                    Wrapped src = HostMemory.wrap(seg, t, c.view(), device.defaultQueue(), false, null);
                    int live = DlpackExport.liveExports();
                    boolean legacy = t.ordinal() % 2 == 1;
                    MemorySegment s = legacy ? DlpackExport.toLegacy(src.array()) : DlpackExport.toVersioned(src.array(), false);
                    assertEquals(live + 1, DlpackExport.liveExports(), what);
                    try (DlpackTensor in = legacy ? DlpackImport.fromLegacy(s, device.defaultQueue())
                            : DlpackImport.fromVersioned(s, device.defaultQueue())) {
                        assertEquals(DlDeviceType.CPU, in.deviceType(), what);
                        assertEquals(c.view().size() > 0, in.zeroCopy(), what);
                        assertArrayEquals(c.view().shape(), in.array().shape(), what);
                        assertArrayEquals(Layouts.gather(seg, t, c.view()),
                                in.array().toHostSegment().toArray(ValueLayout.JAVA_BYTE), what);
                        if (in.zeroCopy()) {
                            assertEquals(HostMemory.asSegment(src.array()).address(), HostMemory.asSegment(in.array()).address(), what);
                            assertEquals(live + 1, DlpackExport.liveExports(), "the export is held until the import closes");
                        }
                    }
                    assertEquals(live, DlpackExport.liveExports(), "closing the import ran jdpx's deleter: " + what);
                }
            }
        }
    }

    @OnEveryDevice
    void float16AndComplexExportAsKdlFloatAndKdlComplex(Device device) {
        DType[] types = {DType.FLOAT16, DType.COMPLEX64, DType.COMPLEX128};
        int[][] codeBits = {{DlpackDtypes.FLOAT, 16}, {DlpackDtypes.COMPLEX, 64}, {DlpackDtypes.COMPLEX, 128}};
        for (int k = 0; k < types.length; k++) {
            if (!Layouts.runs(device, types[k])) {
                continue; // complex128 needs fp64
            }
            UsmNdArray a = Tensor.zeros(new long[] {3}, ArrayOptions.on(device).dtype(types[k]).usmType(UsmType.HOST));
            MemorySegment s = DlpackExport.toVersioned(a, false).reinterpret(V.byteSize());
            assertEquals(codeBits[k][0], s.get(ValueLayout.JAVA_BYTE, DlpackStructs.offset(V, "dl_tensor", "dtype", "code")), types[k].toString());
            assertEquals(codeBits[k][1], Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, DlpackStructs.offset(V, "dl_tensor", "dtype", "bits"))),
                    types[k].toString());
            assertEquals(1, s.get(ValueLayout.JAVA_SHORT, DlpackStructs.offset(V, "dl_tensor", "dtype", "lanes")));
            DlpackImport.fromVersioned(s, device.defaultQueue()).close();
        }
    }

    @OnEveryDevice
    void exportedFieldsDescribeTheView(Device device) {
        UsmNdArray a = Tensor.arange(0, 24, 1, ArrayOptions.on(device).dtype(DType.INT16).usmType(UsmType.SHARED))
                .reshape(2, 3, 4).get("1:, ::-1, 1::2");
        MemorySegment s = DlpackExport.toVersioned(a, true).reinterpret(V.byteSize());
        assertEquals(DlpackStructs.MAJOR_VERSION, s.get(ValueLayout.JAVA_INT, DlpackStructs.offset(V, "version", "major")));
        assertEquals(DlpackStructs.FLAG_READ_ONLY, s.get(ValueLayout.JAVA_LONG, DlpackStructs.offset(V, "flags")));
        assertEquals(DlDeviceType.CPU.code(), s.get(ValueLayout.JAVA_INT, DlpackStructs.offset(V, "dl_tensor", "device", "device_type")));
        assertEquals(3, s.get(ValueLayout.JAVA_INT, DlpackStructs.offset(V, "dl_tensor", "ndim")));
        assertEquals(0, s.get(ValueLayout.JAVA_BYTE, DlpackStructs.offset(V, "dl_tensor", "dtype", "code")));
        assertEquals(16, s.get(ValueLayout.JAVA_BYTE, DlpackStructs.offset(V, "dl_tensor", "dtype", "bits")));
        long[] shape = s.get(ValueLayout.ADDRESS, DlpackStructs.offset(V, "dl_tensor", "shape")).reinterpret(24).toArray(ValueLayout.JAVA_LONG);
        long[] strides = s.get(ValueLayout.ADDRESS, DlpackStructs.offset(V, "dl_tensor", "strides")).reinterpret(24).toArray(ValueLayout.JAVA_LONG);
        assertArrayEquals(new long[] {1, 3, 2}, shape);
        assertArrayEquals(new long[] {12, -4, 2}, strides);
        assertEquals((12 + 8 + 1) * 2, s.get(ValueLayout.JAVA_LONG, DlpackStructs.offset(V, "dl_tensor", "byte_offset")));
        MemorySegment data = s.get(ValueLayout.ADDRESS, DlpackStructs.offset(V, "dl_tensor", "data"));
        assertEquals(HostMemory.asSegment(a).address() - 13 * 2, data.address(), "data is the start of the memory");
        try (DlpackTensor in = DlpackImport.fromVersioned(s, device.defaultQueue())) {
            assertTrue(in.readOnly());
            assertArrayEquals(new long[] {21, 23, 17, 19, 13, 15}, in.array().toLongArray());
        }
    }

    @OnEveryDevice
    void deviceMemoryExportsAsTheDeviceAndIsRefusedOnImport(Device device) {
        UsmNdArray d = Tensor.zeros(new long[] {5}, ArrayOptions.on(device).dtype(DType.FLOAT32));
        MemorySegment s = DlpackExport.toVersioned(d, false).reinterpret(V.byteSize());
        int type = s.get(ValueLayout.JAVA_INT, DlpackStructs.offset(V, "dl_tensor", "device", "device_type"));
        long data = s.get(ValueLayout.ADDRESS, DlpackStructs.offset(V, "dl_tensor", "data")).address();
        int live = DlpackExport.liveExports();
        if (device.backend().equals("java")) {
            assertEquals(DlDeviceType.CPU.code(), type, "java device memory is host memory");
            DlpackImport.fromVersioned(s, device.defaultQueue()).close();
        } else {
            assertEquals(DlDeviceType.OPENCL.code(), type);
            assertEquals(d.memory().nativeHandle(), data, "kDLOpenCL data is the cl_mem");
            assertEquals(device.index(), s.get(ValueLayout.JAVA_INT, DlpackStructs.offset(V, "dl_tensor", "device", "device_id")));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DlpackImport.fromVersioned(s, device.defaultQueue()));
            assertTrue(e.getMessage().contains("kDLOpenCL"), e.getMessage());
        }
        assertEquals(live - 1, DlpackExport.liveExports(), "the deleter ran on import or refusal");
    }

    @OnEveryDevice
    void theProducersDeleterRunsExactlyOnce(Device device) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = Producer.floats(arena, 64, 0);
            DlpackTensor in = DlpackImport.fromVersioned(s, device.defaultQueue());
            assertTrue(in.zeroCopy());
            in.array().muli(2);
            in.array().sync();
            MemorySegment data = s.get(ValueLayout.ADDRESS, DlpackStructs.offset(V, "dl_tensor", "data")).reinterpret(256);
            assertEquals(126f, data.getAtIndex(ValueLayout.JAVA_FLOAT, 63), "the producer sees jdpx's write");
            assertEquals(0, Producer.deleterCalls(s));
            in.close();
            in.close();
            assertEquals(1, Producer.deleterCalls(s));
            assertThrows(IllegalStateException.class, () -> in.array().toFloatArray(), "a closed import refuses use");

            MemorySegment refused = Producer.versioned(arena, data, 2, 32, new long[] {4}, null, 0,
                    DlDeviceType.CUDA, 0, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> DlpackImport.fromVersioned(refused, device.defaultQueue()));
            assertTrue(e.getMessage().contains("kDLCUDA"), e.getMessage());
            assertEquals(1, Producer.deleterCalls(refused));

            MemorySegment v2 = Producer.versioned(arena, data, 2, 32, new long[] {4}, null, 0, DlDeviceType.CPU, 0, 2);
            assertThrows(IllegalArgumentException.class, () -> DlpackImport.fromVersioned(v2, device.defaultQueue()));
            assertEquals(1, Producer.deleterCalls(v2));

            MemorySegment bfloat = Producer.versioned(arena, data, DlpackDtypes.BFLOAT, 16, new long[] {4}, null, 0,
                    DlDeviceType.CPU, 0, 1);
            e = assertThrows(IllegalArgumentException.class, () -> DlpackImport.fromVersioned(bfloat, device.defaultQueue()));
            assertTrue(e.getMessage().contains("bfloat16"), e.getMessage());
            assertEquals(1, Producer.deleterCalls(bfloat));

            MemorySegment complex = Producer.versioned(arena, data, DlpackDtypes.COMPLEX, 64, new long[] {2}, null, 0,
                    DlDeviceType.CPU, 0, 1);
            try (DlpackTensor c = DlpackImport.fromVersioned(complex, device.defaultQueue())) {
                assertEquals(DType.COMPLEX64, c.array().dtype(), "kDLComplex with 64 bits is complex64");
                assertArrayEquals(new float[] {0, 2, 4, 6}, c.array().toComplexFloatArray(), "interleaved (re, im) pairs");
            }
            assertEquals(1, Producer.deleterCalls(complex));

            MemorySegment odd = Producer.versioned(arena, data.asSlice(4), 2, 32, new long[] {8}, null, 0,
                    DlDeviceType.CPU, 0, 1);
            DlpackTensor copied = DlpackImport.fromVersioned(odd, device.defaultQueue());
            assertEquals(device.backend().equals("java"), copied.zeroCopy(), "OpenCL copies what is not base-aligned");
            if (!copied.zeroCopy()) {
                assertEquals(1, Producer.deleterCalls(odd), "a copy no longer needs the producer's memory");
                assertEquals(2f, copied.array().toFloatArray()[0]);
            }
            copied.close();
            assertEquals(1, Producer.deleterCalls(odd));
        }
    }

    @OnEveryDevice
    void readOnlyTensorsRefuseWrites(Device device) {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment s = Producer.floats(arena, 8, DlpackStructs.FLAG_READ_ONLY);
            try (DlpackTensor in = DlpackImport.fromVersioned(s, device.defaultQueue())) {
                assertTrue(in.readOnly());
                assertEquals(28.0, in.array().sum().item(), 0.0, "reading is fine");
                UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                        () -> in.array().addi(1));
                assertTrue(e.getMessage().contains("read-only"), e.getMessage());
                assertThrows(UnsupportedOperationException.class, () -> in.array().set("0", 5f));
                assertThrows(UnsupportedOperationException.class, () -> in.array().memory().fill(0f));
                assertEquals(7f, in.array().toFloatArray()[7]);
            }
            MemorySegment w = Producer.floats(arena, 8, 0);
            try (DlpackTensor in = DlpackImport.fromVersioned(w, device.defaultQueue())) {
                assertFalse(in.readOnly());
                in.array().set("0", 5f);
                assertEquals(5f, in.array().toFloatArray()[0]);
            }
        }
    }
}
