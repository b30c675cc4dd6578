package org.jdpx.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jdpx.device.Device;
import org.jdpx.device.UsmType;
import org.jdpx.device.testing.OnEveryDevice;
import org.jdpx.usm.UsmMemory;
import org.jdpx.usm.UsmPool;
import org.junit.jupiter.api.Test;

/**
 * {@link ArrayScope}: what a closed scope releases and frees, what it keeps, and that a loop of
 * writes into memory its own temporaries read no longer copies that memory, checked against plain
 * Java on every device.
 */
class ArrayScopeTest {

    private static float[] ramp(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (i * 7919 % 1009) / 1009f - 0.25f;
        return v;
    }

    private static UsmNdArray on(Device device, float[] v) {
        return Tensor.asarray(v, null, ArrayOptions.on(device).dtype(DType.FLOAT32));
    }

    @OnEveryDevice
    void sweepsInScopesCopyNothingAndAllocateNothing(Device device) {
        int n = 4099, sweeps = 40;
        float[] line = ramp(n);
        UsmNdArray start = on(device, line);
        UsmNdArray a = start.copy().eval(), b = start.copy().eval();
        long snapshots = PendingReads.snapshots();
        UsmPool pool = UsmPool.of(device);
        long misses = pool.stats().misses();
        for (int s = 0; s < sweeps; s++) {
            try (ArrayScope scope = ArrayScope.open()) {
                b.set("1:-1", a.get(":-2").add(a.get("2:")).add(a.get("1:-1")).multiply(0.5f));
            }
            UsmNdArray t = a;
            a = b;
            b = t;
        }
        assertEquals(snapshots, PendingReads.snapshots(), "released temporaries made writes copy the grid on " + device.filterString());
        assertTrue(pool.stats().misses() - misses <= 1, "sweeps allocated memory: " + pool.stats());
        float[] want = line.clone(), other = line.clone();
        for (int s = 0; s < sweeps; s++) {
            for (int i = 1; i < n - 1; i++) other[i] = (want[i - 1] + want[i + 1] + want[i]) * 0.5f;
            float[] t = want;
            want = other;
            other = t;
        }
        assertArrayEquals(want, a.toFloatArray(), 1e-6f, "sweeps on " + device.filterString());
    }

    @OnEveryDevice
    void withoutScopesTheSameSweepsCopy(Device device) {
        // The case the scope is for: uncollected temporaries of the previous sweep still count as readers.
        float[] line = ramp(1000);
        UsmNdArray a = on(device, line).copy().eval(), b = on(device, line).copy().eval();
        java.util.List<UsmNdArray> held = new java.util.ArrayList<>();
        long snapshots = PendingReads.snapshots();
        for (int s = 0; s < 3; s++) {
            UsmNdArray x = a.get(":-2").add(a.get("2:")), y = x.add(a.get("1:-1"));
            held.add(x);
            held.add(y);
            b.set("1:-1", y.multiply(0.5f));
            UsmNdArray t = a;
            a = b;
            b = t;
        }
        assertTrue(PendingReads.snapshots() > snapshots, "held lazy readers must be preserved by a copy");
        assertEquals(line[0] + line[2], held.get(0).toFloatArray()[0], 1e-6f, "the first temporary keeps its value");
    }

