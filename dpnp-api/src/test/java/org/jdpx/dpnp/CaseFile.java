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

    /** Checks one case's fields on a device, the case folder at hand; returns the problem, or null. */
    interface DeviceChecker {
        String check(org.jdpx.device.Device device, Path dir, String[] fields) throws IOException;
    }

    /**
     * Runs the case file {@code /numpy/<folder>/cases.txt} on {@code device} under {@code plan}
     * ({@link PlanCases#under}) and asserts as {@link #assertAllMatch} does.
     */
    static void assertOnPlan(String folder, org.jdpx.device.Device device, org.jdpx.kernels.plan.DevicePlan.Kind plan,
            DeviceChecker checker, int minCases, int minFunctions) throws Exception {
        Path dir = Path.of(CaseFile.class.getResource("/numpy/" + folder + "/cases.txt").toURI()).getParent();
        PlanCases.under(device, plan, d -> {
            try {
                assertAllMatch(d.filterString() + " (" + plan + " plan)", dir.resolve("cases.txt"), f -> checker.check(d, dir, f),
                        minCases, minFunctions);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The case's input arrays (its comma-separated field of .npy names in {@code dir}) on the options' device. */
    static org.jdpx.tensor.UsmNdArray[] inputs(Path dir, String field, org.jdpx.tensor.ArrayOptions on) {
        String[] ins = field.isEmpty() ? new String[0] : field.split(",");
        org.jdpx.tensor.UsmNdArray[] x = new org.jdpx.tensor.UsmNdArray[ins.length];
        for (int i = 0; i < ins.length; i++) x[i] = Dpnp.load(dir.resolve(ins[i] + ".npy"), on);
        return x;
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
