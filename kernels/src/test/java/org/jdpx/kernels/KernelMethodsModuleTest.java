package org.jdpx.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kernel reference made in a named module that does not open its package to jdpx: the JPMS
 * application case. jdpx must say which {@code opens} line fixes it; the method reference itself
 * is found once the package is open. No device is involved (this is the lookup before any launch).
 */
class KernelMethodsModuleTest {

    /** Compiles module {@code app} (package {@code app.k}, exported, opened when {@code open}) and returns {@code K.ref()}. */
    static Serializable referenceFromModule(Path dir, boolean open) throws Exception {
        Path src = dir.resolve("src"), out = dir.resolve("out");
        Files.createDirectories(src.resolve("app/k"));
        Files.writeString(src.resolve("module-info.java"),
                "module app { exports app.k;" + (open ? " opens app.k;" : "") + " }");
        Files.writeString(src.resolve("app/k/K.java"), """
                package app.k;
                public final class K {
                    public interface Ref extends java.io.Serializable { void run(int[] x); }
                    static void twice(int[] x) { x[0] *= 2; }
                    public static Ref ref() { return K::twice; }
                }
                """);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", out.toString(),
                src.resolve("module-info.java").toString(), src.resolve("app/k/K.java").toString());
        assertEquals(0, rc, "javac of the test module");
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolve(ModuleFinder.of(out), ModuleFinder.of(), Set.of("app"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        Class<?> k = layer.findLoader("app").loadClass("app.k.K");
        return (Serializable) k.getMethod("ref").invoke(null);
    }

    @Test
    void closedPackageNamesTheOpensLineThatFixesIt(@TempDir Path dir) throws Exception {
        Serializable ref = referenceFromModule(dir, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KernelMethods.of(ref));
        assertTrue(e.getMessage().contains("module app does not open package app.k"), e.getMessage());
        assertTrue(e.getMessage().contains("add `opens app.k;` to its module-info.java"), e.getMessage());
    }

    @Test
    void openPackageResolvesTheMethod(@TempDir Path dir) throws Exception {
        Serializable ref = referenceFromModule(dir, true);
        var m = KernelMethods.of(ref);
        assertEquals(List.of("app.k.K", "twice"), List.of(m.getDeclaringClass().getName(), m.getName()));
    }
}
