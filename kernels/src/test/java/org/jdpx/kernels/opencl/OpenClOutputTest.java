package org.jdpx.kernels.opencl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelArg;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.corpus.Corpus;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Scalar;
import org.junit.jupiter.api.Test;

/** The OpenCL C is meant to be read: structured, named after the Java, explicit about Java semantics. */
class OpenClOutputTest {
    static String cl(String kernel) {
        return KernelCompiler.compile(Corpus.class, kernel).openclSource();
    }

    @Test
    void structuredWithoutGotoExceptWhereCCannotSayIt() {
        Set<String> gotoAllowed = Set.of("labelledBreak", "switchKernel"); // break out of two loops; switch fall-through
        for (Method m : Corpus.class.getDeclaredMethods()) {
            if (!m.isAnnotationPresent(Kernel.class)) continue;
            String src = KernelCompiler.compile(m).openclSource();
            if (!gotoAllowed.contains(m.getName())) assertFalse(src.contains("goto"), m.getName() + ":\n" + src);
            assertTrue(src.contains("#pragma OPENCL FP_CONTRACT OFF"), m.getName());
        }
    }

    /** Java names with a prefix OpenCL C or the prelude reserves; naming them used to loop forever. */
    @Kernel
    public static void reservedPrefixes(org.jdpx.kernels.KernelContext ctx, org.jdpx.kernels.FloatArray a) {
        int as_x = ctx.globalId(0);
        float get_v = a.get(as_x);
        a.set(as_x, get_v * 2f);
    }

    @Test
    void namesWithReservedPrefixesAreMovedAside() {
        String src = KernelCompiler.compile(OpenClOutputTest.class, "reservedPrefixes").openclSource();
        assertTrue(src.contains("int v_as_x;") && src.contains("float v_get_v;"), src);
    }

    @Test
    void loopsAndNamesFollowTheJava() {
        String mm = cl("matmulNaive");
        assertTrue(mm.contains("for (k = 0; k < n; k++) {"), mm);
        assertTrue(mm.contains("float sum;") || mm.contains("float sum"), mm);
        assertTrue(mm.contains("row = (int)get_global_id(1);"), mm);
        String mandel = cl("mandelbrot");
        assertTrue(mandel.contains("for (it = 0; (((x * x) + (y * y)) <= 4.0f) && (it < maxIter); it++) {"), mandel);
        String collatz = cl("collatz");
        assertTrue(collatz.contains("for (;;)") || collatz.contains("while ("), collatz);
        String early = cl("earlyExit");
        assertTrue(early.contains("return;"), early);
        String nested = cl("nestedIfElse"); // an else holding an if/else prints as an else-if chain, braces balanced
        assertTrue(nested.contains("    } else if (!(x > 0.5f)) {\n"), nested);
        assertEquals(nested.chars().filter(ch -> ch == '{').count(), nested.chars().filter(ch -> ch == '}').count(), nested);
    }

    @Test
    void javaSemanticsAreSpelledOut() {
        String ov = cl("intOverflow");
        assertTrue(ov.contains("as_int((uint)") && ov.contains("as_long("), ov);
        String casts = cl("saturatingCasts");
        assertTrue(casts.contains("convert_int_sat_rtz") && casts.contains("convert_long_sat_rtz") && casts.contains("isnan"), casts);
        assertTrue(casts.contains("as_char((uchar)") && casts.contains("as_short((ushort)"), casts);
        String div = cl("intDivision");
        assertTrue(div.contains("jdpx_div_int(") && div.contains("jdpx_rem_int(") && div.contains("b == -1"), div);
        String shifts = cl("shifts");
        assertTrue(shifts.contains("as_int((uint)v >> "), shifts);
        assertFalse(cl("vecAdd").contains("cl_khr_fp64"));
        assertTrue(cl("mixedTypes").contains("#pragma OPENCL EXTENSION cl_khr_fp64 : enable"));
        assertTrue(cl("longAtomics").contains("cl_khr_int64_base_atomics") && cl("longAtomics").contains("cl_khr_int64_extended_atomics"));
        assertTrue(cl("floatAtomics").contains("atomic_cmpxchg"), cl("floatAtomics"));
    }

    @Test
    void argumentContractListsUserThenHiddenArguments() {
        CompiledKernel k = KernelCompiler.compile(Corpus.class, "matmulNaive");
        List<KernelArg> args = k.arguments();
        assertEquals(List.of("a", "b", "c", "n", "a_stride0", "a_stride1", "a_offset", "b_stride0", "b_stride1", "b_offset",
                        "c_stride0", "c_stride1", "c_offset"),
                args.stream().map(KernelArg::name).toList());
        assertEquals(new ParamKind.View(Scalar.F32, 0), args.get(0).kind());
        assertEquals(new ParamKind.Value(int.class, 3), args.get(3).kind());
        assertEquals(new ParamKind.ViewInfo(ParamKind.Info.STRIDE, 1, 0), args.get(7).kind());
        assertEquals("long", args.get(7).clType());
        assertEquals(8, args.get(7).valueBytes());
        CompiledKernel red = KernelCompiler.compile(Corpus.class, "reduceSum");
        assertEquals(new ParamKind.LocalBuffer(Scalar.F32, 2), red.arguments().get(2).kind());
        assertEquals("__local float*", red.arguments().get(2).clType());
        CompiledKernel sax = KernelCompiler.compile(Corpus.class, "saxpy");
        List<KernelArg> saxArgs = sax.arguments();
        assertEquals(new ParamKind.ViewInfo(ParamKind.Info.LENGTH, 2, 0), saxArgs.get(saxArgs.size() - 2).kind());
        assertEquals(new ParamKind.ViewInfo(ParamKind.Info.OFFSET, 2, 0), saxArgs.getLast().kind());
        assertEquals(8, saxArgs.getLast().valueBytes(), "offsets are in elements, as OpenCL long");
        assertTrue(sax.openclSource().contains("y += y_offset;"), sax.openclSource());
    }

    @Test
    void contentHashIsStableAndDistinguishesKernels() {
        var a = org.jdpx.kernels.frontend.Frontend.compile(method("vecAdd")).contentHash();
        var b = org.jdpx.kernels.frontend.Frontend.compile(method("vecAdd")).contentHash();
        var c = org.jdpx.kernels.frontend.Frontend.compile(method("saxpy")).contentHash();
        assertEquals(64, a.length());
        assertEquals(a, b);
        assertFalse(a.equals(c));
    }

    private static Method method(String name) {
        for (Method m : Corpus.class.getDeclaredMethods()) if (m.getName().equals(name)) return m;
        throw new AssertionError(name);
    }

    /**
     * A widened int is a plain {@code (long)} cast unless the program is built for Mesa with
     * {@code -D}{@value BuildOptions#SPELL_SIGN_EXTENSION}: the spelled-out form everywhere kept
     * PoCL from vectorizing every kernel that indexes a 2-D view.
     */
    @Test
    void intToLongIsAPlainCastOutsideMesa() {
        String src = cl("widenedIntCompare");
        String guard = "#ifdef " + BuildOptions.SPELL_SIGN_EXTENSION + "\n";
        assertTrue(src.contains(guard + "long jdpx_i2l(int x) {"), src);
        assertTrue(src.contains("#else\n#define jdpx_i2l(x) ((long)(x))\n#endif\n"), src);
    }
}
