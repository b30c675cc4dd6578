package org.jdpx.kernels.prange;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds the kernel classes made from parallel loop bodies, as ordinary named classes under the
 * user's class loader so that the kernel compiler can read their bytecode back (it reads class
 * files as resources) and the java device can call them like any {@code @Kernel} method.
 */
final class GeneratedLoader extends ClassLoader {
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

    GeneratedLoader(ClassLoader parent) {
        super(parent);
    }

    /** Defines class {@code binaryName} from {@code classFile}. */
    Class<?> define(String binaryName, byte[] classFile) {
        bytes.put(binaryName.replace('.', '/') + ".class", classFile);
        return defineClass(binaryName, classFile, 0, classFile.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        byte[] b = bytes.get(name);
        return b != null ? new ByteArrayInputStream(b) : super.getResourceAsStream(name);
    }
}
