package org.jdpx.kernels.testutil;

import static org.jocl.CL.*;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdpx.kernels.ByteArray;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.DoubleArray;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.IntArray;
import org.jdpx.kernels.KernelArg;
import org.jdpx.kernels.LocalMemory;
import org.jdpx.kernels.LongArray;
import org.jdpx.kernels.ShortArray;
import org.jdpx.kernels.ir.ParamKind;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;

/**
 * Test-only access to the OpenCL devices JOCL finds (asked per device type, since rusticl
 * rejects CL_DEVICE_TYPE_ALL): building generated OpenCL C, and a minimal launcher that
 * copies views to buffers, sets arguments following {@link KernelArg}'s contract, runs and
 * copies back. The real launcher lives elsewhere; this one only proves generated code right.
 */
public final class ClDevices {
    private ClDevices() {
    }

    /** One device with its context and queue. */
    public record Device(String name, cl_device_id id, cl_context context, cl_command_queue queue, boolean fp64, boolean atomic64) {
        public boolean supports(CompiledKernel k) {
            return (!k.needsFp64() || fp64) && (!k.needsAtomic64() || atomic64);
        }

        public java.util.Set<String> aspects() {
            java.util.Set<String> s = new java.util.HashSet<>();
            if (fp64) s.add("fp64");
            if (atomic64) s.add("atomic64");
            return s;
        }
    }

    private static List<Device> devices;

