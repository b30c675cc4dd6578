package org.jdpx.perf.suite.aparapi;

import com.aparapi.device.Device;
import com.aparapi.internal.kernel.KernelManager;
import com.aparapi.internal.kernel.KernelProfile;
import org.jdpx.perf.suite.Peer;
import org.jdpx.perf.suite.Trial;

/**
 * Baselines {@code aparapiJtp} and {@code aparapiOpenCL}: an Aparapi job run in Aparapi's Java
 * thread pool, or on PoCL through Aparapi's OpenCL path. Aparapi silently falls back to its
 * thread pool when its OpenCL code does not build; the OpenCL trial checks Aparapi's own profile
 * after every run and says so in the row when the last run was not on PoCL.
 */
public final class AparapiPeers {

    private AparapiPeers() {
    }

    /** The job in Aparapi's Java thread pool. */
    public static Peer.HostBody threadPool(AparapiJob.Factory factory) {
        return size -> trial(factory.open(size), AparapiDevices.threadPool(), false);
    }

    /** The job on PoCL through Aparapi's OpenCL path. */
    public static Peer.HostBody openCl(AparapiJob.Factory factory) {
        return size -> {
            Device pocl = AparapiDevices.pocl().orElseThrow(() -> new IllegalStateException(
                    "Aparapi sees no PoCL device (install pocl-opencl-icd; Aparapi's native library must load)"));
            return trial(factory.open(size), pocl, true);
        };
    }

    private static Trial trial(AparapiJob job, Device device, boolean checkFallback) {
        return new Trial() {
            private String note;

            @Override
            public double run() {
                long t0 = System.nanoTime();
                job.run(device);
                double s = (System.nanoTime() - t0) * 1e-9;
                if (checkFallback && note == null && !ranOn(job, device)) {
                    note = "Aparapi fell back from " + device.getShortDescription()
                            + " to its thread pool: this is not an OpenCL time";
                }
                return s;
            }

            @Override
            public String note() {
                return note;
            }

            @Override
            public void close() {
                job.kernel().dispose();
            }
        };
    }

    private static boolean ranOn(AparapiJob job, Device device) {
        KernelProfile p = KernelManager.instance().getProfile(job.kernel().getClass());
        return p != null && p.getLastDeviceProfile() != null && p.getLastDeviceProfile() == p.getDeviceProfile(device);
    }
}
