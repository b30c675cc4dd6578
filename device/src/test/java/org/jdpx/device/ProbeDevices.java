package org.jdpx.device;

/**
 * Run in a child JVM by {@link DevicesSettingsErrorTest}: asks for the devices twice and prints
 * what each call threw, one line each, so the first and later calls can be compared.
 */
final class ProbeDevices {
    private ProbeDevices() {
    }

    public static void main(String[] args) {
        for (int call = 0; call < 2; call++) {
            try {
                System.out.println("call " + call + " ok: " + Devices.all().size() + " devices");
            } catch (Throwable t) {
                System.out.println("call " + call + " " + t.getClass().getName() + ": " + t.getMessage());
            }
        }
    }
}
