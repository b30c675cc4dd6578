package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.ProgramDriver;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/** A built {@code cl_program} of one device, with its kernels created once and cached by name. */
final class OpenClProgram implements ProgramDriver {

    final OpenClDevice device;
    private final cl_program program;
    private final String buildLog;
    private final ConcurrentHashMap<String, OpenClKernel> kernels = new ConcurrentHashMap<>();
    private volatile boolean released;

    OpenClProgram(OpenClDevice device, cl_program program, String buildLog) {
        this.device = device;
        this.program = program;
        this.buildLog = buildLog;
    }

    /**
     * The cached kernel of that name.
     *
     * @throws IllegalArgumentException naming the program's kernels when there is no such kernel
     * @throws IllegalStateException    after {@link #release()}
     */
    @Override
    public KernelDriver kernel(String name) {
        if (released) {
            throw new IllegalStateException("program on " + device.label() + " was released");
        }
        return kernels.computeIfAbsent(name, n -> {
            int[] err = new int[1];
            cl_kernel k = clCreateKernel(program, n, err);
            if (err[0] == CL_INVALID_KERNEL_NAME) {
                throw new IllegalArgumentException("the program has no kernel '" + n + "'; it has: " + kernelNames());
            }
            Cl.check(err[0], "clCreateKernel", "kernel '" + n + "' on " + device.label());
            return new OpenClKernel(this, k, n);
        });
    }

    private String kernelNames() {
        long[] size = new long[1];
        if (Cl.status(() -> clGetProgramInfo(program, CL_PROGRAM_KERNEL_NAMES, 0, null, size)) != CL_SUCCESS) {
            return "(unknown)";
        }
        byte[] b = new byte[(int) size[0]];
        Cl.check(clGetProgramInfo(program, CL_PROGRAM_KERNEL_NAMES, b.length, Pointer.to(b), null), "clGetProgramInfo",
                "kernel names");
        return new String(b, 0, Math.max(0, b.length - 1), java.nio.charset.StandardCharsets.UTF_8).replace(";", ", ");
    }

    /**
     * {@code CL_PROGRAM_BINARIES} for this program's one device, wrapped in a {@link BinaryEnvelope},
     * or empty when the driver gives none.
     */
    @Override
    public Optional<byte[]> binary() {
        long[] size = new long[1];
        int st = Cl.status(() -> clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(size),
                null));
        if (st != CL_SUCCESS || size[0] == 0) {
            return Optional.empty();
        }
        byte[] bytes = new byte[Math.toIntExact(size[0])];
        Pointer one = Pointer.to(bytes);
        Cl.check(clGetProgramInfo(program, CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(one), null),
                "clGetProgramInfo", "CL_PROGRAM_BINARIES on " + device.label());
        return Optional.of(BinaryEnvelope.wrap(device.info(), bytes));
    }

    @Override
    public String buildLog() {
        return buildLog;
    }

    @Override
    public synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        kernels.values().forEach(OpenClKernel::release);
        kernels.clear();
        clReleaseProgram(program);
    }
}
