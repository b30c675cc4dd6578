package org.jdpx.device.opencl;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import org.jdpx.device.spi.BackendUnavailableException;
import org.jocl.NativePointerObject;
import org.jocl.cl_program;

/**
 * SPIR-V programs through {@code clCreateProgramWithIL}, which JOCL 2.0.5 does not bind: one
 * {@code java.lang.foreign} downcall into the ICD loader with the context's native handle, and the
 * returned handle wrapped in a JOCL {@code cl_program} so the rest of the build is ordinary JOCL.
 *
 * <p><b>Unverified on the development machine</b>: neither PoCL 3.1 nor rusticl there reports
 * SPIR-V in {@code CL_DEVICE_IL_VERSION}, so this path is only reached on devices that do
 * (Intel's OpenCL runtime, recent NVIDIA drivers with OpenCL 3.0 and IL support).
 */
final class IlPrograms {

    private static volatile MethodHandle create;

    private IlPrograms() {
    }

    /**
     * Creates (not builds) a program from a SPIR-V module.
     *
     * @throws UnsupportedOperationException when the device does not list SPIR-V among its IL versions
     */
    static cl_program create(OpenClDevice device, byte[] module) {
        if (!device.profile.takesSpirV()) {
            throw new UnsupportedOperationException(device.label() + " does not accept SPIR-V (CL_DEVICE_IL_VERSION is '"
                    + device.profile.ilVersion() + "'); build OpenCL C source for it instead");
        }
        try (Arena arena = Arena.ofShared()) {
            MemorySegment il = arena.allocate(module.length, 4);
            MemorySegment.copy(module, 0, il, ValueLayout.JAVA_BYTE, 0, module.length);
            MemorySegment err = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment program = (MemorySegment) handle().invokeExact(
                    MemorySegment.ofAddress(device.context.getNativePointer()), il, (long) module.length, err);
            Cl.check(err.get(ValueLayout.JAVA_INT, 0), "clCreateProgramWithIL", device.label());
            return wrap(program.address());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("clCreateProgramWithIL downcall failed", t);
        }
    }

    @SuppressWarnings("restricted") // the one downcall JOCL lacks
    private static MethodHandle handle() {
        MethodHandle h = create;
        if (h == null) {
            try {
                MemorySegment fn = NativeOpenCl.loader().find("clCreateProgramWithIL").orElseThrow(() ->
                        new UnsupportedOperationException("the OpenCL ICD loader has no clCreateProgramWithIL "
                                + "(it predates OpenCL 2.1); upgrade ocl-icd-libopencl1"));
                h = Linker.nativeLinker().downcallHandle(fn, FunctionDescriptor.of(ValueLayout.ADDRESS,
                        ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
            } catch (BackendUnavailableException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
            create = h;
        }
        return h;
    }

    /** Gives a raw program handle to JOCL, which has no public constructor taking one. */
    private static cl_program wrap(long address) {
        try {
            cl_program p = new cl_program();
            Field f = NativePointerObject.class.getDeclaredField("nativePointer");
            f.setAccessible(true);
            f.setLong(p, address);
            return p;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot wrap a cl_program handle for JOCL " + e, e);
        }
    }
}
