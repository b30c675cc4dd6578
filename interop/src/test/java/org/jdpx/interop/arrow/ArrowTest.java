package org.jdpx.interop.arrow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.apache.arrow.c.ArrowArray;
import org.apache.arrow.c.ArrowSchema;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float2Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.interop.Borrowed;
import org.jdpx.interop.HostMemory;
import org.jdpx.interop.Layouts;
import org.jdpx.interop.Wrapped;
import org.jdpx.tensor.ArrayOptions;
import org.jdpx.tensor.DType;
import org.jdpx.tensor.Tensor;
import org.jdpx.tensor.UsmNdArray;

class ArrowTest {

    /** Exports through the C Data Interface and imports with Arrow Java's own importer. */
    private static FieldVector viaC(UsmNdArray a, BufferAllocator alloc, boolean[] zeroCopy) {
        try (ArrowArray arr = ArrowArray.allocateNew(alloc); ArrowSchema sch = ArrowSchema.allocateNew(alloc)) {
            zeroCopy[0] = ArrowExport.toC(a, alloc, arr, sch);
            FixedShapeTensorType.register();
            return Data.importVector(alloc, arr, sch, null);
        }
    }

    @OnEveryDevice
    void everyDtypeAndLayoutRoundTripsThroughTheCDataInterface(Device device) {
        for (DType t : DType.values()) {
            if (t.isComplex()) {
                continue; // Arrow has no complex type: complexIsRefusedNamingTheWayOut
            }
            for (Layouts.Case c : Layouts.all()) {
                if (!Layouts.runs(device, t) && !c.view().isCContiguous()) {
                    continue;
                }
                String what = t + " " + c + " on " + device;
                try (Arena arena = Arena.ofShared(); BufferAllocator alloc = new RootAllocator()) {
                    MemorySegment seg = Layouts.filled(arena, t, c.elements(), 3L * t.ordinal() + c.name().length());
                    Wrapped src = HostMemory.wrap(seg, t, c.view(), device.defaultQueue(), false, null);
                    boolean[] zc = new boolean[1];
                    boolean shareable = t != DType.BOOL && (c.name().equals("C") || c.name().equals("0-d"));
                    try (FieldVector v = viaC(src.array(), alloc, zc)) {
                        assertEquals(shareable, zc[0], what);
                        int rank = c.view().rank();
                        long length = rank == 0 ? 1 : c.view().shape()[0];
                        assertEquals(length, v.getValueCount(), what);
                        if (rank >= 2) {
                            FixedShapeTensorVector ft = assertInstanceOf(FixedShapeTensorVector.class, v, what);
                            assertArrayEquals(java.util.Arrays.copyOfRange(c.view().shape(), 1, rank),
                                    ft.tensorType().logicalShape(), what);
                        }
                        if (zc[0]) {
                            FieldVector leaf = v instanceof FixedShapeTensorVector f ? f.getUnderlyingVector().getDataVector() : v;
                            assertEquals(HostMemory.asSegment(src.array()).address(), leaf.getDataBuffer().memoryAddress(),
                                    "Arrow's buffer is the jdpx memory: " + what);
                        }
                        try (Borrowed back = ArrowImport.fromVector(v, device.defaultQueue(), false)) {
                            long[] expectShape = rank == 0 ? new long[] {1} : c.view().shape();
                            assertArrayEquals(expectShape, back.array().shape(), what);
                            assertArrayEquals(Layouts.gather(seg, t, c.view()),
                                    back.array().toHostSegment().toArray(ValueLayout.JAVA_BYTE), what);
                            if (zc[0]) {
                                assertTrue(back.zeroCopy(), what);
                                assertEquals(HostMemory.asSegment(src.array()).address(),
                                        HostMemory.asSegment(back.array()).address(), "full circle without a copy: " + what);
                            } else if (src.array().size() > 0) {
                                assertTrue(HostMemory.asSegment(src.array()).address()
                                        != HostMemory.asSegment(back.array()).address(), "the export copied: " + what);
                            }
                        }
                    }
                    assertEquals(0, alloc.getAllocatedMemory(), "every Arrow buffer was released: " + what);
                }
            }
        }
    }

