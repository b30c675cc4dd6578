package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.device.spi.LocalArg;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_event;
import org.jocl.cl_kernel;

/**
 * One {@code cl_kernel}, cached by its {@link OpenClProgram}. A {@code cl_kernel} holds its
 * arguments, so setting them and enqueueing is one critical section (this object's lock); that
 * makes concurrent launches of the same kernel safe without cloning it.
 *
 * <p>Argument mapping (Java value → OpenCL C parameter):
 * <ul>
 *   <li>{@link OpenClMemory} → {@code __global T*} (the buffer; a fine-grained SVM block passes its
 *       SVM pointer with {@code clSetKernelArgSVMPointer});</li>
 *   <li>{@code Byte} → {@code char}/{@code uchar}; {@code Boolean} → {@code uchar} 0 or 1 (OpenCL C
 *       forbids {@code bool} kernel parameters); {@code Short} → {@code short};
 *       {@code Character} → {@code ushort}; {@code Integer} → {@code int}/{@code uint};
 *       {@code Long} → {@code long}/{@code ulong}; {@code Float} → {@code float};
 *       {@code Double} → {@code double};</li>
 *   <li>{@link LocalArg} → {@code __local T*} of that many bytes per work-group.</li>
 * </ul>
 * Scalars are written into a per-kernel direct buffer with one preallocated JOCL pointer per
 * argument, so a launch allocates nothing beyond its event.
 *
 * <p>Arguments already set: a {@code cl_kernel} keeps its arguments between launches, so an
 * argument whose value is the one this object last set on it, from any thread (the lock makes the
 * set-and-enqueue sequence of one launch atomic), is not set again. A launch of a kernel in a loop
 * then calls only {@code clEnqueueNDRangeKernel}, as a hand-written OpenCL host program does.
 * Memory compares by the {@link OpenClMemory} object, never by its {@code cl_mem} address, so a
 * block freed and a new one allocated at the same address is set again; scalars compare by
 * their bytes and size, local memory by its size. A failed set forgets the argument.
 */
final class OpenClKernel implements KernelDriver {

    final OpenClProgram program;
    final cl_kernel kernel;
    final String description;
    private final String name;
    private final int argCount;
    private final ByteBuffer scalars;
    private final Pointer[] scalarPointers;
    /** What each argument was last set to (guarded by this); unset until the first set and after a failed one. */
    private final ArgValues setTo;

    OpenClKernel(OpenClProgram program, cl_kernel kernel, String name) {
        this.program = program;
        this.kernel = kernel;
        this.name = name;
        this.description = "kernel '" + name + "'";
        int[] n = new int[1];
        Cl.check(clGetKernelInfo(kernel, CL_KERNEL_NUM_ARGS, Sizeof.cl_uint, Pointer.to(n), null), "clGetKernelInfo",
                description);
        this.argCount = n[0];
        this.scalars = ByteBuffer.allocateDirect(Math.max(1, argCount) * 8).order(ByteOrder.nativeOrder());
        this.scalarPointers = new Pointer[argCount];
        for (int i = 0; i < argCount; i++) {
            scalarPointers[i] = Pointer.to(scalars.slice(i * 8, 8).order(ByteOrder.nativeOrder()));
        }
        this.setTo = new ArgValues(argCount);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int argCount() {
        return argCount;
    }

    /** Sets every argument and enqueues the launch; returns the launch's event. */
    cl_event enqueue(cl_command_queue queue, LaunchRange range, List<Object> args, cl_event[] wait) {
        if (args.size() != argCount) {
            throw new IllegalArgumentException(description + " takes " + argCount + " arguments, got " + args.size());
        }
        for (int i = 0; i < argCount; i++) {
            if (args.get(i) instanceof OpenClMemory m) {
                program.device.own(m).beforeDeviceUse();
            } else if (args.get(i) instanceof org.jdpx.device.spi.NativeMemory other) {
                program.device.own(other);
            }
        }
        cl_event ev = new cl_event();
        synchronized (this) {
            for (int i = 0; i < argCount; i++) {
                set(i, args.get(i));
            }
            Cl.check(clEnqueueNDRangeKernel(queue, kernel, range.dimensions(), null, range.global(), range.local(),
                    WaitList.size(wait), wait, ev), "clEnqueueNDRangeKernel", description + " over " + range);
        }
        return ev;
    }

    /** Sets argument {@code i} unless it already holds {@code arg}'s value; called with this object's lock. */
    private void set(int i, Object arg) {
        if (setTo.holds(i, arg)) {
            return;
        }
        setTo.forget(i);
        int st;
        long size;
        switch (arg) {
            case OpenClMemory m when m.svm != null -> {
                size = Sizeof.POINTER;
                st = clSetKernelArgSVMPointer(kernel, i, m.svm);
            }
            case OpenClMemory m -> {
                size = Sizeof.cl_mem;
                st = clSetKernelArg(kernel, i, size, m.argPointer);
            }
            case LocalArg l -> {
                size = l.bytes();
                st = clSetKernelArg(kernel, i, size, null);
            }
            case Integer v -> st = scalar(i, size = 4, v);
            case Float v -> st = scalar(i, size = 4, Float.floatToRawIntBits(v));
            case Long v -> st = scalar(i, size = 8, v);
            case Double v -> st = scalar(i, size = 8, Double.doubleToRawLongBits(v));
            case Short v -> st = scalar(i, size = 2, v);
            case Character v -> st = scalar(i, size = 2, v);
            case Byte v -> st = scalar(i, size = 1, v);
            case Boolean v -> st = scalar(i, size = 1, v ? 1 : 0);
            case null -> throw new IllegalArgumentException("argument " + i + " of " + description + " is null");
            default -> throw new IllegalArgumentException("argument " + i + " of " + description + " has unsupported type "
                    + arg.getClass().getName() + "; pass OpenCL memory, a boxed primitive or a LocalArg");
        }
        if (st == CL_INVALID_ARG_SIZE) {
            throw new IllegalArgumentException("argument " + i + " of " + description + ": a "
                    + arg.getClass().getSimpleName() + " (" + size + " bytes) does not match the parameter's type");
        }
        Cl.check(st, "clSetKernelArg", "argument " + i + " of " + description);
        setTo.remember(i, arg);
    }

    private int scalar(int i, long size, long bits) {
        int at = i * 8;
        switch ((int) size) {
            case 1 -> scalars.put(at, (byte) bits);
            case 2 -> scalars.putShort(at, (short) bits);
            case 4 -> scalars.putInt(at, (int) bits);
            default -> scalars.putLong(at, bits);
        }
        return clSetKernelArg(kernel, i, size, scalarPointers[i]);
    }

    void release() {
        clReleaseKernel(kernel);
    }
}
