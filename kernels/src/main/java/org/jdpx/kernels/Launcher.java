package org.jdpx.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.Event;
import org.jdpx.device.ExecutionPlacementError;
import org.jdpx.device.Queue;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.device.spi.KernelDriver;
import org.jdpx.device.spi.LaunchRange;
import org.jdpx.device.spi.LocalArg;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.jvm.JvmKernelRunner;
import org.jdpx.kernels.jvm.KernelSegments;
import org.jdpx.kernels.plan.LaunchOrder;
import org.jdpx.usm.UsmMemory;

/**
 * Puts a compiled kernel on the queue its data lives on: finds that queue from the USM owners of
 * the view arguments, checks the device can run the kernel, marshals the arguments as the
 * compiler's {@link KernelArg} contract says, and enqueues while no argument's memory can be freed.
 */
final class Launcher {

    private Launcher() {
    }

    static Event launch(Method method, WorkRange range, List<Event> deps, Object[] args) {
        return launch(KernelCompiler.compile(method), range, deps, args);
    }

    static Event launch(CompiledKernel kernel, WorkRange range, List<Event> deps, Object[] args) {
        return launch(null, kernel, range, deps, args);
    }

    /**
     * What a launch needs of a kernel beyond its arguments, worked out once per kernel rather than
     * at every launch: the user arguments' names and the texts of its messages.
     *
     * @param params  the user arguments' names by position
     * @param what    how a failure to reserve the arguments' memory names the launch
     * @param command what the launch's event is, for its messages
     */
    record Shape(String[] params, String what, String command) {
        static Shape of(CompiledKernel kernel) {
            return new Shape(userArgumentNames(kernel), "launch kernel " + kernel.name() + " on",
                    "kernel '" + kernel.name() + "'");
        }
    }

    /**
     * Launches and waits ({@link Kernels#launch}): {@link #launch} then {@code await()}, except that
     * on the java device, with no launch timeout set, an idle queue runs the kernel on the calling
     * thread ({@link org.jdpx.device.spi.QueueDriver#hostTaskAwaited}) instead of handing it to a
     * dispatcher thread and waiting to be woken (an empty launch: 13 against 5 us here).
     */
    static void run(Method method, WorkRange range, Object[] args) {
        launch(null, KernelCompiler.compile(method), range, List.of(), args, true).await();
    }

    /** {@code on} null: the queue the USM arguments live on; else that queue, on their device. */
    static Event launch(Queue on, CompiledKernel kernel, WorkRange range, List<Event> deps, Object[] args) {
        return launch(on, kernel, range, deps, args, false);
    }

