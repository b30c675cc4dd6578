package org.jdpx.perf;

import static org.jocl.CL.CL_DEVICE_TYPE_CPU;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateCommandQueueWithProperties;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetDeviceIDs;
import static org.jocl.CL.clGetPlatformIDs;
import static org.jocl.CL.clGetPlatformInfo;

import java.util.concurrent.TimeUnit;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.usm.UsmMemory;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_platform_id;
import org.jocl.cl_queue_properties;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Launch overhead: an empty kernel over 64 work-items, launched and waited for, through
 * {@code Kernels.launch} on each device, next to the same kernel enqueued with raw JOCL on PoCL
 * and finished ({@code rawJocl}), in one run. SampleTime gives the median.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class LaunchBench {

    /** The kernel launched: it does nothing, so only the launch is measured. */
    @Kernel
    public static void empty(KernelContext ctx, IntArray a) {
    }

    /** A device and a small USM array to place the kernel there. */
    @State(Scope.Benchmark)
    public static class OnDevice {
        @Param({"opencl:cpu:0", "java:cpu:0"})
        public String device;

        UsmMemory memory;
        IntArray view;

        @Setup
        public void setUp() {
            memory = UsmMemory.allocateDevice(BenchDevices.require(device), 256);
            view = IntArray.on(memory);
            Kernels.launch(LaunchBench::empty, Range.of(64), view);
        }

        @TearDown
        public void tearDown() {
            memory.close();
        }
    }

    /** The same empty kernel on PoCL with JOCL and nothing else. */
    @State(Scope.Benchmark)
    public static class RawJocl {
        /** The PoCL queue. */
        public cl_command_queue queue;
        /** The empty kernel, its argument set. */
        public cl_kernel kernel;
        final long[] global = {64};

        @Setup
        public void setUp() {
            CL.setExceptionsEnabled(true);
            int[] n = new int[1];
            clGetPlatformIDs(0, null, n);
            cl_platform_id[] platforms = new cl_platform_id[n[0]];
            clGetPlatformIDs(n[0], platforms, null);
            for (cl_platform_id p : platforms) {
                byte[] name = new byte[256];
                clGetPlatformInfo(p, CL.CL_PLATFORM_NAME, name.length, Pointer.to(name), null);
                if (!new String(name).startsWith("Portable Computing Language")) {
                    continue;
                }
                cl_device_id[] dev = new cl_device_id[1];
                clGetDeviceIDs(p, CL_DEVICE_TYPE_CPU, 1, dev, null);
                cl_context ctx = clCreateContext(null, 1, dev, null, null, null);
                queue = clCreateCommandQueueWithProperties(ctx, dev[0], new cl_queue_properties(), null);
                var program = clCreateProgramWithSource(ctx, 1,
                        new String[] {"__kernel void empty(__global int* a) { }"}, null, null);
                clBuildProgram(program, 0, null, null, null, null);
                kernel = clCreateKernel(program, "empty", null);
                CL.clSetKernelArg(kernel, 0, org.jocl.Sizeof.cl_mem,
                        Pointer.to(CL.clCreateBuffer(ctx, CL.CL_MEM_READ_WRITE, 256, null, null)));
                return;
            }
            throw new IllegalStateException("PoCL is not installed; the raw JOCL reference needs it");
        }
    }

    @Benchmark
    public void jdpxLaunch(OnDevice s) {
        Kernels.launch(LaunchBench::empty, Range.of(64), s.view);
    }

    @Benchmark
    public void rawJocl(RawJocl s) {
        clEnqueueNDRangeKernel(s.queue, s.kernel, 1, null, s.global, null, 0, null, null);
        clFinish(s.queue);
    }
}
