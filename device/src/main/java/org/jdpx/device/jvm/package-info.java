/**
 * The java backend: a CPU device made of this JVM's threads, with no native code. It always
 * exists, so every program runs and every kernel can be checked here on any machine.
 */
package org.jdpx.device.jvm;
