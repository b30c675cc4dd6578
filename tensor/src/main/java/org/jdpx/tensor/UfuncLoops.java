package org.jdpx.tensor;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.kernels.Vectorize;
import org.jdpx.kernels.frontend.Frontend;
import org.jdpx.tensor.fusion.ScalarFunction;

/**
 * The loops of a ufunc made from static Java methods: which overloads (or declared
 * signatures) exist, their compilation (eager for declared signatures, on first use otherwise),
 * and NumPy's loop choice for a call: the first loop, in order, that every operand casts to
 * safely (Java scalars are weak: an integer fits any integer or float loop, a float any float
 * loop), skipping loops that need fp64 on a device without it.
 */
final class UfuncLoops {
    private final String name;
    private final List<Method> methods;
    private final Map<Method, ScalarFunction> compiled = new ConcurrentHashMap<>();

    private UfuncLoops(String name, List<Method> methods) {
        this.name = name;
        this.methods = methods;
    }

    String name() { return name; }

    int nin() { return methods.getFirst().getParameterCount(); }

    List<Method> methods() { return methods; }

    /** The loops of {@code owner.name}: its static overloads, or those its {@code @Vectorize} signatures name. */
    static UfuncLoops of(Class<?> owner, String name) {
        List<Method> all = new ArrayList<>();
        for (Method m : owner.getDeclaredMethods()) if (m.getName().equals(name) && !m.isSynthetic()) all.add(m);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no method " + name + " in " + owner.getName()
                    + "; write a static method over primitives, e.g. static float " + name + "(float x)");
        }
        String[] declared = all.stream().filter(m -> m.isAnnotationPresent(Vectorize.class))
                .flatMap(m -> Arrays.stream(m.getAnnotation(Vectorize.class).value())).distinct().toArray(String[]::new);
        for (Method m : all) check(m);
        int nin = all.getFirst().getParameterCount();
        for (Method m : all) {
            if (m.getParameterCount() != nin) {
                throw new IllegalArgumentException(owner.getSimpleName() + "." + name + " has overloads with " + nin + " and "
                        + m.getParameterCount() + " parameters; a ufunc's loops all take the same number of inputs");
            }
        }
        List<Method> loops = new ArrayList<>();
        if (declared.length > 0) {
            for (String sig : declared) loops.add(matching(owner, name, sig, all));
        } else {
            loops.addAll(all);
            loops.sort(Comparator.comparing(UfuncLoops::rankKey));
        }
        UfuncLoops l = new UfuncLoops(owner.getSimpleName() + "." + name, List.copyOf(loops));
        if (declared.length > 0) for (Method m : loops) l.compile(m);
        return l;
    }

    /** The single loop of one method (a method reference names exactly one overload). */
    static UfuncLoops of(Method m) {
        check(m);
        return new UfuncLoops(m.getDeclaringClass().getSimpleName() + "." + m.getName(), List.of(m));
    }

    private static void check(Method m) {
        String who = m.getDeclaringClass().getSimpleName() + "." + m.getName();
        if (!Modifier.isStatic(m.getModifiers())) {
            throw new IllegalArgumentException(who + " is an instance method; a ufunc needs a static method (add 'static')");
        }
        if (m.getParameterCount() == 0) {
            throw new IllegalArgumentException(who + " takes no parameters; a ufunc takes 1 or more scalars");
        }
        dtypeOf(m.getReturnType(), who, "its return type");
        for (Class<?> p : m.getParameterTypes()) dtypeOf(p, who, "a parameter");
    }

    /** The dtype a Java primitive stands for. */
    static DType dtypeOf(Class<?> c, String who, String what) {
        if (c == boolean.class) return DType.BOOL;
        if (c == byte.class) return DType.INT8;
        if (c == short.class) return DType.INT16;
        if (c == char.class) return DType.UINT16;
        if (c == int.class) return DType.INT32;
        if (c == long.class) return DType.INT64;
        if (c == float.class) return DType.FLOAT32;
        if (c == double.class) return DType.FLOAT64;
        throw new IllegalArgumentException(who + ": " + what + " has type " + c.getName() + "; ufunc functions take and return"
                + " primitives (boolean, byte, short, char, int, long, float, double)");
    }

    static DType[] paramTypes(Method m) {
        String who = m.getName();
        return Arrays.stream(m.getParameterTypes()).map(c -> dtypeOf(c, who, "a parameter")).toArray(DType[]::new);
    }

    private static String rankKey(Method m) {
        StringBuilder s = new StringBuilder();
        for (DType t : paramTypes(m)) s.append((char) ('a' + rank(t)));
        return s.toString();
    }

    private static int rank(DType t) {
        return List.of(DType.BOOL, DType.INT8, DType.INT16, DType.UINT16, DType.INT32, DType.INT64, DType.FLOAT32,
                DType.FLOAT64).indexOf(t);
    }

    /** The overload a signature such as {@code "float32(float32, int32)"} names. */
    private static Method matching(Class<?> owner, String name, String sig, List<Method> all) {
        String s = sig.replace(" ", "");
        int open = s.indexOf('(');
        if (open <= 0 || !s.endsWith(")")) {
            throw new IllegalArgumentException("@Vectorize signature '" + sig + "' of " + owner.getSimpleName() + "." + name
                    + " is malformed; write it as \"float32(float32, float32)\"");
        }
        DType ret = signatureType(s.substring(0, open), sig);
        String inner = s.substring(open + 1, s.length() - 1);
        DType[] params = inner.isEmpty() ? new DType[0]
                : Arrays.stream(inner.split(",")).map(p -> signatureType(p, sig)).toArray(DType[]::new);
        for (Method m : all) {
            if (Arrays.equals(paramTypes(m), params) && dtypeOf(m.getReturnType(), name, "") == ret) return m;
        }
        throw new IllegalArgumentException("@Vectorize signature '" + sig + "' has no matching overload " + owner.getSimpleName()
                + "." + name + javaSignature(ret, params) + "; add that static overload or remove the signature");
    }

    private static DType signatureType(String t, String sig) {
        DType d;
        try {
            d = DType.of(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("@Vectorize signature '" + sig + "': " + e.getMessage());
        }
        if (d == DType.UINT8 || d == DType.UINT32 || d == DType.UINT64) {
            throw new IllegalArgumentException("@Vectorize signature '" + sig + "' uses " + d + ", which no Java type holds;"
                    + " use int16, int32 or int64 (or uint16 = char)");
        }
        return d;
    }

    private static String javaSignature(DType ret, DType[] params) {
        return Arrays.stream(params).map(UfuncLoops::javaName).collect(java.util.stream.Collectors.joining(", ", "(", ")"))
                + " returning " + javaName(ret);
    }

    private static String javaName(DType t) {
        return switch (t) {
            case BOOL -> "boolean";
            case INT8 -> "byte";
            case INT16 -> "short";
            case UINT16 -> "char";
            case INT32 -> "int";
            case INT64 -> "long";
            case FLOAT32 -> "float";
            default -> "double";
        };
    }

    /** The compiled loop of {@code m} (compiled once). */
    ScalarFunction compile(Method m) {
        return compiled.computeIfAbsent(m, k -> new ScalarFunction(k.getName(), Frontend.compileFunction(k), paramTypes(k),
                dtypeOf(k.getReturnType(), k.getName(), "its return type")));
    }

    /**
     * NumPy's loop choice for operands (arrays or Java scalars) on {@code device}.
     *
     * @throws IllegalArgumentException when no loop takes them, naming the loops there are
     */
    ScalarFunction select(Object[] operands, Device device) {
        if (operands.length != nin()) {
            throw new IllegalArgumentException(name + " takes " + nin() + " inputs, got " + operands.length);
        }
        boolean fp64 = device.hasAspect(Aspect.FP64);
        boolean skippedDouble = false;
        for (Method m : methods) {
            DType[] p = paramTypes(m);
            boolean fits = true;
            for (int i = 0; i < p.length && fits; i++) fits = castsSafely(operands[i], p[i]);
            if (!fits) continue;
            ScalarFunction f = compile(m);
            if (!fp64 && f.needsFp64()) {
                skippedDouble = true;
                continue;
            }
            return f;
        }
        List<String> kinds = new ArrayList<>();
        for (Object o : operands) kinds.add(o instanceof UsmNdArray a ? a.dtype().toString() : "Java " + o.getClass().getSimpleName());
        throw new IllegalArgumentException(name + " has no loop for inputs " + kinds + " under NumPy's safe casting"
                + (skippedDouble ? " that runs without fp64 on " + device.filterString() : "") + "; its loops: " + types()
                + ". Add an overload for these types, or convert the inputs with astype");
    }

    /** NumPy's {@code ufunc.types} of the loops. */
    List<String> types() {
        List<String> t = new ArrayList<>();
        for (Method m : methods) t.add(new ScalarFunction(m.getName(), null, paramTypes(m), dtypeOf(m.getReturnType(), name, "")).types());
        return t;
    }

    private static boolean castsSafely(Object operand, DType to) {
        if (operand instanceof UsmNdArray a) return Promotion.result(a.dtype(), to) == to;
        if (operand instanceof Boolean) return true;
        if (operand instanceof Double || operand instanceof Float) return to.isFloat();
        if (operand instanceof Number) return to != DType.BOOL;
        throw new IllegalArgumentException("unsupported operand type " + (operand == null ? "null" : operand.getClass().getName())
                + ": pass a UsmNdArray or a Java number/boolean");
    }
}
