package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicReference;
import org.jdpx.device.spi.SegmentViews;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.ParamKind;
import org.junit.jupiter.api.Test;

/**
 * The segments the java device's generated kernels loop over: native memory without an owner
 * reaches the loops as a view confined to the running thread (so a confined arena used anywhere
 * in the JVM cannot make C2 deoptimise the kernel loops; see {@link KernelSegments}), and every
 * view parameter of a generated kernel goes through that hand-over.
 */
class KernelSegmentsTest {

    @Test
    void generatedKernelTakesEveryViewThroughKernelSegments() {
        for (KernelModule module : new KernelModule[] {JvmIrKernelsTest.fusedPolynomial(), JvmIrKernelsTest.groupReduction()}) {
            long views = module.kernel().params().stream().filter(p -> p.kind() instanceof ParamKind.View).count();
            byte[] bytes = JvmEmitter.emit(module, ClassDesc.of("org.jdpx.kernels.jvm.SegmentsProbe"));
            ClassModel cls = ClassFile.of().parse(bytes);
            for (MethodModel m : cls.methods()) {
                String name = m.methodName().stringValue();
                if (!name.equals(JvmEmitter.RUN) && !name.equals(JvmEmitter.RUN_GROUPS)) continue;
                long handOvers = m.code().orElseThrow().elementStream()
                        .filter(e -> e instanceof InvokeInstruction i
                                && i.owner().asInternalName().equals(KernelSegments.class.getName().replace('.', '/'))
                                && i.name().stringValue().equals("of"))
                        .count();
                assertEquals(views, handOvers, module.kernel().name() + "." + name + " must take each of its " + views
                        + " views through KernelSegments.of");
            }
        }
    }

    @Test
    void nativeMemoryWithoutOwnerIsConfinedToTheRunningThread() throws Exception {
        try (Arena arena = Arena.ofShared()) {
            SegmentViews.freedOnlyByJdpx(arena); // as the java device's memory
            MemorySegment s = arena.allocate(64, 8);
            MemorySegment v = KernelSegments.of(s);
            assertEquals(s.address(), v.address());
            assertEquals(s.byteSize(), v.byteSize());
            assertTrue(v.isAccessibleBy(Thread.currentThread()));
            AtomicReference<Boolean> elsewhere = new AtomicReference<>();
            Thread other = Thread.ofPlatform().start(() -> elsewhere.set(v.isAccessibleBy(Thread.currentThread())));
            other.join();
            assertFalse(elsewhere.get(), "the view must be confined to the thread that runs the kernel");
            v.setAtIndex(ValueLayout.JAVA_FLOAT, 3, 2.5f);
            assertEquals(2.5f, s.getAtIndex(ValueLayout.JAVA_FLOAT, 3), "the view must alias the argument's bytes");
            assertSame(v, KernelSegments.of(s), "the same argument gets the same view on a thread");
            assertTrue(KernelSegments.of(s.asReadOnly()).isReadOnly());
            assertTrue(KernelSegments.of(Arena.global().allocate(16)).isAccessibleBy(Thread.currentThread()));
        }
    }

    @Test
    void aUsersSharedArenaKeepsItsLivenessCheck() {
        // Another thread may close it during a launch; a view would then read freed memory.
        try (Arena users = Arena.ofShared()) {
            MemorySegment s = users.allocate(64, 8);
            assertSame(s, KernelSegments.of(s));
            assertFalse(SegmentViews.viewable(s));
        }
    }

    @Test
    void theJavaDevicesOwnMemoryIsViewed() {
        org.jdpx.device.Device java = org.jdpx.device.Devices.find("java:cpu:0").orElseThrow();
        org.jdpx.device.spi.NativeMemory m = java.spi().allocate(org.jdpx.device.UsmType.DEVICE, 256);
        try {
            assertTrue(SegmentViews.viewable(m.jvmSegment()), "the java device frees its memory only after its last command");
            assertTrue(KernelSegments.of(m.jvmSegment().asSlice(64)).isAccessibleBy(Thread.currentThread()), "its slices too");
        } finally {
            m.free();
        }
    }

    @Test
    void heapAndOwnedSegmentsPassAsTheyAre() {
        MemorySegment heap = MemorySegment.ofArray(new float[4]);
        assertSame(heap, KernelSegments.of(heap));
        try (Arena mine = Arena.ofConfined()) {
            MemorySegment s = mine.allocate(16);
            assertSame(s, KernelSegments.of(s), "a launch on the owner thread may use its confined memory");
        }
    }

    @Test
    void closedOrForeignConfinedMemoryIsRefused() throws Exception {
        Arena shared = Arena.ofShared();
        MemorySegment s = shared.allocate(16);
        shared.close();
        assertTrue(assertThrows(IllegalStateException.class, () -> KernelSegments.of(s)).getMessage().contains("closed"));

        AtomicReference<MemorySegment> foreign = new AtomicReference<>();
        Arena[] owner = new Arena[1];
        Thread t = Thread.ofPlatform().start(() -> {
            owner[0] = Arena.ofConfined();
            foreign.set(owner[0].allocate(16));
        });
        t.join();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KernelSegments.of(foreign.get()));
        assertTrue(e.getMessage().contains("Arena.ofShared()"), e.getMessage());
    }
}
