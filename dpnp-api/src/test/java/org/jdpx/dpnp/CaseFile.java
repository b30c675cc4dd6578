package org.jdpx.dpnp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs every line of a NumPy case file ({@code name|function|...}, '#' comments) through a
 * checker and collects what differs: the failures (name: problem, or the exception), the number
 * of cases checked and the functions they call.
 */
record CaseFile(List<String> failures, int checked, Set<String> functions) {

    /** Checks one case's fields; returns the problem, or null when it matches. */
    interface Checker {
        String check(String[] fields) throws IOException;
    }

    /**
     * Runs {@code cases} and asserts that every case matches and that at least {@code minCases}
     * cases of {@code minFunctions} functions were read.
     */
    static void assertAllMatch(String what, Path cases, Checker checker, int minCases, int minFunctions) throws IOException {
        CaseFile r = run(cases, checker);
        org.junit.jupiter.api.Assertions.assertTrue(r.checked() >= minCases && r.functions().size() >= minFunctions,
                "cases read: " + r.checked() + ", functions: " + r.functions().size());
        List<String> f = r.failures();
        org.junit.jupiter.api.Assertions.assertTrue(f.isEmpty(), f.size() + " of " + r.checked() + " cases differ from NumPy on "
                + what + ":\n" + String.join("\n", f.subList(0, Math.min(60, f.size()))));
    }

    static CaseFile run(Path cases, Checker checker) throws IOException {
        List<String> failures = new ArrayList<>();
        Set<String> functions = new TreeSet<>();
        int checked = 0;
        for (String line : Files.readAllLines(cases)) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\\|", -1);
            try {
                String problem = checker.check(f);
                if (problem != null) failures.add(f[0] + ": " + problem);
            } catch (RuntimeException e) {
                failures.add(f[0] + ": " + e);
            }
            functions.add(f[1]);
            checked++;
        }
        return new CaseFile(failures, checked, functions);
    }
}
