package org.jdpx.kernels.prange;

import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.Device;
import org.jdpx.kernels.CompiledKernel;
import org.jdpx.kernels.KernelCompiler;

/**
 * Compiles a method with parallel loops: finds the loops, plans each outermost one as a region,
 * writes and compiles a kernel per region, checks its reductions, and writes the host method that
 * calls them. Results are cached per method and device for the life of the JVM.
 */
final class PrangeCompiler {
    private static final System.Logger LOG = System.getLogger(PrangeCompiler.class.getName());

    /** A compiled method: the rewritten host method and the diagnostics report. */
    record Compiled(MethodHandle handle, Report report) {
    }

    private record Key(Method method, Device device) {
    }

    private static final Map<Key, Compiled> CACHE = new ConcurrentHashMap<>();

    private PrangeCompiler() {
    }

    /** @param device where regions without device arrays run; null for the default device */
    static Compiled compile(Method method, Device device) {
        Key key = new Key(method, device);
        Compiled c = CACHE.get(key);
        if (c != null) return c;
        Report report = new Report(ScannedMethod.describe(method));
        c = build(method, device, report);
        if (Report.enabled()) LOG.log(System.Logger.Level.INFO, report.text());
        Compiled prev = CACHE.putIfAbsent(key, c);
        return prev == null ? c : prev;
    }

    /** The diagnostics of {@code method}, including why a loop was refused, without throwing for it. */
    static String diagnostics(Method method, Device device) {
        Report report = new Report(ScannedMethod.describe(method));
        try {
            return compile(method, device).report().text();
        } catch (org.jdpx.kernels.KernelCompileException e) {
            try {
                build(method, device, report);
            } catch (org.jdpx.kernels.KernelCompileException again) {
                report.refused(again.getMessage());
            }
            return report.text();
        }
    }

    private static Compiled build(Method method, Device device, Report report) {
        ScannedMethod m = ScannedMethod.of(method);
        report.source(m.sourceFile);
        List<LoopShape> loops = LoopShape.find(m);
        if (loops.isEmpty()) {
            throw new IllegalArgumentException(ScannedMethod.describe(method) + " has no parallel loop: mark one as "
                    + "for (@Parallel int i = 0; i < n; i++) (org.jdpx.kernels.Parallel), or call the method directly");
        }
        List<RegionPlan> regions = new ArrayList<>();
        for (LoopShape l : loops) {
            if (loops.stream().noneMatch(o -> o != l && o.contains(l.head()))) {
                RegionPlan p = new RegionPlan(m, l, loops);
                regions.add(p);
                report.region(p);
            }
        }
        Class<?> owner = method.getDeclaringClass();
        GeneratedLoader loader = new GeneratedLoader(owner.getClassLoader());
        int[] ids = new int[regions.size()];
        String base = owner.getName() + "$" + method.getName() + "$prange";
        for (int r = 0; r < regions.size(); r++) {
            RegionPlan p = regions.get(r);
            String name = base + "$" + r + "$" + Integer.toHexString(System.identityHashCode(loader));
            RegionKernels kernels = new RegionKernels(p, loader, name);
            Method km = kernels.representative();
            CompiledKernel ck = KernelCompiler.compile(km);
            List<ReduceOp> arrayOps = ReductionCheck.verify(ck.ir().kernel(), p, 3 * p.dims.size() + p.liveIns.size());
            report.arrays(p, arrayOps);
            String shown = km.getDeclaringClass().getSimpleName() + "." + KernelWriter.METHOD;
            report.kernel(p, p.arrays.isEmpty() ? shown : shown.replaceFirst("\\$len[0-9x]+\\.", "\\$len<n>.")
                    + " (one per array length)");
            ids[r] = LoopRuntime.register(new RegionRunner(p, kernels, arrayOps, device));
        }
        byte[] host = HostWriter.write(m, regions, ids, ClassDesc.of(base));
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
                    .defineHiddenClass(host, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            MethodHandle h = lookup.findStatic(lookup.lookupClass(), method.getName(),
                    MethodType.methodType(method.getReturnType(), method.getParameterTypes()));
            return new Compiled(h, report);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("jdpx cannot define the compiled " + ScannedMethod.describe(method) + " next to "
                    + owner.getName() + ": its module must open package " + owner.getPackageName() + " to jdpx", e);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("rewritten method missing", e);
        }
    }
}