    @OnEveryDevice
    void releasedArraysThrowAndTheirMemoryGoesBack(Device device) {
        float[] v = ramp(3000);
        UsmNdArray x, y, lazy, outerView;
        UsmMemory xm, ym;
        UsmNdArray outer = on(device, v);
        try (ArrayScope scope = ArrayScope.open()) {
            x = on(device, v);
            y = x.multiply(2f).eval();
            lazy = x.add(y);
            outerView = outer.get("5:");
            xm = x.memory();
            ym = y.memory();
            assertFalse(x.isReleased());
        }
        for (UsmNdArray r : new UsmNdArray[] {x, y, lazy, outerView}) {
            assertTrue(r.isReleased());
            IllegalStateException e = assertThrows(IllegalStateException.class, r::toFloatArray);
            assertTrue(e.getMessage().contains("ArrayScope") && e.getMessage().contains("keep"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> r.add(1f).eval());
            assertTrue(r.toString().contains("released"), r.toString());
        }
        assertTrue(xm.isClosed() && ym.isClosed(), "memory the scope's arrays allocated is freed");
        assertFalse(outer.isReleased());
        assertArrayEquals(v, outer.toFloatArray(), "an array from before the scope is untouched");
    }

    @OnEveryDevice
    void keptArraysKeepWhatTheirValueNeeds(Device device) {
        float[] v = ramp(2000);
        UsmNdArray sum, tail, t;
        try (ArrayScope scope = ArrayScope.open()) {
            t = on(device, v);
            UsmNdArray u = t.multiply(3f).eval();
            sum = scope.keep(u.add(t));   // lazy: reads the memory of t and u
            tail = scope.keep(u.get("10:"));  // a view of u's memory
        }
        assertTrue(t.isReleased());
        assertFalse(sum.isReleased() || tail.isReleased());
        float[] s = sum.toFloatArray(), tl = tail.toFloatArray();
        for (int i = 0; i < v.length; i++) assertEquals(v[i] * 3f + v[i], s[i], 1e-6f, "u + t at " + i);
        for (int i = 10; i < v.length; i++) assertEquals(v[i] * 3f, tl[i - 10], 1e-6f, "u[10:] at " + i);
    }

    @OnEveryDevice
    void nestedScopesHandKeptArraysOutward(Device device) {
        float[] v = ramp(500);
        UsmNdArray inner, twice;
        try (ArrayScope outer = ArrayScope.open()) {
            try (ArrayScope in = ArrayScope.open()) {
                inner = in.keep(on(device, v).add(1f).eval());
            }
            assertFalse(inner.isReleased(), "kept by the inner scope");
            try (ArrayScope in = ArrayScope.open()) {
                twice = in.keep(inner.multiply(2f));
            }
            assertArrayEquals(inner.multiply(2f).toFloatArray(), twice.toFloatArray());
        }
        assertTrue(inner.isReleased() && twice.isReleased(), "the outer scope releases what the inner ones kept");
    }

    @OnEveryDevice
    void arraysFromBeforeTheScopeKeepWhatTheScopeComputed(Device device) {
        float[] v = ramp(1500);
        UsmNdArray a = on(device, v);
        UsmNdArray lazy = a.multiply(4f);
        try (ArrayScope scope = ArrayScope.open()) {
            lazy.eval();                            // its memory is made inside the scope
            a.assign(on(device, new float[v.length]).add(9f));   // a write into outer memory
        }
        assertFalse(lazy.isReleased() || lazy.memory().isClosed());
        float[] got = lazy.toFloatArray(), now = a.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i] * 4f, got[i], 1e-6f, "4a at " + i);
            assertEquals(9f, now[i], "a after the write at " + i);
        }
    }

    @OnEveryDevice
    void memoryWhoseAddressWentOutIsNotFreed(Device device) {
        UsmMemory m;
        try (ArrayScope scope = ArrayScope.open()) {
            UsmNdArray x = on(device, ramp(64));
            m = x.memory();
            m.nativeHandle();
        }
        assertFalse(m.isClosed(), "memory whose address went out is left to close() and the collector");
        m.close();
    }

    @OnEveryDevice
    void memoryTheProgramWrapsStaysItsOwn(Device device) {
        UsmMemory m;
        try (ArrayScope scope = ArrayScope.open()) {
            m = UsmMemory.allocate(device.defaultQueue(), UsmType.DEVICE, 64 * 4);
            UsmNdArray a = UsmNdArray.wrap(m, View.contiguous(new long[] {64}), DType.FLOAT32, device.defaultQueue());
            a.assign(3f);
        }
        assertFalse(m.isClosed(), "the scope closed memory the program allocated and wrapped itself");
        float[] back = new float[64];
        m.copyToHost(back);
        for (float f : back) assertEquals(3f, f);
        m.close();
    }

    @Test
    void misuseIsReported() throws Exception {
        ArrayScope outer = ArrayScope.open();
        ArrayScope inner = ArrayScope.open();
        assertThrows(IllegalStateException.class, outer::close, "the inner scope is still open");
        CompletableFuture<Void> other = CompletableFuture.runAsync(inner::close);
        ExecutionException e = assertThrows(ExecutionException.class, other::get);
        assertSame(WrongThreadException.class, e.getCause().getClass());
        UsmNdArray x = Tensor.asarray(new float[] {1, 2});
        inner.close();
        inner.close();
        assertThrows(IllegalStateException.class, () -> inner.keep(x), "a closed scope keeps nothing");
        assertThrows(IllegalStateException.class, () -> outer.keep(x), "x was released by the inner scope");
        outer.close();
    }
}