    /** {@code awaited}: the caller waits for the launch at once ({@link #run}). */
    private static Event launch(Queue on, CompiledKernel kernel, WorkRange range, List<Event> deps, Object[] args,
                                boolean awaited) {
        if (CheckedLaunch.wanted(kernel, args)) return CheckedLaunch.launch(on, kernel, range, deps, args);
        Object flight = KernelFlight.launchStarted();
        Shape shape = kernel.launchShape();
        String[] params = shape.params();
        if (args.length != params.length) {
            throw new IllegalArgumentException("kernel " + kernel.name() + " takes " + params.length
                    + " arguments after the KernelContext, got " + args.length);
        }
        List<UsmMemory> memories = new ArrayList<>();
        Queue found = placement(kernel, params, args, memories, on != null);
        if (on != null && on.device() != found.device() && !memories.isEmpty()) {
            throw ExecutionPlacementError.ofMemory("launch kernel " + kernel.name(), "the requested queue", on,
                    "its USM arguments", found, "Or launch on a queue of " + found.device().filterString() + ".");
        }
        Queue queue = on != null ? on : found;
        Device device = queue.device();
        if (!kernel.requiredAspects().isEmpty()) {
            kernel.requireAspects(device.filterString(),
                    device.aspects().stream().map(Aspect::dpctlName).collect(Collectors.toSet()));
        }
        LaunchRange lr = range.launchRange();
        lr.checkFits(device.info());
        List<EventDriver> depDrivers = deps.isEmpty() ? List.of() : new ArrayList<>(deps.size());
        for (Event e : deps) {
            depDrivers.add(e.spi());
        }
        EventDriver event;
        Duration timeout = LaunchTimeout.fromSettings();
        if (device.backend().equals("java")) {
            int[] global = ints(lr.global());
            int[] local = lr.local() == null ? null : ints(lr.local());
            boolean onCaller = awaited && timeout == null;
            event = UsmMemory.withSegments(memories, shape.what(), segments -> {
                Object[] bound = overSegments(args, memories, segments);
                Runnable task = () -> JvmKernelRunner.run(kernel, global, local, bound);
                return onCaller ? queue.spi().hostTaskAwaited(task, depDrivers) : queue.spi().hostTask(task, depDrivers);
            });
        } else {
            // the dimension whose ids walk the arrays' contiguous axis becomes the device's dimension 0
            int swap = LaunchOrder.swapFor(kernel.contiguousDim(), lr);
            CompiledKernel run = swap == 0 ? kernel : kernel.withDimensionsSwapped(swap);
            LaunchRange ordered = swap == 0 ? lr : LaunchOrder.swapped(lr, swap);
            KernelDriver kd = ProgramCache.kernel(device, run);
            long[] groups = ordered.local() == null ? ProgramCache.groupShape(device, run, ordered.global()) : null;
            LaunchRange shaped = groups == null ? ordered : new LaunchRange(ordered.global(), groups);
            event = UsmMemory.withBlocks(memories, shape.what(), blocks ->
                    queue.spi().launch(kd, shaped, marshal(kernel, params, args, memories, blocks), depDrivers));
        }
        return KernelFlight.launched(flight, kernel, range, device,
                queue.wrap(event, shape.command(), timeout));
    }

    /** The user arguments' names by position, from the compiler's argument contract. */
    private static String[] userArgumentNames(CompiledKernel kernel) {
        int count = 0;
        for (KernelArg a : kernel.arguments()) {
            if (!(a.kind() instanceof ParamKind.ViewInfo)) {
                count = Math.max(count, argIndex(a.kind()) + 1);
            }
        }
        String[] names = new String[count];
        for (KernelArg a : kernel.arguments()) {
            if (!(a.kind() instanceof ParamKind.ViewInfo)) {
                names[argIndex(a.kind())] = a.name();
            }
        }
        return names;
    }

    private static int argIndex(ParamKind k) {
        return switch (k) {
            case ParamKind.Value v -> v.argIndex();
            case ParamKind.View v -> v.argIndex();
            case ParamKind.LocalBuffer l -> l.argIndex();
            case ParamKind.ViewInfo i -> i.argIndex();
            case ParamKind.Pointer p -> throw new IllegalStateException("pointer parameter on a kernel");
            case ParamKind.HelperValue h -> throw new IllegalStateException("helper parameter on a kernel");
        };
    }

    /** The one queue every USM argument lives on; the java device's when there is none. */
    /** {@code sameDeviceSuffices}: the caller names the queue, so memories may come from any queue of one device. */
    private static Queue placement(CompiledKernel kernel, String[] params, Object[] args, List<UsmMemory> out,
                                   boolean sameDeviceSuffices) {
        Queue queue = null;
        String first = null;
        String hostView = null;
        for (int i = 0; i < args.length; i++) {
            Object owner = args[i] instanceof ArrayView v ? v.owner() : null;
            String name = params[i];
            if (owner instanceof UsmMemory m) {
                if (queue == null) {
                    queue = m.queue();
                    first = name;
                } else if (sameDeviceSuffices ? m.device() != queue.device() : m.queue() != queue) {
                    throw ExecutionPlacementError.ofMemory("launch kernel " + kernel.name(), "argument '" + first
                            + "'", queue, "argument '" + name + "'", m.queue(), m.device() != queue.device() ? ""
                            : "Or launch on one queue with Kernels.launchOn(queue, ...), which takes memory from any "
                            + "queue of its device.");
                }
                if (!out.contains(m)) {
                    out.add(m);
                }
            } else if (args[i] instanceof ArrayView && hostView == null) {
                hostView = name;
            }
        }
        if (queue == null) {
            return Devices.find("java").orElseThrow(() -> new IllegalStateException("kernel " + kernel.name()
                    + " has no USM arguments, so it runs on the java device, which JDPX_DEVICE_SELECTOR hides"))
                    .defaultQueue();
        }
        if (hostView != null && !queue.device().backend().equals("java")) {
            throw new ExecutionPlacementError("cannot launch kernel " + kernel.name() + ": argument '" + hostView
                    + "' views Java memory, which only the java device can address, but the other arguments live on "
                    + queue.device().filterString() + ". Copy it into USM memory there (UsmMemory.allocateDevice(...)"
                    + ".copyFromHost(...)) and pass a view of that.");
        }
        return queue;
    }

