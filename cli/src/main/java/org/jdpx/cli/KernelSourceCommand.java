package org.jdpx.cli;

import java.util.concurrent.Callable;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/**
 * {@code jdpx kernel-source CLASS#METHOD [--spirv]}: prints the code jdpx generates for a
 * {@code @Kernel} method on the class path, OpenCL C by default or the SPIR-V disassembly.
 */
@Command(name = "kernel-source", mixinStandardHelpOptions = true,
        description = "Print the OpenCL C (or SPIR-V) generated for a @Kernel method, e.g. "
                + "'jdpx kernel-source com.example.MyKernels#vadd'.")
final class KernelSourceCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CLASS#METHOD", description = "The kernel: a fully qualified class and a method name.")
    String target;

    @Option(names = {"--cp", "--class-path"}, paramLabel = "PATH",
            description = "Extra class path (jars or class folders, ':'-separated) holding the kernel's class.")
    String classPath;

    @Option(names = "--spirv", description = "Print the SPIR-V module's disassembly instead of OpenCL C.")
    boolean spirv;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int hash = target.indexOf('#');
        if (hash <= 0 || hash == target.length() - 1) {
            throw OptionChecks.bad(spec, "CLASS#METHOD", target, "expected a class and a method name joined by '#', "
                    + "e.g. org.example.Kernels#vadd", null);
        }
        String className = target.substring(0, hash);
        Class<?> owner;
        try {
            owner = Class.forName(className, false, loader());
        } catch (ClassNotFoundException e) {
            throw OptionChecks.bad(spec, "CLASS#METHOD", target, "class " + className + " is not on the class path; "
                    + "add its jar or class folder with --cp PATH", e);
        }
        CompiledKernel k;
        try {
            k = KernelCompiler.compile(owner, target.substring(hash + 1));
        } catch (IllegalArgumentException e) {
            throw OptionChecks.bad(spec, "CLASS#METHOD", target, e.getMessage(), e);
        }
        System.out.print(spirv ? k.spirvText() : k.openclSource());
        return 0;
    }

    private ClassLoader loader() {
        ClassLoader parent = Thread.currentThread().getContextClassLoader();
        if (classPath == null || classPath.isBlank()) {
            return parent;
        }
        java.net.URL[] urls = java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
                .filter(p -> !p.isBlank())
                .map(p -> {
                    java.nio.file.Path path = java.nio.file.Path.of(p);
                    if (!java.nio.file.Files.exists(path)) {
                        throw OptionChecks.bad(spec, "--cp", classPath, "'" + p + "' does not exist", null);
                    }
                    try {
                        return path.toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw OptionChecks.bad(spec, "--cp", classPath, "'" + p + "' is not a valid path", e);
                    }
                })
                .toArray(java.net.URL[]::new);
        return new java.net.URLClassLoader(urls, parent);
    }
}