    @OnEveryDevice
    void aPermutedBatchIsAFixedShapeTensorWithItsMetadata(Device device) {
        UsmNdArray a = Tensor.arange(0, 24, 1, ArrayOptions.on(device).dtype(DType.INT32).usmType(UsmType.SHARED))
                .reshape(2, 3, 4).permute(0, 2, 1);
        try (BufferAllocator alloc = new RootAllocator()) {
            boolean[] zc = new boolean[1];
            try (FieldVector v = viaC(a, alloc, zc)) {
                assertTrue(zc[0], "dense with the batch axis outermost: shared");
                FixedShapeTensorType type = ((FixedShapeTensorVector) v).tensorType();
                assertEquals("{\"shape\":[3,4],\"permutation\":[1,0]}", type.serialize());
                assertEquals(FixedShapeTensorType.NAME, type.extensionName());
                assertArrayEquals(new long[] {4, 3}, type.logicalShape());
                FixedSizeListVector storage = ((FixedShapeTensorVector) v).getUnderlyingVector();
                assertEquals(12, storage.getListSize());
                assertEquals(java.util.List.of(12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23), storage.getObject(1));
                try (Borrowed back = ArrowImport.fromVector(v, device.defaultQueue(), false)) {
                    assertArrayEquals(a.toIntArray(), back.array().toIntArray());
                    assertArrayEquals(a.strides(), back.array().strides());
                }
            }
        }
    }

    @OnEveryDevice
    void deviceMemoryIsCopiedToTheHost(Device device) {
        UsmNdArray d = Tensor.arange(0, 6, 1, ArrayOptions.on(device).dtype(DType.FLOAT32));
        try (BufferAllocator alloc = new RootAllocator(); ArrowExport.Exported e = ArrowExport.toVector(d, "x", alloc)) {
            assertEquals(device.backend().equals("java"), e.zeroCopy(), "java device memory is host memory");
            assertEquals(5.0f, e.vector().getObject(5));
        }
    }

    @OnEveryDevice
    void complexIsRefusedNamingTheWayOut(Device device) {
        UsmNdArray z = Tensor.zeros(new long[] {2, 3}, ArrayOptions.on(device).dtype(DType.COMPLEX64).usmType(UsmType.HOST));
        try (BufferAllocator alloc = new RootAllocator()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> viaC(z, alloc, new boolean[1]));
            assertTrue(e.getMessage().contains("no complex type") && e.getMessage().contains("real(x)"), e.getMessage());
            assertEquals(0, alloc.getAllocatedMemory(), "nothing was left allocated by the refusal");
        }
    }

    @OnEveryDevice
    void float16IsArrowsHalfFloatVector(Device device) {
        short[] bits = {0x3C00, (short) 0xC000, 0x7BFF, 0x0001};
        UsmNdArray h = Tensor.fromFloat16Bits(bits, new long[] {4}, ArrayOptions.on(device).usmType(UsmType.HOST));
        try (BufferAllocator alloc = new RootAllocator(); FieldVector v = viaC(h, alloc, new boolean[1])) {
            Float2Vector f = assertInstanceOf(Float2Vector.class, v);
            for (int i = 0; i < bits.length; i++) {
                assertEquals(bits[i], f.get(i), "element " + i);
            }
            assertEquals(1.0f, Float.float16ToFloat(f.get(0)));
            assertEquals(-2.0f, Float.float16ToFloat(f.get(1)));
        }
    }

    @OnEveryDevice
    void nullsAreRefusedOrReadAsNaNOnlyWhenAsked(Device device) {
        try (BufferAllocator alloc = new RootAllocator(); Float8Vector f = new Float8Vector("f", alloc);
             IntVector i = new IntVector("i", alloc)) {
            f.allocateNew(3);
            f.set(0, 1.5);
            f.setNull(1);
            f.set(2, -2);
            f.setValueCount(3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ArrowImport.fromVector(f, device.defaultQueue(), false));
            assertTrue(e.getMessage().contains("1 null") && e.getMessage().contains("nullsAsNaN"), e.getMessage());
            if (Layouts.runs(device, DType.FLOAT64)) {
                try (Borrowed b = ArrowImport.fromVector(f, device.defaultQueue(), true)) {
                    assertFalse(b.zeroCopy(), "NaN goes into a copy, never into Arrow's buffer");
                    assertArrayEquals(new double[] {1.5, Double.NaN, -2}, b.array().toDoubleArray());
                }
            }
            i.allocateNew(2);
            i.set(0, 4);
            i.setNull(1);
            i.setValueCount(2);
            assertThrows(IllegalArgumentException.class, () -> ArrowImport.fromVector(i, device.defaultQueue(), true));
        }
    }
}
