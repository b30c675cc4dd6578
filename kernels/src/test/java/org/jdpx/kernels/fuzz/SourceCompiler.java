package org.jdpx.kernels.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.jdpx.kernels.KernelContext;

/**
 * Compiles generated Java source in memory ({@code -g -parameters}, release 25) and defines it in
 * a fresh class loader that also serves the class bytes through {@code getResourceAsStream}, as
 * the kernel frontend reads bytecode that way.
 */
final class SourceCompiler {
    private SourceCompiler() {
    }

    /** Thrown when javac rejects the source (the shrinker treats such a candidate as not failing). */
    static final class CompileError extends RuntimeException {
        CompileError(String message) {
            super(message);
        }
    }

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    /** Compiles {@code source} (one top-level class {@code pkg.name}) and loads it. */
    static Class<?> load(String pkg, String name, String source) {
        if (JAVAC == null) throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        Map<String, byte[]> out = new HashMap<>();
        StandardJavaFileManager std = JAVAC.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        var fm = new ForwardingJavaFileManager<>(std) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location l, String cls, JavaFileObject.Kind k, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + cls.replace('.', '/') + ".class"), k) {
                    @Override
                    public OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                out.put(cls, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        JavaFileObject src = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreErrors) {
                return source;
            }
        };
        StringWriter log = new StringWriter();
        List<String> options = List.of("-g", "-parameters", "--release", "25", "-proc:none", "-classpath", classPath());
        boolean ok = JAVAC.getTask(log, fm, null, options, null, List.of(src)).call();
        if (!ok) throw new CompileError(log.toString());
        ClassLoader loader = new ClassLoader(SourceCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String cls) throws ClassNotFoundException {
                byte[] b = out.get(cls);
                if (b == null) throw new ClassNotFoundException(cls);
                return defineClass(cls, b, 0, b.length);
            }

            @Override
            public InputStream getResourceAsStream(String res) {
                String cls = res.endsWith(".class") ? res.substring(0, res.length() - 6).replace('/', '.') : null;
                byte[] b = cls == null ? null : out.get(cls);
                return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(res);
            }
        };
        try {
            return loader.loadClass(pkg + "." + name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kernels module's classes (where the generated code's imports live) plus this JVM's class path. */
    private static String classPath() {
        try {
            String kernels = new File(KernelContext.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
            return kernels + File.pathSeparator + System.getProperty("java.class.path");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
