package org.jdpx.kernels;

import java.util.List;
import org.jdpx.device.Event;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;

/**
 * Launching {@code @Kernel} methods, like numba-dpex's {@code call_kernel} and TornadoVM's task
 * graphs reduced to one call. The kernel runs on the device where its USM array arguments live
 * (compute follows data): on OpenCL devices as compiled OpenCL C, on the java device as the Java
 * method itself on threads. Arguments on different devices or queues are an
 * {@link org.jdpx.device.ExecutionPlacementError}; a kernel with no USM arguments runs on the java
 * device, the only one that addresses Java heap memory.
 *
 * <pre>{@code
 * FloatArray x = FloatArray.on(xMem), y = FloatArray.on(yMem);
 * Kernels.launch(MyKernels::saxpy, Range.of(n), 2f, x, y);
 * }</pre>
 *
 * <p>A kernel with {@code @Local} array parameters takes {@link LocalMemory} arguments, which a
 * typed reference cannot express; launch it through its {@link java.lang.reflect.Method}.
 *
 * <p>{@code launch} waits for the kernel; {@code launchAsync} returns its {@link Event} and may wait
 * for others first. Both throw {@link KernelCompileException} for Java a kernel may not contain,
 * {@link UnsupportedOperationException} when the device lacks an aspect the kernel needs (fp64,
 * atomic64), and {@link IllegalArgumentException} for ranges the device cannot run.
 *
 * <p><b>Timeouts.</b> A kernel that never ends would block {@code launch} forever. Give one call a
 * limit with {@code Kernels.launchAsync(...).await(Duration.ofSeconds(30))}, or every launch a
 * default with {@code -Djdpx.launchTimeout=30s} or {@code JDPX_LAUNCH_TIMEOUT=30s} (none by
 * default; it also bounds {@code await()} of a launch's event). A kernel that runs past its
 * limit is a {@link org.jdpx.device.CommandTimeoutException}; its queue then refuses further work,
 * since an OpenCL device keeps running the kernel (the java device stops it between chunks of
 * work-items). {@code launchAsync} never blocks on the kernel, on any device.
 */
public final class Kernels {

    private Kernels() {
    }

    /**
     * Runs {@code body} with checked mode on for every kernel it launches on this thread, whatever
     * {@code JDPX_CHECKED} says: each view, {@code @Local} and array access of those kernels is
     * bounds-checked on every device, and the first violation is thrown after the launch as a
     * {@link KernelBoundsException} naming the kernel, the source line, the view, the index and the
     * length (from {@code launch}; from {@code launchAsync} on OpenCL devices, which then wait for
     * the kernel, or from the event's {@code await} on the java device). Without checked mode an
     * out-of-range access is undefined on OpenCL devices (it may crash the JVM or read garbage).
     * Checked kernels are separate binaries and run slower; unchecked ones are unchanged.
     * {@code JDPX_CHECKED=1} or {@code -Djdpx.checked=true} turns it on for the whole program.
     */
    public static void checked(Runnable body) {
        CheckedLaunch.run(true, body);
    }

    /** Runs {@code body} with checked mode off for its launches on this thread, even under {@code JDPX_CHECKED=1}. */
    public static void unchecked(Runnable body) {
        CheckedLaunch.run(false, body);
    }

    /** Whether launches made now on this thread are checked (see {@link #checked(Runnable)}). */
    public static boolean isChecked() {
        return CheckedLaunch.enabled();
    }

    /**
     * Launches a kernel given as a {@link java.lang.reflect.Method}, for callers without a method
     * reference; waits for it.
     */
    public static void launch(java.lang.reflect.Method kernel, WorkRange range, Object... args) {
        Launcher.run(kernel, range, args);
    }

    /**
     * Launches an already compiled kernel, such as one built from IR with
     * {@link KernelCompiler#fromIr}; returns its event. Kernels built from IR run on every device: the
     * java device runs the JVM bytecode generated from their IR.
     */
    public static Event launchAsync(CompiledKernel kernel, WorkRange range, List<Event> deps, Object... args) {
        return Launcher.launch(kernel, range, deps, args);
    }

    /**
     * Launches a compiled kernel on {@code queue} after {@code deps}, returning its event: for
     * arrays that were moved to another queue of the same device without a copy (USM memory
     * of one device is usable from every queue of that device).
     *
     * @throws ExecutionPlacementError when a USM argument lives on another device
     */
    public static Event launchOn(Queue queue, CompiledKernel kernel, WorkRange range, List<Event> deps, Object... args) {
        return Launcher.launch(queue, kernel, range, deps, args);
    }

    /** Launches a kernel given as a {@link java.lang.reflect.Method} after {@code deps}; returns its event. */
    public static Event launchAsync(java.lang.reflect.Method kernel, WorkRange range, List<Event> deps,
                                    Object... args) {
        return Launcher.launch(kernel, range, deps, args);
    }

