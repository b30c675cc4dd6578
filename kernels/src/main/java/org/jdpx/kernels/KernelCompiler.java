package org.jdpx.kernels;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.kernels.frontend.Frontend;
import org.jdpx.kernels.ir.KernelModule;

/**
 * Entry point of the kernel compiler: Java bytecode of a {@link Kernel @Kernel} method to
 * one IR, from which {@link CompiledKernel} prints OpenCL C and SPIR-V. Pure host-side
 * work (no device is touched); results are cached per method for the life of the JVM.
 */
public final class KernelCompiler {
    private static final System.Logger LOG = System.getLogger(KernelCompiler.class.getName());
    private static final Map<Method, CompiledKernel> CACHE = new ConcurrentHashMap<>();

    private KernelCompiler() {
    }

    /**
     * Compiles a kernel method.
     *
     * @throws KernelCompileException if the method uses Java a device cannot run; the message
     *         names class, method, source line and construct
     */
    public static CompiledKernel compile(Method method) {
        CompiledKernel k = CACHE.get(method);
        if (k != null) return k;
        long t0 = System.nanoTime();
        Frontend.Result r = Frontend.compile(method);
        k = new CompiledKernel(method, r.module(), r.contentHash(), r.doubleNarrowing());
        LOG.log(System.Logger.Level.DEBUG, () -> "compiled kernel " + method.getDeclaringClass().getSimpleName() + "."
                + method.getName() + " in " + (System.nanoTime() - t0) / 1000 + " us");
        CompiledKernel prev = CACHE.putIfAbsent(method, k);
        return prev == null ? k : prev;
    }

    /**
     * Compiles the kernel called {@code name} declared in {@code owner}.
     *
     * @throws IllegalArgumentException if there is no such static method, or several overloads
     * @throws KernelCompileException for unsupported Java in the kernel
     */
    public static CompiledKernel compile(Class<?> owner, String name) {
        List<Method> found = new ArrayList<>();
        for (Method m : owner.getDeclaredMethods()) if (m.getName().equals(name)) found.add(m);
        if (found.isEmpty()) {
            List<String> kernels = Arrays.stream(owner.getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(Kernel.class)).map(Method::getName).sorted().toList();
            throw new IllegalArgumentException("no method " + name + " in " + owner.getName() + "; "
                    + (kernels.isEmpty() ? "it has no @Kernel methods" : "its @Kernel methods: " + String.join(", ", kernels)));
        }
        if (found.size() > 1) {
            List<Method> kernels = found.stream().filter(m -> m.isAnnotationPresent(Kernel.class)).toList();
            if (kernels.size() != 1) throw new IllegalArgumentException("method name " + name + " is ambiguous in " + owner.getName());
            found = kernels;
        }
        return compile(found.getFirst());
    }

    /** Wraps hand-built IR (e.g. a fused array expression) so it is emitted exactly like a compiled method. */
    public static CompiledKernel fromIr(KernelModule module, String contentHash) {
        return new CompiledKernel(null, module, contentHash);
    }
}
