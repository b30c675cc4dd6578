package org.jdpx.perf.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdpx.samples.Sample;
import org.jdpx.samples.Samples;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class WorkloadsTest {

    @Test
    void theIssuesWorkloadsAreRegisteredOnceEach() {
        List<String> names = Workloads.all().stream().map(Workload::name).toList();
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
        for (String n : List.of("copy_h2d", "copy_d2h", "copy_d2d", "alloc_pool_hit", "launch_empty", "compile_first",
                "compile_cached", "fused_a_plus_b_5c", "triad", "sum", "softmax", "pi_kernel_1e8", "pi_prange_1e8",
                "matmul_f32_1024", "gemv_f32", "dot_f32", "dot_f64")) {
            assertTrue(names.contains(n), n);
        }
    }

    @Test
    void everyTourSampleHasARowWithItsReferenceAsJava1() {
        List<String> names = Workloads.all().stream().map(Workload::name).toList();
        for (Sample s : Samples.all()) {
            Workload w = Workloads.named(SampleWorkloads.nameOf(s));
            assertEquals(s.style().label(), w.style());
            assertEquals(List.of("java1"), w.peers().stream().map(Peer::name).toList());
        }
        assertTrue(names.containsAll(List.of("sample_l2_distance_prange", "sample_black_scholes_kernel",
                "sample_logistic_regression_array")), names.toString());
    }

    @Test
    void streamWorkloadsAreTensorExpressionsAndPiHasAPrangeRow() {
        for (String n : List.of("fused_a_plus_b_5c", "triad", "sum", "softmax")) {
            assertEquals("tensor", Workloads.named(n).style(), n);
        }
        Workload pi = Workloads.named("pi_prange_1e8");
        assertEquals("prange", pi.style());
        assertEquals(List.of("java1", "javaAll", "aparapiJtp", "aparapiOpenCL"), pi.peers().stream().map(Peer::name).toList());
        assertEquals(List.of("numpy", "cOpenMP"), pi.externalPeers());
    }

    @Test
    void suiteBenchOffersRegisteredWorkloadsButTheFreshProcessCompiles() throws Exception {
        String[] params = SuiteBench.class.getField("workload").getAnnotation(Param.class).value();
        List<String> registered = Workloads.all().stream().map(Workload::name).filter(n -> !n.startsWith("compile_")).toList();
        assertTrue(registered.containsAll(List.of(params)), List.of(params).toString());
        assertTrue(List.of(params).containsAll(List.of("copy_d2d", "launch_empty", "triad", "matmul_f32_1024")));
    }

    @Test
    void quickRunsHaveEveryWorkloadWithTheNamedSizes() {
        for (Workload w : Workloads.all()) {
            assertFalse(w.sizes(true).isEmpty(), w.name());
            assertTrue(w.sizes(false).containsAll(w.sizes(true)), w.name());
        }
        assertEquals(List.of(100_000_000L), Workloads.named("pi_kernel_1e8").sizes(true));
        assertEquals(List.of(1024L), Workloads.named("matmul_f32_1024").sizes(true));
    }

    @Test
    void baselinesUseTheAgreedNames() {
        List<String> allowed = List.of("java1", "javaAll", "aparapiJtp", "aparapiOpenCL", "numpy", "cOpenMP",
                "rawOpenCL", "memcpy", "cupy", "jdpxLocal");
        for (Workload w : Workloads.all()) {
            w.peers().forEach(p -> assertTrue(allowed.contains(p.name()), w.name() + ": " + p.name()));
            w.externalPeers().forEach(p -> assertTrue(allowed.contains(p), w.name() + ": " + p));
        }
        assertEquals(List.of("rawOpenCL", "aparapiJtp", "aparapiOpenCL"),
                Workloads.named("launch_empty").peers().stream().map(Peer::name).toList());
        assertEquals(List.of("memcpy"), Workloads.named("copy_h2d").peers().stream().map(Peer::name).toList());
    }

    @Test
    void unknownWorkloadNamesTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> Workloads.named("nope"));
        assertTrue(e.getMessage().contains("triad"), e.getMessage());
    }

    @Test
    void nativeResultLinesAreParsedAndExternalMediansKeyedByWorkloadAndSize() {
        String out = "noise\nRESULT\tmemory\ttriad float\tC gcc\t2^25 floats\t5\t0.012\t0.011\t0.013\t33.5\tGB/s\tx\n";
        List<String[]> r = NativePeer.results(out);
        assertEquals(1, r.size());
        assertEquals("triad float", r.getFirst()[2]);
        ExternalResults ext = new ExternalResults();
        ext.put("cOpenMP", "triad", 1L << 25, Double.parseDouble(r.getFirst()[6]));
        assertEquals(0.012, ext.median("cOpenMP", "triad", 1L << 25));
        assertNull(ext.median("cOpenMP", "triad", 1L << 20));
        ext.unavailable("numpy", "not installed");
        assertEquals("numpy: not installed", ext.whyMissing("numpy", "triad", 1));
        assertEquals(List.of("numpy: not installed"), ext.unavailableNotes());
    }

    @Test
    void budgetsShrinkOnlyLateInTheRun() {
        RunPlan p = RunPlan.quickPlan();
        assertEquals(p.budgetSeconds(), p.budgetAt(0));
        assertEquals(p.budgetSeconds(), p.budgetAt(0.6 * p.targetSeconds()));
        assertTrue(p.budgetAt(0.8 * p.targetSeconds()) < p.budgetSeconds());
        assertEquals(0.1 * p.budgetSeconds(), p.budgetAt(2 * p.targetSeconds()), 1e-12);
    }
}