    /** Launches a 0-argument kernel and waits for it. */
    public static void launch(KernelRef.K0 kernel, WorkRange range) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {});
    }

    /** Launches a 0-argument kernel after {@code deps} and returns its event without waiting. */
    public static Event launchAsync(KernelRef.K0 kernel, WorkRange range, List<Event> deps) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {});
    }

    /** Launches a 1-argument kernel and waits for it. */
    public static <A> void launch(KernelRef.K1<A> kernel, WorkRange range, A a) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {a});
    }

    /** Launches a 1-argument kernel after {@code deps} and returns its event without waiting. */
    public static <A> Event launchAsync(KernelRef.K1<A> kernel, WorkRange range, List<Event> deps, A a) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {a});
    }

    /** Launches a 2-argument kernel and waits for it. */
    public static <A,B> void launch(KernelRef.K2<A,B> kernel, WorkRange range, A a, B b) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {a, b});
    }

    /** Launches a 2-argument kernel after {@code deps} and returns its event without waiting. */
    public static <A,B> Event launchAsync(KernelRef.K2<A,B> kernel, WorkRange range, List<Event> deps, A a, B b) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {a, b});
    }

    /** Launches a 3-argument kernel and waits for it. */
    public static <A,B,C> void launch(KernelRef.K3<A,B,C> kernel, WorkRange range, A a, B b, C c) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {a, b, c});
    }

    /** Launches a 3-argument kernel after {@code deps} and returns its event without waiting. */
    public static <A,B,C> Event launchAsync(KernelRef.K3<A,B,C> kernel, WorkRange range, List<Event> deps, A a, B b, C c) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {a, b, c});
    }

    /** Launches a 4-argument kernel and waits for it. */
    public static <A,B,C,D> void launch(KernelRef.K4<A,B,C,D> kernel, WorkRange range, A a, B b, C c, D d) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {a, b, c, d});
    }

    /** Launches a 4-argument kernel after {@code deps} and returns its event without waiting. */
    public static <A,B,C,D> Event launchAsync(KernelRef.K4<A,B,C,D> kernel, WorkRange range, List<Event> deps, A a, B b, C c, D d) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {a, b, c, d});
    }

    /** Launches a 5-argument kernel and waits for it. */
    public static <A,B,C,D,E> void launch(KernelRef.K5<A,B,C,D,E> kernel, WorkRange range, A a, B b, C c, D d, E e) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {a, b, c, d, e});
    }

    /** Launches a 5-argument kernel after {@code deps} and returns its event without waiting. */
    public static <A,B,C,D,E> Event launchAsync(KernelRef.K5<A,B,C,D,E> kernel, WorkRange range, List<Event> deps, A a, B b, C c, D d, E e) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {a, b, c, d, e});
    }

    /** Launches a 6-argument kernel and waits for it. */
    public static <A,B,C,D,E,F> void launch(KernelRef.K6<A,B,C,D,E,F> kernel, WorkRange range, A a, B b, C c, D d, E e, F f) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {a, b, c, d, e, f});
    }

    /** Launches a 6-argument kernel after {@code deps} and returns its event without waiting. */
    public static <A,B,C,D,E,F> Event launchAsync(KernelRef.K6<A,B,C,D,E,F> kernel, WorkRange range, List<Event> deps, A a, B b, C c, D d, E e, F f) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {a, b, c, d, e, f});
    }

    /** Launches a 7-argument kernel and waits for it. */
    public static <A,B,C,D,E,F,G> void launch(KernelRef.K7<A,B,C,D,E,F,G> kernel, WorkRange range, A a, B b, C c, D d, E e, F f, G g) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {a, b, c, d, e, f, g});
    }

    /** Launches a 7-argument kernel after {@code deps} and returns its event without waiting. */
    public static <A,B,C,D,E,F,G> Event launchAsync(KernelRef.K7<A,B,C,D,E,F,G> kernel, WorkRange range, List<Event> deps, A a, B b, C c, D d, E e, F f, G g) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {a, b, c, d, e, f, g});
    }

    /** Launches a 8-argument kernel and waits for it. */
    public static <A,B,C,D,E,F,G,H> void launch(KernelRef.K8<A,B,C,D,E,F,G,H> kernel, WorkRange range, A a, B b, C c, D d, E e, F f, G g, H h) {
        Launcher.run(KernelMethods.of(kernel), range, new Object[] {a, b, c, d, e, f, g, h});
    }

    /** Launches a 8-argument kernel after {@code deps} and returns its event without waiting. */
    public static <A,B,C,D,E,F,G,H> Event launchAsync(KernelRef.K8<A,B,C,D,E,F,G,H> kernel, WorkRange range, List<Event> deps, A a, B b, C c, D d, E e, F f, G g, H h) {
        return Launcher.launch(KernelMethods.of(kernel), range, deps, new Object[] {a, b, c, d, e, f, g, h});
    }
}
