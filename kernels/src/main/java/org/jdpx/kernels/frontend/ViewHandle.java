package org.jdpx.kernels.frontend;

import java.util.HashMap;
import java.util.Map;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.Scalar;

/**
 * A view as the function being compiled sees it: the base pointer and, on demand, the hidden
 * per-view facts (length, shape, strides) that become extra parameters.
 */
final class ViewHandle {
    interface InfoSource {
        Expr create(ParamKind.Info info, int dim);
    }

    final Expr pointer;
    final Scalar elem;
    final Class<?> viewClass;
    private final InfoSource source;
    private final Map<String, Expr> infos = new HashMap<>();

    ViewHandle(Expr pointer, Scalar elem, Class<?> viewClass, InfoSource source) {
        this.pointer = pointer;
        this.elem = elem;
        this.viewClass = viewClass;
        this.source = source;
    }

    Expr info(ParamKind.Info info, int dim) {
        return infos.computeIfAbsent(info + ":" + dim, k -> source.create(info, dim));
    }
}
