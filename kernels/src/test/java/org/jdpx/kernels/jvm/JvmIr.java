package org.jdpx.kernels.jvm;

import org.jdpx.kernels.CompiledKernel;

/** Test access to the JVM emitter's runner (package-private in main code) for tests in other packages. */
public final class JvmIr {
    private JvmIr() {
    }

    /** Runs {@code kernel} through the bytecode {@link JvmEmitter} generates from its IR, on the java device's threads. */
    public static void run(CompiledKernel kernel, int[] global, int[] local, Object... args) {
        JvmKernelRunner.runIr(kernel, global, local, args);
    }
}
