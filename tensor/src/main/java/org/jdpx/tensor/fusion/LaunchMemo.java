package org.jdpx.tensor.fusion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.Device;
import org.jdpx.device.Queue;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.WorkRange;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.plan.DevicePlan;
import org.jdpx.usm.UsmMemory;

/**
 * Launches of graphs seen before, without writing their kernel again: a walk over the graph
 * ({@link Walk}) gives a key holding everything a {@link KernelWriter} run depends on (the device
 * and its plan class, every vertex's kind, operation and dtype, shared vertices, each leaf's
 * view, which leaves share a memory) and, in walk order, the memories and scalars the launch
 * binds. The first launch of a key records where each kernel argument came from ({@link Recipe});
 * later launches of the key fill the same arguments from the new graph's memories and scalars
 * and reuse the compiled kernel, so a loop evaluating one expression on new data costs a graph
 * walk instead of an IR build, a structural key and a cache lookup per call.
 */
final class LaunchMemo {
    /** Recipes kept at most; past it the memo starts over (a program with ever new views or shapes). */
    private static final int LIMIT = 4096;
    private static final Map<Key, Recipe> MEMO = new ConcurrentHashMap<>();

    private LaunchMemo() {
    }

    /** A walk's structure; equal keys launch the same kernel with arguments in the same places. */
    record Key(Device device, long[] codes, List<Object> objects, int hash) {
        @Override public boolean equals(Object o) {
            return o instanceof Key k && k.device == device && k.hash == hash && Arrays.equals(k.codes, codes)
                    && k.objects.equals(objects);
        }

        @Override public int hashCode() { return hash; }
    }

    /** One graph's structure and its bound values in walk order. */
    static final class Walk {
        private final Device device;
        private long[] codes = new long[48];
        private int size;
        private final List<Object> objects = new ArrayList<>(0);
        private final List<Node> seen = new ArrayList<>();
        private final List<UsmMemory> memories = new ArrayList<>();
        private final List<Node.Scalar> scalars = new ArrayList<>();
        private Key key;

        /** A walk of a kernel of kind {@code kind} (a constant of its call site) on {@code device}. */
        Walk(Device device, int kind) {
            this.device = device;
            add(kind).add(DevicePlan.of(device).kind().ordinal());
        }

        Walk add(long v) {
            if (size == codes.length) codes = Arrays.copyOf(codes, size * 2);
            codes[size++] = v;
            return this;
        }

        private Walk add(long[] vs) {
            add(vs.length);
            for (long v : vs) add(v);
            return this;
        }

        Walk flags(boolean[] f) {
            add(f.length);
            for (boolean b : f) add(b ? 1 : 0);
            return this;
        }

        /** Adds a value compared by {@code equals} (a user function's key). */
        Walk object(Object o) {
            objects.add(o);
            return add(-objects.size());
        }

        /** The slot of {@code m} among the walk's memories, adding it on first sight. */
        Walk memory(UsmMemory m) {
            return add(slot(memories, m));
        }

        Walk node(Node n) {
            if (!(n instanceof Node.Leaf)) {
                for (int k = 0; k < seen.size(); k++) {
                    if (seen.get(k) == n) return add(-1000 - k); // a shared vertex, computed once
                }
                seen.add(n);
            }
            switch (n) {
                case Node.Leaf l -> add(1).memory(l.memory()).add(l.dtype().ordinal()).add(l.view().shape())
                        .add(l.view().strides()).add(l.view().offset());
                case Node.Scalar s -> add(2).add(s.dtype().ordinal()).add(slot(scalars, s));
                case Node.Combine c -> add(3).add(c.op().ordinal()).add(c.dtype().ordinal()).add(c.parts())
                        .memory(c.partials()).add(c.shape());
                case Node.Cast c -> add(4).add(c.dtype().ordinal()).node(c.input());
                case Node.Op o -> {
                    add(5).add(o.op().ordinal()).add(o.dtype().ordinal()).add(o.inputs().size());
                    for (Node i : o.inputs()) node(i);
                }
                case Node.Call c -> {
                    add(6).object(c.function().key()).add(c.inputs().size());
                    for (Node i : c.inputs()) node(i);
                }
            }
            return this;
        }

        private static <T> int slot(List<T> list, T x) {
            for (int k = 0; k < list.size(); k++) {
                if (list.get(k) == x) return k;
            }
            list.add(x);
            return list.size() - 1;
        }

        private static <T> int find(List<T> list, Object x) {
            for (int k = 0; k < list.size(); k++) {
                if (list.get(k) == x) return k;
            }
            return -1;
        }

        /** The key of everything walked so far (the walk is complete once this is asked for). */
        Key key() {
            if (key == null) {
                long[] c = Arrays.copyOf(codes, size);
                key = new Key(device, c, List.copyOf(objects), Arrays.hashCode(c) * 31 + objects.hashCode());
            }
            return key;
        }
    }

    /**
     * A launch to repeat: the kernel and range, and per argument a constant of the structure
     * ({@code slots[i] == -1}, value in {@code constants[i]}), a memory of the walk
     * ({@code slots[i] >= 0}, seen as {@code storage[i]}) or a scalar of the walk
     * ({@code slots[i] = -2 - scalar}).
     *
     * @param note the diagnostic event around the caller's reason: {@code note[0] + why + note[1]}
     */
    record Recipe(CompiledKernel kernel, WorkRange range, Object[] constants, int[] slots, Scalar[] storage,
                  String[] note) {

        /** The arguments for a walk of this recipe's key. */
        Object[] arguments(Walk walk) {
            Object[] args = constants.clone();
            for (int i = 0; i < args.length; i++) {
                int s = slots[i];
                if (s >= 0) {
                    args[i] = KernelWriter.viewArgument(walk.memories.get(s), storage[i]);
                } else if (s < -1) {
                    Node.Scalar v = walk.scalars.get(-2 - s);
                    args[i] = KernelWriter.scalarValue(v.dtype(), v.doubleValue(), v.longValue());
                }
            }
            return args;
        }

        /** Launches the kernel for {@code walk} on {@code queue} and records the diagnostic event. */
        void launch(Queue queue, Walk walk, String why) {
            FusedKernels.launch(queue, kernel, range, arguments(walk));
            FusionDiagnostics.record(note[0] + why + note[1]);
        }
    }

    /** The recipe recorded for {@code walk}'s key, or null. */
    static Recipe find(Walk walk) {
        return MEMO.get(walk.key());
    }

    /**
     * Records the launch {@code w} wrote for {@code walk}, unless one of its arguments came from
     * something the walk does not bind (then every launch of the key writes its kernel again).
     */
    static void remember(Walk walk, KernelWriter w, CompiledKernel kernel, WorkRange range, String[] note) {
        List<Object> args = w.arguments();
        List<Object> sources = w.sources();
        Object[] constants = new Object[args.size()];
        int[] slots = new int[args.size()];
        Scalar[] storage = new Scalar[args.size()];
        for (int i = 0; i < slots.length; i++) {
            Object src = sources.get(i);
            slots[i] = -1;
            if (src instanceof KernelWriter.MemoryArg m) {
                slots[i] = Walk.find(walk.memories, m.memory());
                storage[i] = m.storage();
                if (slots[i] < 0) return;
            } else if (src instanceof Node.Scalar s) {
                int k = Walk.find(walk.scalars, s);
                if (k < 0) return;
                slots[i] = -2 - k;
            } else {
                constants[i] = args.get(i);
            }
        }
        if (MEMO.size() >= LIMIT) MEMO.clear();
        MEMO.put(walk.key(), new Recipe(kernel, range, constants, slots, storage, note));
    }
}
