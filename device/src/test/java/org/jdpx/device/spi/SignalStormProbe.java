package org.jdpx.device.spi;

import org.jdpx.device.Device;
import org.jdpx.device.Devices;

/**
 * What {@link NativeSignalsTest} runs in a fresh JVM to reproduce the lost PoCL temporary files:
 * OpenCL programs of new sources build on the main thread while three Java threads spin in
 * compiled loops that throw and catch NullPointerExceptions and another thread forces safepoints
 * with {@code System.gc()}, so the JVM raises SIGSEGVs of its own during the builds. Before
 * {@link LlvmHandlers}, LLVM's crash handler took those signals and deleted the build's
 * temporary files (PoCL's "unable to rename temporary", usually in the first build).
 */
public final class SignalStormProbe {
    private static volatile long sink;

    private SignalStormProbe() {
    }

    /** Builds {@code args[0]} programs on each OpenCL device, then prints how many. */
    public static void main(String[] args) {
        int builds = Integer.parseInt(args[0]);
        for (int t = 0; t < 3; t++) {
            Thread spinner = new Thread(SignalStormProbe::spin);
            spinner.setDaemon(true);
            spinner.start();
        }
        Thread safepoints = new Thread(() -> {
            while (true) {
                System.gc();
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        safepoints.setDaemon(true);
        safepoints.start();
        long nonce = System.nanoTime();
        int done = 0;
        for (Device d : Devices.all()) {
            if (!d.backend().equals("opencl")) continue;
            for (int i = 0; i < builds; i++, done++) {
                d.spi().buildProgram(new ProgramSource.OpenClC("kernel void k(global int* o) { o[get_global_id(0)] = "
                        + ((nonce + done) & 0x3fffffff) + "; }", ""));
            }
        }
        System.out.println("builds done: " + done);
    }

    private static void spin() {
        long s = 0;
        while (true) {
            for (long i = 0; i < 1_000_000L; i++) s += i ^ (s >>> 3);
            sink = s;
            Object o = (s & 1) == 0 ? null : "x";
            try {
                s += o.hashCode();
            } catch (NullPointerException e) {
                s++;
            }
        }
    }
}
