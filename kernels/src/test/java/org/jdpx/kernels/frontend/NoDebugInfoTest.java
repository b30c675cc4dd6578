package org.jdpx.kernels.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.jdpx.kernels.KernelCompileException;
import org.jdpx.kernels.KernelCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel class compiled without debug information has no line numbers, so a refusal cannot
 * name a line: the message must say to compile with {@code -g} instead.
 */
class NoDebugInfoTest {
    private static final String SOURCE = """
            package nodebug;

            import org.jdpx.kernels.FloatArray;
            import org.jdpx.kernels.Kernel;
            import org.jdpx.kernels.KernelContext;

            public class Refused {
                @Kernel
                public static void k(KernelContext ctx, FloatArray out) {
                    out.set(ctx.globalId(0), new StringBuilder("x").length());
                }
            }
            """;

    /** Compiles {@link #SOURCE} with {@code options} and compiles its kernel, which must be refused. */
    private static KernelCompileException refusal(Path dir, String... options) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/nodebug")).resolve("Refused.java");
        Files.writeString(src, SOURCE);
        Path out = Files.createDirectories(dir.resolve("out-" + String.join("", options).replace(":", "")));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new java.util.ArrayList<>(List.of(options));
        args.addAll(List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"), src.toString()));
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac failed");
        // URLClassLoader also serves the class bytes through getResourceAsStream, where the frontend reads them
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, NoDebugInfoTest.class.getClassLoader())) {
            Class<?> c = loader.loadClass("nodebug.Refused");
            return assertThrows(KernelCompileException.class, () -> KernelCompiler.compile(c, "k"));
        }
    }

    @Test
    void withoutLineNumbersTheMessageSaysToCompileWithG(@TempDir Path dir) throws Exception {
        KernelCompileException e = refusal(dir, "-g:none");
        String msg = e.getMessage();
        assertEquals(-1, e.line());
        assertTrue(msg.startsWith("kernel Refused.k (Refused.java): object allocation 'new java.lang.StringBuilder'"), msg);
        assertTrue(msg.contains("nodebug.Refused was compiled without debug information; compile it with -g (javac -g, or"
                + " <debug>true</debug> in Maven's compiler plugin)"), msg);
    }

    @Test
    void withLineNumbersTheMessageNamesTheLineAndNoHint(@TempDir Path dir) throws Exception {
        KernelCompileException e = refusal(dir, "-g");
        assertEquals(10, e.line());
        assertTrue(e.getMessage().startsWith("kernel Refused.k (Refused.java:10): object allocation"), e.getMessage());
        assertTrue(!e.getMessage().contains("-g"), e.getMessage());
    }
}
