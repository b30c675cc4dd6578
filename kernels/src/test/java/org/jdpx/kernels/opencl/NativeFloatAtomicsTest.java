package org.jdpx.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.ir.GroupAtomicsKernels;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.plan.DevicePlan;
import org.junit.jupiter.api.Test;

/**
 * Native float atomic add in the OpenCL C of a device that has it ({@code cl_ext_float_atomics}).
 * No device here offers it, so this checks the text; the devices' own runs check the
 * compare-exchange form.
 */
class NativeFloatAtomicsTest {

    private static KernelModule ir(String kernel) {
        return KernelCompiler.compile(GroupAtomicsKernels.class, kernel).ir();
    }

    @Test
    void floatAddIsTheDevicesOwnWhereItHasOne() {
        String src = OpenClEmitter.emit(ir("sumPairs"), true);
        assertTrue(src.contains("atomic_fetch_add_explicit((volatile __global atomic_float*)&out["), src);
        assertTrue(src.contains("memory_order_relaxed, memory_scope_device)"), src);
        assertFalse(src.contains("atomic_cmpxchg"), "no compare-exchange loop left:\n" + src);
    }

    @Test
    void withoutItTheCompareExchangeLoopStays() {
        String src = OpenClEmitter.emit(ir("sumPairs"));
        assertTrue(src.contains("jdpx_atomic_add_float_global(&out["), src);
        assertFalse(src.contains("atomic_float"), src);
    }

    @Test
    void onlyKernelsWithGlobalFloatAddsNeedIt() {
        assertTrue(OpenClEmitter.hasGlobalFloatAtomicAdd(ir("sumPairs")));
        assertFalse(OpenClEmitter.hasGlobalFloatAtomicAdd(ir("histogram")));
        assertEquals(OpenClEmitter.emit(ir("histogram")), OpenClEmitter.emit(ir("histogram"), true), "int atomics print alike");
        CompiledKernel k = KernelCompiler.compile(GroupAtomicsKernels.class, "sumPairs");
        assertFalse(k.needsOpenCl2());
    }

    /** An H200-like plan that also had the extension: the variant builds as OpenCL C 2.0+ and adds natively. */
    @Test
    void aPlanWithNativeFloatAddsMakesAnOpenCl2Variant() {
        DevicePlan gpu = new DevicePlan(DevicePlan.Kind.GPU, 132, 1024, 49152, 32, 256, 8, true);
        CompiledKernel scatter = KernelCompiler.compile(GroupAtomicsKernels.class, "sumPairs").forPlan(gpu);
        assertTrue(scatter.needsOpenCl2());
        assertTrue(scatter.openclSource().contains("atomic_fetch_add_explicit"), scatter.openclSource());
        CompiledKernel uniform = KernelCompiler.compile(GroupAtomicsKernels.class, "sumSquares").forPlan(gpu);
        String src = uniform.openclSource();
        assertTrue(src.contains("__local float group_sum_float[1024]") && src.contains("atomic_fetch_add_explicit"),
                "group sum, then one native add:\n" + src);
        CompiledKernel ints = KernelCompiler.compile(GroupAtomicsKernels.class, "histogram");
        assertSame(ints, ints.forPlan(gpu), "no float add, no group sum: nothing to change");
    }
}
