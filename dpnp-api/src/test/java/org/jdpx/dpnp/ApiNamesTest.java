package org.jdpx.dpnp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The NumPy names {@link Dpnp}, {@link DpnpLinalg} and {@link DpnpFft} provide, by reflection (inherited ones included: the facades Dpnp extends): writes
 * {@code target/dpnp-names.txt}, {@code target/dpnp-linalg-names.txt} and {@code target/dpnp-fft-names.txt}, which
 * {@code scripts/dpnp_coverage.py} turns into docs/dpnp-coverage.md.
 */
class ApiNamesTest {

    /** NumPy's name for a method: its {@link NumpyName}, else camelCase turned into snake_case. */
    static String numpyName(Method m) {
        NumpyName n = m.getAnnotation(NumpyName.class);
        if (n != null) return n.value();
        return m.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    static Set<String> names() {
        return names(Dpnp.class);
    }

    static Set<String> names(Class<?> api) {
        Set<String> names = new TreeSet<>();
        // The facade classes Dpnp inherits from (one per area) count as Dpnp's own.
        for (Class<?> c = api; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) names.add(numpyName(m));
            }
        }
        return names;
    }

    @Test
    void writesTheNameList() throws IOException {
        Set<String> names = names();
        assertTrue(names.contains("expand_dims") && names.contains("atleast_1d") && names.contains("take_along_axis"), names.toString());
        assertTrue(names.size() >= 200, "names: " + names.size());
        Path out = Path.of("target", "dpnp-names.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, names);
        Set<String> linalg = names(DpnpLinalg.class);
        assertTrue(linalg.containsAll(Set.of("solve", "matrix_rank", "multi_dot", "svdvals", "eigvalsh")), linalg.toString());
        Files.write(Path.of("target", "dpnp-linalg-names.txt"), linalg);
        Set<String> fft = names(DpnpFft.class);
        assertTrue(fft.containsAll(Set.of("fft", "irfftn", "hfft", "fftfreq", "ifftshift")), fft.toString());
        Files.write(Path.of("target", "dpnp-fft-names.txt"), fft);
    }
}
