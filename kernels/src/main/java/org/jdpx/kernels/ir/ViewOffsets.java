package org.jdpx.kernels.ir;

import java.util.LinkedHashMap;
import java.util.Map;

/** Pairs each view parameter of a kernel with its hidden OFFSET parameter, for the emitters to apply on entry. */
public final class ViewOffsets {
    private ViewOffsets() {
    }

    /** View variable to offset variable, in parameter order; empty for helpers and for IR without OFFSET arguments. */
    public static Map<Var, Var> of(Function fn) {
        Map<Var, Var> out = new LinkedHashMap<>();
        if (!fn.isKernel()) return out;
        for (Param p : fn.params()) {
            if (!(p.kind() instanceof ParamKind.View v)) continue;
            for (Param q : fn.params()) {
                if (q.kind() instanceof ParamKind.ViewInfo i && i.info() == ParamKind.Info.OFFSET && i.argIndex() == v.argIndex()) {
                    out.put(p.var(), q.var());
                }
            }
        }
        return out;
    }
}
