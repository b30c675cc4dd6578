package org.jdpx.device.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs a test once per device on the machine; the test method takes a {@link org.jdpx.device.Device}.
 *
 * <pre>{@code
 * @OnEveryDevice
 * void roundTrip(Device device) { ... }
 * }</pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("org.jdpx.device.testing.TestDevices#all")
public @interface OnEveryDevice {
}
