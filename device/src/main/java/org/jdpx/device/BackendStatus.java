package org.jdpx.device;

/**
 * Whether a backend works on this machine and, when it does not or finds no device, why.
 *
 * @param name        the backend's filter-string name
 * @param available   whether it loaded and answered
 * @param deviceCount how many devices it found (before {@code JDPX_DEVICE_SELECTOR})
 * @param reason      why it is unavailable or has no device; {@code null} when it has devices
 */
public record BackendStatus(String name, boolean available, int deviceCount, String reason) {
}
