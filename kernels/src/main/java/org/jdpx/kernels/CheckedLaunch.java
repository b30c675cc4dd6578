package org.jdpx.kernels;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jdpx.device.Devices;
import org.jdpx.device.Event;
import org.jdpx.device.Queue;
import org.jdpx.device.spi.EventDriver;
import org.jdpx.kernels.checked.BoundsChecks;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.usm.UsmMemory;
import org.jdpx.device.UsmType;

/**
 * Launches in checked mode: the kernel's {@link CompiledKernel#checked() checked variant} with a
 * zeroed error record (a few ints of USM memory on the launch's queue) as its extra argument, then
 * a host task after it that reads the record and throws the {@link KernelBoundsException} it
 * describes. On OpenCL devices that host task runs in the caller (so {@code launchAsync} waits
 * for the kernel); on the java device it is a command of the queue and its event fails.
 */
final class CheckedLaunch {
    private static final ScopedValue<Boolean> SCOPED = ScopedValue.newInstance();

    private CheckedLaunch() {
    }

    /** Whether launches on this thread are checked now: inside {@link Kernels#checked}, or by {@code JDPX_CHECKED} / {@code jdpx.checked}. */
    static boolean enabled() {
        if (SCOPED.isBound()) return SCOPED.get();
        return ENV_CHECKED || truthy(System.getProperty("jdpx.checked"));
    }

    /** {@code JDPX_CHECKED}, read once: a process's environment does not change, and launches ask at every call. */
    private static final boolean ENV_CHECKED = truthy(System.getenv("JDPX_CHECKED"));

    private static boolean truthy(String v) {
        if (v == null) return false;
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("1") || s.equals("true") || s.equals("yes") || s.equals("on");
    }

    static void run(boolean on, Runnable body) {
        ScopedValue.where(SCOPED, on).run(body);
    }

    /** True when {@code args} are a user's arguments that this class must turn into a checked launch. */
    static boolean wanted(CompiledKernel kernel, Object[] args) {
        if (!kernel.isChecked()) return enabled();
        // the error view is the checked kernel's last user argument; the caller's arguments stop before it
        int users = 0;
        for (KernelArg a : kernel.arguments()) {
            if (!(a.kind() instanceof ParamKind.ViewInfo)) users++;
        }
        return args.length == users - 1;
    }

    static Event launch(Queue on, CompiledKernel kernel, WorkRange range, List<Event> deps, Object[] args) {
        CompiledKernel checked = kernel.checked();
        Queue queue = on != null ? on : queueOf(kernel, args);
        UsmMemory record = UsmMemory.allocate(queue, UsmType.DEVICE, 4L * BoundsChecks.RECORD_INTS);
        boolean handedOver = false;
        try {
            record.fill(0);
            Object[] withRecord = Arrays.copyOf(args, args.length + 1);
            withRecord[args.length] = IntArray.on(record);
            Event launched = Launcher.launch(on, checked, range, deps, withRecord);
            handedOver = true;
            EventDriver check = queue.spi().hostTask(() -> throwIfViolated(checked, record), List.of(launched.spi()));
            return Event.of(queue, check);
        } finally {
            if (!handedOver) record.close();
        }
    }

    /** The queue the launch will use: that of the first USM argument, else the java device's. */
    private static Queue queueOf(CompiledKernel kernel, Object[] args) {
        for (Object a : args) {
            if (a instanceof ArrayView v && v.owner() instanceof UsmMemory m) return m.queue();
        }
        return Devices.find("java").orElseThrow(() -> new IllegalStateException("kernel " + kernel.name()
                + " has no USM arguments, so it runs on the java device, which JDPX_DEVICE_SELECTOR hides")).defaultQueue();
    }

    private static void throwIfViolated(CompiledKernel kernel, UsmMemory record) {
        int[] r = new int[BoundsChecks.RECORD_INTS];
        try {
            MemorySegment s = record.jvmSegment();
            if (s != null) {
                MemorySegment.copy(s, ValueLayout.JAVA_INT, 0, r, 0, r.length);
            } else {
                record.copyToHost(r);
            }
        } finally {
            record.close();
        }
        KernelBoundsException e = kernel.boundsError(r);
        if (e != null) throw e;
    }
}
