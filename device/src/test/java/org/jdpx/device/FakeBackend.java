package org.jdpx.device;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jdpx.device.jvm.JavaBackend;
import org.jdpx.device.spi.Backend;
import org.jdpx.device.spi.BackendUnavailableException;
import org.jdpx.device.spi.DeviceDriver;
import org.jdpx.device.spi.NativeMemory;
import org.jdpx.device.spi.QueueDriver;

/**
 * A backend with chosen devices for registry tests: it lets selection, numbering and scoring be
 * checked for GPUs and Level Zero devices this machine does not have. Its devices answer
 * questions about themselves and nothing else.
 */
final class FakeBackend implements Backend {

    private final String name;
    private final int bonus;
    private final List<DeviceType> types;
    private final Throwable failure;

    private FakeBackend(String name, int bonus, List<DeviceType> types, Throwable failure) {
        this.name = name;
        this.bonus = bonus;
        this.types = types;
        this.failure = failure;
    }

    static FakeBackend of(String name, int bonus, DeviceType... types) {
        return new FakeBackend(name, bonus, List.of(types), null);
    }

    /** A backend whose discovery throws, as one does whose native library is missing. */
    static FakeBackend failing(String name, Throwable failure) {
        return new FakeBackend(name, 0, List.of(), failure);
    }

    static DeviceRegistry registry(DeviceSettings settings, List<String> warnings, Backend... backends) {
        return new DeviceRegistry(List.of(backends), settings, warnings::add);
    }

    static DeviceRegistry registry(String selector, List<String> warnings, Backend... backends) {
        return registry(new DeviceSettings(DeviceSelector.parse(selector), null, false), warnings, backends);
    }

    /** opencl: cpu, gpu, cpu; level_zero: gpu; java. */
    static Backend[] mixed() {
        return new Backend[] {
            of("opencl", 0, DeviceType.CPU, DeviceType.GPU, DeviceType.CPU),
            of("level_zero", 50, DeviceType.GPU),
            new JavaBackend()
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int selectionBonus() {
        return bonus;
    }

    @Override
    public List<DeviceDriver> discover() throws BackendUnavailableException {
        if (failure instanceof LinkageError le) {
            throw le;
        }
        if (failure != null) {
            throw new BackendUnavailableException(failure.getMessage(), failure);
        }
        List<DeviceDriver> out = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            out.add(new InfoOnly(new DeviceInfo(name + " device " + i, "fake", "1", "fake", name, types.get(i),
                    1L << 30, 65536, 1L << 28, 4, 256, List.of(256L, 256L, 256L), List.of(), 0,
                    EnumSet.noneOf(Aspect.class))));
        }
        return out;
    }

    private record InfoOnly(DeviceInfo info) implements DeviceDriver {
        @Override
        public QueueDriver createQueue(boolean profiling) {
            throw new UnsupportedOperationException("a fake device has no queues");
        }

        @Override
        public NativeMemory allocate(UsmType kind, long bytes) {
            throw new UnsupportedOperationException("a fake device has no memory");
        }

        @Override
        public String memoryModel() {
            return "none";
        }
    }
}
