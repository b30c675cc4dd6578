package org.jdpx.kernels;

import java.io.Serializable;

/**
 * Method references to {@code @Kernel} methods, typed by their parameters after the
 * {@code KernelContext}, so {@link Kernels#launch} checks argument types at compile time:
 * {@code Kernels.launch(MyKernels::saxpy, Range.of(n), 2f, x, y)}. They are {@link Serializable}
 * only so the launcher can find the method behind the reference.
 */
public final class KernelRef {

    private KernelRef() {
    }

    /** A kernel with 0 arguments after the context. */
    @FunctionalInterface
    public interface K0 extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx);
    }

    /** A kernel with 1 argument after the context. */
    @FunctionalInterface
    public interface K1<A> extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx, A a);
    }

    /** A kernel with 2 arguments after the context. */
    @FunctionalInterface
    public interface K2<A,B> extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx, A a, B b);
    }

    /** A kernel with 3 arguments after the context. */
    @FunctionalInterface
    public interface K3<A,B,C> extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx, A a, B b, C c);
    }

    /** A kernel with 4 arguments after the context. */
    @FunctionalInterface
    public interface K4<A,B,C,D> extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx, A a, B b, C c, D d);
    }

    /** A kernel with 5 arguments after the context. */
    @FunctionalInterface
    public interface K5<A,B,C,D,E> extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx, A a, B b, C c, D d, E e);
    }

    /** A kernel with 6 arguments after the context. */
    @FunctionalInterface
    public interface K6<A,B,C,D,E,F> extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx, A a, B b, C c, D d, E e, F f);
    }

    /** A kernel with 7 arguments after the context. */
    @FunctionalInterface
    public interface K7<A,B,C,D,E,F,G> extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx, A a, B b, C c, D d, E e, F f, G g);
    }

    /** A kernel with 8 arguments after the context. */
    @FunctionalInterface
    public interface K8<A,B,C,D,E,F,G,H> extends Serializable {
        /** The kernel body, as the java device calls it. */
        void run(KernelContext ctx, A a, B b, C c, D d, E e, F f, G g, H h);
    }
}