    public static synchronized List<Device> all() {
        if (devices != null) return devices;
        List<Device> list = new ArrayList<>();
        try {
            CL.setExceptionsEnabled(true);
            int[] n = new int[1];
            clGetPlatformIDs(0, null, n);
            cl_platform_id[] ps = new cl_platform_id[n[0]];
            clGetPlatformIDs(ps.length, ps, null);
            for (cl_platform_id p : ps) {
                for (long type : new long[] {CL_DEVICE_TYPE_CPU, CL_DEVICE_TYPE_GPU, CL_DEVICE_TYPE_ACCELERATOR}) {
                    int[] nd = new int[1];
                    try {
                        clGetDeviceIDs(p, type, 0, null, nd);
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (nd[0] == 0) continue;
                    cl_device_id[] ds = new cl_device_id[nd[0]];
                    clGetDeviceIDs(p, type, ds.length, ds, null);
                    for (cl_device_id d : ds) {
                        String name = info(d, CL_DEVICE_NAME);
                        String ext = info(d, CL_DEVICE_EXTENSIONS);
                        cl_context ctx = clCreateContext(null, 1, new cl_device_id[] {d}, null, null, null);
                        @SuppressWarnings("deprecation")
                        cl_command_queue q = clCreateCommandQueue(ctx, d, 0, null);
                        list.add(new Device(name, d, ctx, q, ext.contains("cl_khr_fp64"), ext.contains("cl_khr_int64_base_atomics")));
                    }
                }
            }
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            System.getLogger(ClDevices.class.getName()).log(System.Logger.Level.WARNING, "no OpenCL: " + e);
        }
        devices = List.copyOf(list);
        return devices;
    }

    private static String info(cl_device_id d, int what) {
        long[] size = new long[1];
        clGetDeviceInfo(d, what, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(d, what, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1));
    }

    private static final Map<String, cl_program> PROGRAMS = new HashMap<>();

    /** Builds {@code source} for {@code d}; throws AssertionError with the build log on failure. */
    public static synchronized cl_program build(Device d, String source) {
        String key = d.name() + "\u0000" + source;
        cl_program p = PROGRAMS.get(key);
        if (p != null) return p;
        p = clCreateProgramWithSource(d.context(), 1, new String[] {source}, null, null);
        try {
            clBuildProgram(p, 1, new cl_device_id[] {d.id()}, "-cl-std=CL1.2", null, null);
        } catch (RuntimeException e) {
            long[] size = new long[1];
            clGetProgramBuildInfo(p, d.id(), CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] log = new byte[(int) size[0]];
            clGetProgramBuildInfo(p, d.id(), CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
            throw new AssertionError("OpenCL build failed on " + d.name() + ":\n" + new String(log) + "\n--- source ---\n" + source, e);
        }
        PROGRAMS.put(key, p);
        return p;
    }

    /** Runs {@code k} on {@code d} and copies every view argument back into its memory. */
    public static void run(Device d, CompiledKernel k, int[] global, int[] local, Object... args) {
        cl_program p = build(d, k.openclSource());
        cl_kernel kern = clCreateKernel(p, k.name(), null);
        List<cl_mem> mems = new ArrayList<>();
        Map<Integer, cl_mem> viewMem = new HashMap<>();
        try {
            for (KernelArg a : k.arguments()) {
                switch (a.kind()) {
                    case ParamKind.View v -> {
                        MemorySegment seg = region(args[v.argIndex()]);
                        ByteBuffer host = ByteBuffer.allocateDirect((int) seg.byteSize()).order(ByteOrder.nativeOrder());
                        MemorySegment.ofBuffer(host).copyFrom(seg);
                        cl_mem m = clCreateBuffer(d.context(), CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, Math.max(1, seg.byteSize()),
                                Pointer.to(host), null);
                        mems.add(m);
                        viewMem.put(v.argIndex(), m);
                        clSetKernelArg(kern, a.position(), Sizeof.cl_mem, Pointer.to(m));
                    }
                    case ParamKind.LocalBuffer lb -> clSetKernelArg(kern, a.position(), ((LocalMemory) args[lb.argIndex()]).bytes(), null);
                    case ParamKind.Value val -> setScalar(kern, a, args[val.argIndex()]);
                    case ParamKind.ViewInfo vi -> {
                        Object view = args[vi.argIndex()];
                        long value = switch (vi.info()) {
                            case LENGTH -> (int) call(view, "length");
                            case RANK -> (int) call(view, "rank");
                            case SHAPE -> (int) call(view, "shape", vi.dim());
                            case STRIDE -> (long) call(view, "stride", vi.dim());
                        };
                        setScalar(kern, a, vi.info() == ParamKind.Info.STRIDE ? (Object) value : (Object) (int) value);
                    }
                    default -> throw new IllegalStateException("kernel argument " + a);
                }
            }
            long[] g = new long[global.length];
            for (int i = 0; i < g.length; i++) g[i] = global[i];
            long[] l = null;
            if (local != null) {
                l = new long[local.length];
                for (int i = 0; i < l.length; i++) l[i] = local[i];
            }
            clEnqueueNDRangeKernel(d.queue(), kern, g.length, null, g, l, 0, null, null);
            clFinish(d.queue());
            for (var e : viewMem.entrySet()) {
                MemorySegment seg = region(args[e.getKey()]);
                ByteBuffer host = ByteBuffer.allocateDirect((int) seg.byteSize()).order(ByteOrder.nativeOrder());
                clEnqueueReadBuffer(d.queue(), e.getValue(), CL_TRUE, 0, seg.byteSize(), Pointer.to(host), 0, null, null);
                seg.copyFrom(MemorySegment.ofBuffer(host));
            }
        } finally {
            for (cl_mem m : mems) clReleaseMemObject(m);
            clReleaseKernel(kern);
        }
    }

    private static void setScalar(cl_kernel k, KernelArg a, Object v) {
        switch (v) {
            case Integer i -> clSetKernelArg(k, a.position(), Sizeof.cl_int, Pointer.to(new int[] {i}));
            case Boolean b -> clSetKernelArg(k, a.position(), Sizeof.cl_int, Pointer.to(new int[] {b ? 1 : 0}));
            case Short s -> clSetKernelArg(k, a.position(), Sizeof.cl_int, Pointer.to(new int[] {s}));
            case Byte b -> clSetKernelArg(k, a.position(), Sizeof.cl_int, Pointer.to(new int[] {b}));
            case Long l -> clSetKernelArg(k, a.position(), Sizeof.cl_long, Pointer.to(new long[] {l}));
            case Float f -> clSetKernelArg(k, a.position(), Sizeof.cl_float, Pointer.to(new float[] {f}));
            case Double dd -> clSetKernelArg(k, a.position(), Sizeof.cl_double, Pointer.to(new double[] {dd}));
            default -> throw new IllegalArgumentException("argument " + a + ": " + v);
        }
    }

    /** The bytes from the view's first element to its last (views here are contiguous or strided within). */
    private static MemorySegment region(Object view) {
        int elem = switch (view) {
            case ByteArray b -> 1;
            case ShortArray s -> 2;
            case IntArray i -> 4;
            case FloatArray f -> 4;
            case LongArray l -> 8;
            case DoubleArray dd -> 8;
            default -> throw new IllegalArgumentException("not a view: " + view);
        };
        MemorySegment seg = (MemorySegment) call(view, "segment");
        long off = (long) call(view, "offset");
        return seg.asSlice(off * elem);
    }

    private static Object call(Object o, String m, Object... a) {
        try {
            Class<?>[] types = new Class<?>[a.length];
            for (int i = 0; i < a.length; i++) types[i] = int.class;
            return o.getClass().getMethod(m, types).invoke(o, a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
