package org.jdpx.device.levelzero;

import java.lang.foreign.MemorySegment;

/**
 * One Level Zero driver and the context its devices share: memory, command lists and event pools
 * of those devices all belong to this context, so events of one queue can be waited on by another.
 * The context is created on first use, so listing devices costs no context.
 */
final class ZeContext {

    final ZeApi api;
    final MemorySegment driver;
    /** The driver's index in {@code zeDriverGet}'s answer, for the platform name. */
    final int index;
    private volatile MemorySegment context;

    ZeContext(ZeApi api, MemorySegment driver, int index) {
        this.api = api;
        this.driver = driver;
        this.index = index;
    }

    /**
     * The context handle; lives as long as the process, like the devices.
     *
     * @throws LevelZeroException when {@code zeContextCreate} fails
     */
    MemorySegment handle() {
        MemorySegment c = context;
        if (c == null) {
            synchronized (this) {
                c = context;
                if (c == null) {
                    c = api.createContext(driver);
                    context = c;
                }
            }
        }
        return c;
    }
}
