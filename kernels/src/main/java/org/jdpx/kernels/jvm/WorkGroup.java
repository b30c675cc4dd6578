package org.jdpx.kernels.jvm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Phaser;
import org.jdpx.kernels.LocalMemory;

/**
 * State one work-group shares on the java device: the barrier (a {@link Phaser} with one
 * party per work-item; an item that returns deregisters, so early exits do not hang the
 * others) and the group's local-memory arrays.
 */
final class WorkGroup {
    final Phaser phaser;
    private final List<Object> locals = new ArrayList<>();

    WorkGroup(int items) {
        this.phaser = new Phaser(items);
    }

    synchronized Object localArray(int k, Class<?> type, int n) {
        if (k < locals.size()) {
            Object a = locals.get(k);
            if (a.getClass().getComponentType() != type || java.lang.reflect.Array.getLength(a) != n) {
                throw new IllegalStateException("work-items of one group allocated local memory in different orders");
            }
            return a;
        }
        Object a = new LocalMemory(type, n).newArray();
        locals.add(a);
        return a;
    }

    /** Unwinds work-items blocked at a barrier after another item of the group failed. */
    static final class Aborted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Aborted() {
            super(null, null, false, false);
        }
    }
}