    private static List<Object> marshal(CompiledKernel kernel, String[] params, Object[] args,
                                        List<UsmMemory> memories, List<NativeMemory> blocks) {
        List<Object> out = new ArrayList<>(kernel.arguments().size());
        for (KernelArg a : kernel.arguments()) {
            switch (a.kind()) {
                case ParamKind.Value v -> out.add(KernelArgs.scalar(kernel.name(), params[v.argIndex()], args[v.argIndex()], v.javaType()));
                case ParamKind.View v -> {
                    ArrayView view = KernelArgs.view(kernel.name(), params[v.argIndex()], args[v.argIndex()], v.elem());
                    if (view.offset() != 0 && !hasOffsetArgument(kernel, v.argIndex())) {
                        throw new IllegalArgumentException("argument '" + params[v.argIndex()]
                                + "' of kernel " + kernel.name() + " is a view with an element offset of "
                                + view.offset() + ", but the kernel's IR has no OFFSET argument for it; build the "
                                + "kernel with IrBuilder.build() (which adds one) or pass a view starting at its allocation");
                    }
                    out.add(blocks.get(indexOf(memories, view.owner())));
                }
                case ParamKind.LocalBuffer l -> {
                    if (!(args[l.argIndex()] instanceof LocalMemory lm)) {
                        throw new IllegalArgumentException("argument '" + params[l.argIndex()]
                                + "' is @Local: pass LocalMemory.floats(n) or similar");
                    }
                    out.add(new LocalArg(lm.bytes()));
                }
                case ParamKind.ViewInfo info -> out.add(KernelArgs.viewInfo(args[info.argIndex()], info));
                case ParamKind.Pointer p -> throw new IllegalStateException("pointer parameter on a kernel");
                case ParamKind.HelperValue h -> throw new IllegalStateException("helper parameter on a kernel");
            }
        }
        return out;
    }

    /**
     * The arguments with every view of USM memory over that memory's bytes ({@code segments},
     * valid while the launch holds the memory): views of USM memory carry no host segment
     * ({@link UsmViews#segment}), and one the user built over another segment still means its
     * owner's memory, as on every other device.
     */
    private static Object[] overSegments(Object[] args, List<UsmMemory> memories, List<MemorySegment> segments) {
        Object[] out = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof ArrayView v && v.owner() instanceof UsmMemory m) {
                if (out == args) out = args.clone();
                out[i] = KernelSegments.over(v, segments.get(indexOf(memories, m)));
            }
        }
        return out;
    }

    /** Where {@code owner} is in {@code memories}, by identity: a launch has a handful, so a scan beats a map. */
    private static int indexOf(List<UsmMemory> memories, Object owner) {
        for (int i = 0; i < memories.size(); i++) {
            if (memories.get(i) == owner) return i;
        }
        throw new IllegalStateException("a view's memory was not among the launch's memories");
    }

    private static boolean hasOffsetArgument(CompiledKernel kernel, int argIndex) {
        for (KernelArg a : kernel.arguments()) {
            if (a.kind() instanceof ParamKind.ViewInfo i && i.info() == ParamKind.Info.OFFSET && i.argIndex() == argIndex) {
                return true;
            }
        }
        return false;
    }

    private static int[] ints(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.toIntExact(v[i]);
        }
        return out;
    }

}
