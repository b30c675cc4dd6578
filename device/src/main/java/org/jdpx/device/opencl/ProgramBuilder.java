package org.jdpx.device.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import org.jdpx.device.spi.LlvmHandlers;
import org.jdpx.device.spi.NativeSignals;
import org.jdpx.device.spi.ProgramBuildException;
import org.jdpx.device.spi.ProgramSource;
import org.jocl.Pointer;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/** Creates and builds {@code cl_program}s from each kind of {@link ProgramSource}. */
final class ProgramBuilder {
    private static final System.Logger LOG = System.getLogger("org.jdpx.device");
    /**
     * What PoCL's build log says when a temporary file of its on-disk kernel cache vanished before
     * clang renamed it: LLVM's crash handler deleted it when the JVM raised a SIGSEGV of its own
     * during the build. {@link LlvmHandlers} keeps that handler out of the JVM's way; the retry
     * stays for a handler it could not take back (an LLVM library loaded after discovery).
     */
    static final String POCL_CACHE_RACE = "unable to rename temporary";
    private static final int BUILD_ATTEMPTS = 3;

    private ProgramBuilder() {
    }

    static OpenClProgram build(OpenClDevice device, ProgramSource source) {
        cl_device_id[] devices = {device.id};
        int[] err = new int[1];
        cl_program program;
        String text;
        switch (source) {
            case ProgramSource.OpenClC c -> {
                text = c.source();
                program = clCreateProgramWithSource(device.context, 1, new String[] {c.source()}, null, err);
                Cl.check(err[0], "clCreateProgramWithSource", device.label());
            }
            case ProgramSource.SpirV s -> {
                text = "(SPIR-V module of " + s.module().length + " bytes)";
                program = IlPrograms.create(device, s.module());
            }
            case ProgramSource.Binary b -> {
                text = "(device binary of " + b.bytes().length + " bytes)";
                byte[] binary = BinaryEnvelope.unwrap(device, b.bytes());
                int[] binaryStatus = new int[1];
                program = clCreateProgramWithBinary(device.context, 1, devices, new long[] {binary.length},
                        new byte[][] {binary}, binaryStatus, err);
                if (err[0] != CL_SUCCESS) {
                    throw new ProgramBuildException(device.label(), "clCreateProgramWithBinary returned "
                            + OpenClException.name(err[0]) + "; the binary is not for this device or driver", "", text);
                }
            }
        }
        int st = CL_BUILD_PROGRAM_FAILURE;
        String log = "";
        for (int attempt = 1; attempt <= BUILD_ATTEMPTS; attempt++) {
            NativeSignals.Snapshot signals = NativeSignals.snapshot();
            st = Cl.status(() -> clBuildProgram(program, 1, devices, source.buildOptions(), null, null));
            LlvmHandlers.release(); // in case LLVM installed its handlers for the first time only now
            NativeSignals.warnIfReplaced(signals, "building a program for " + device.label());
            log = buildLog(device, program);
            if (st == CL_SUCCESS || !log.contains(POCL_CACHE_RACE) || attempt == BUILD_ATTEMPTS) break;
            LOG.log(System.Logger.Level.WARNING, "PoCL lost a temporary file of its kernel cache while building a program for "
                    + device.label() + " (attempt " + attempt + " of " + BUILD_ATTEMPTS + "); building it again");
        }
        if (st != CL_SUCCESS) {
            clReleaseProgram(program);
            throw new ProgramBuildException(device.label(), "clBuildProgram returned " + OpenClException.name(st)
                    + " (" + st + ")" + (source.buildOptions().isEmpty() ? "" : " with options '"
                            + source.buildOptions() + "'"), log, text);
        }
        return new OpenClProgram(device, program, log);
    }

    private static String buildLog(OpenClDevice device, cl_program program) {
        long[] size = new long[1];
        if (Cl.status(() -> clGetProgramBuildInfo(program, device.id, CL_PROGRAM_BUILD_LOG, 0, null, size)) != CL_SUCCESS
                || size[0] <= 1) {
            return "";
        }
        byte[] b = new byte[(int) size[0]];
        if (Cl.status(() -> clGetProgramBuildInfo(program, device.id, CL_PROGRAM_BUILD_LOG, b.length, Pointer.to(b),
                null)) != CL_SUCCESS) {
            return "";
        }
        int n = b.length;
        while (n > 0 && b[n - 1] == 0) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8).strip();
    }
}
