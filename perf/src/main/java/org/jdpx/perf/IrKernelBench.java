package org.jdpx.perf;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Kernel;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Kernels;
import org.jdpx.kernels.Range;
import org.jdpx.kernels.ir.IrBuilder;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;
import org.jdpx.usm.UsmMemory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same flat kernels (vector add and STREAM triad over 2^24 floats) as a {@code @Kernel} method
 * and as IR built with {@link IrBuilder} — the form fused tensor expressions take — launched on one
 * device. On the java device this compares the method path with the JVM emitter's bytecode.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx3g"})
public class IrKernelBench {

    static final int N = 1 << 24;

    /** c = a + b. */
    @Kernel
    public static void vadd(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c) {
        int i = ctx.globalId(0);
        c.set(i, a.get(i) + b.get(i));
    }

    /** a = b + s * c. */
    @Kernel
    public static void triad(KernelContext ctx, FloatArray a, FloatArray b, FloatArray c, float s) {
        int i = ctx.globalId(0);
        a.set(i, b.get(i) + s * c.get(i));
    }

    static CompiledKernel vaddIr() {
        IrBuilder k = IrBuilder.kernel("vadd_ir");
        Var a = k.view("a", Scalar.F32, 0), b = k.view("b", Scalar.F32, 1), c = k.view("c", Scalar.F32, 2);
        Var i = k.local("i", Scalar.I32);
        k.assign(i, k.globalId(0));
        k.store(k.read(c), k.read(i), k.add(k.load(k.read(a), k.read(i)), k.load(k.read(b), k.read(i))));
        return KernelCompiler.fromIr(new KernelModule(k.build(), List.of()), "bench:vadd_ir");
    }

    static CompiledKernel triadIr() {
        IrBuilder k = IrBuilder.kernel("triad_ir");
        Var a = k.view("a", Scalar.F32, 0), b = k.view("b", Scalar.F32, 1), c = k.view("c", Scalar.F32, 2);
        Var s = k.value("s", float.class, 3);
        Var i = k.local("i", Scalar.I32);
        k.assign(i, k.globalId(0));
        k.store(k.read(a), k.read(i), k.add(k.load(k.read(b), k.read(i)), k.mul(k.read(s), k.load(k.read(c), k.read(i)))));
        return KernelCompiler.fromIr(new KernelModule(k.build(), List.of()), "bench:triad_ir");
    }

    /** Three arrays on the device under test. */
    @State(Scope.Benchmark)
    public static class OnDevice {
        @Param({"java:cpu:0"})
        public String device;

        UsmMemory a;
        UsmMemory b;
        UsmMemory c;
        CompiledKernel vaddIr;
        CompiledKernel triadIr;

        @Setup
        public void setUp() {
            var d = BenchDevices.require(device);
            a = UsmMemory.allocateDevice(d, 4L * N);
            b = UsmMemory.allocateDevice(d, 4L * N);
            c = UsmMemory.allocateDevice(d, 4L * N);
            a.fill(1f);
            b.fill(2f);
            c.fill(3f);
            vaddIr = vaddIr();
            triadIr = triadIr();
        }

        @TearDown
        public void tearDown() {
            a.close();
            b.close();
            c.close();
        }
    }

    @Benchmark
    public void vaddMethod(OnDevice s) {
        Kernels.launch(IrKernelBench::vadd, Range.of(N), FloatArray.on(s.a), FloatArray.on(s.b), FloatArray.on(s.c));
    }

    @Benchmark
    public void vaddIr(OnDevice s) {
        Kernels.launchAsync(s.vaddIr, Range.of(N), List.of(), FloatArray.on(s.a), FloatArray.on(s.b), FloatArray.on(s.c)).await();
    }

    @Benchmark
    public void triadMethod(OnDevice s) {
        Kernels.launch(IrKernelBench::triad, Range.of(N), FloatArray.on(s.a), FloatArray.on(s.b), FloatArray.on(s.c), 0.5f);
    }

    @Benchmark
    public void triadIr(OnDevice s) {
        Kernels.launchAsync(s.triadIr, Range.of(N), List.of(), FloatArray.on(s.a), FloatArray.on(s.b), FloatArray.on(s.c), 0.5f).await();
    }
}
