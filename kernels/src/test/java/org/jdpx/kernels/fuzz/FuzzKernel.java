package org.jdpx.kernels.fuzz;

/**
 * A generated kernel: a fixed frame (parameters, local variables read from the inputs, stores
 * of every variable to the outputs) around a random body. The frame is the data contract with
 * {@link FuzzRun}: work-item {@code gid} reads elements {@code 4*gid..4*gid+3} of each input view
 * and writes slots {@code 8*gid..8*gid+7} of each output view, so work-items never share an
 * output and the result does not depend on their order.
 *
 * @param name method name
 * @param seed the generator seed it came from (for the report)
 * @param fp64 whether it uses double (then it has DoubleArray parameters and needs aspect fp64)
 * @param body the random part, a block
 */
record FuzzKernel(String name, long seed, boolean fp64, Node body) {

    /** Work-items per launch. */
    static final int ITEMS = 64;
    /** Input elements per work-item and view. */
    static final int IN = 4;
    /** Output slots per work-item and view. */
    static final int OUT = 8;
    /** Output slots holding a math function result (float view: 5, 6 = mf0, mf1; double view: 5 = md0). */
    static final String[] FLOAT_SLOT_VARS = {null, null, null, null, null, "mf0", "mf1", null};
    static final String[] DOUBLE_SLOT_VARS = {null, null, null, null, null, "md0", null, null};

    FuzzKernel withBody(Node b) {
        return new FuzzKernel(name, seed, fp64, b);
    }

    /** The method's Java source, indented for a class body. */
    String source() {
        return source(false);
    }

    /** The source; with {@code ftz}, the reference for devices that flush subnormal floats (see {@link Node#render(String, boolean)}). */
    String source(boolean ftz) {
        String w0 = ftz ? "Ftz.f(" : "", w1 = ftz ? ")" : "";
        StringBuilder s = new StringBuilder();
        s.append("    // seed ").append(seed).append('\n');
        s.append("    @Kernel\n    public static void ").append(name).append("(KernelContext ctx, IntArray ia, LongArray la, FloatArray fa, ")
                .append(fp64 ? "DoubleArray da, " : "").append("IntArray io, LongArray lo, FloatArray fo, ")
                .append(fp64 ? "DoubleArray dout, " : "").append("int p, long s, float q) {\n");
        String in = "        ";
        s.append(in).append("int gid = ctx.globalId(0);\n");
        s.append(in).append("int b = gid * 4;\n");
        s.append(in).append("int i0 = ia.get(b), i1 = ia.get(b + 1), i2 = ia.get(b + 2), i3 = p + gid;\n");
        s.append(in).append("long l0 = la.get(b), l1 = la.get(b + 1), l2 = la.get(b + 2), l3 = s ^ gid;\n");
        s.append(in).append("float f0 = " + w0 + "fa.get(b)" + w1 + ", f1 = " + w0 + "fa.get(b + 1)" + w1 + ", f2 = " + w0
                + "fa.get(b + 2)" + w1 + ", f3 = " + w0 + "q" + w1 + ";\n");
        s.append(in).append("float mf0 = 0f, mf1 = 0f;\n");
        s.append(in).append("int[] ai = new int[8];\n").append(in).append("long[] al = new long[4];\n")
                .append(in).append("float[] af = new float[8];\n");
        if (fp64) {
            s.append(in).append("double d0 = da.get(b), d1 = da.get(b + 1), d2 = da.get(b + 2), d3 = (double) q * gid;\n");
            s.append(in).append("double md0 = 0.0;\n").append(in).append("double[] ad = new double[4];\n");
        }
        s.append(in).append("for (int z = 0; z < 8; z++) {\n")
                .append(in).append("    ai[z] = ia.get((b + z + 3) & 255);\n")
                .append(in).append("    af[z] = " + w0 + "fa.get((b + z + 3) & 255)" + w1 + ";\n")
                .append(in).append("}\n");
        s.append(in).append("for (int z = 0; z < 4; z++) {\n")
                .append(in).append("    al[z] = la.get((b + z + 3) & 255);\n");
        if (fp64) s.append(in).append("    ad[z] = da.get((b + z + 3) & 255);\n");
        s.append(in).append("}\n");
        for (Node st : body.kids()) s.append(in).append(st.render(in, ftz));
        s.append(in).append("int o = gid * 8;\n");
        s.append(in).append("io.set(o, i0); io.set(o + 1, i1); io.set(o + 2, i2); io.set(o + 3, i3); io.set(o + 4, ai[1]); io.set(o + 5, ai[6]);\n");
        s.append(in).append("lo.set(o, l0); lo.set(o + 1, l1); lo.set(o + 2, l2); lo.set(o + 3, l3); lo.set(o + 4, al[2]);\n");
        s.append(in).append("fo.set(o, f0); fo.set(o + 1, f1); fo.set(o + 2, f2); fo.set(o + 3, f3); fo.set(o + 4, af[3]); "
                + "fo.set(o + 5, mf0); fo.set(o + 6, mf1);\n");
        if (fp64) {
            s.append(in).append("dout.set(o, d0); dout.set(o + 1, d1); dout.set(o + 2, d2); dout.set(o + 3, d3); "
                    + "dout.set(o + 4, ad[1]); dout.set(o + 5, md0);\n");
        }
        return s.append("    }\n").toString();
    }

    /** A compilable class holding {@code kernels}. */
    static String classSource(String pkg, String className, java.util.List<FuzzKernel> kernels, boolean ftz) {
        StringBuilder s = new StringBuilder("package ").append(pkg).append(";\n\n");
        for (String c : new String[] {"DoubleArray", "FloatArray", "IntArray", "Kernel", "KernelContext", "KernelMath", "LongArray"}) {
            s.append("import org.jdpx.kernels.").append(c).append(";\n");
        }
        if (ftz) s.append("import org.jdpx.kernels.fuzz.Ftz;\n");
        s.append("\npublic final class ").append(className).append(" {\n");
        for (FuzzKernel k : kernels) s.append(k.source(ftz)).append('\n');
        return s.append("}\n").toString();
    }
}
