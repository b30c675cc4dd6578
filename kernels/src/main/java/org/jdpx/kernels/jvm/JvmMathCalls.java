package org.jdpx.kernels.jvm;

import java.lang.classfile.CodeBuilder;
import java.lang.constant.ClassDesc;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.jdpx.kernels.KernelMath;
import org.jdpx.kernels.ir.MathFn;
import org.jdpx.kernels.ir.Scalar;

/**
 * Where the JVM target finds each IR math built-in: a static method of {@link JvmRuntime}
 * (OpenCL rules Java lacks: fmin/fmax with NaN, clamp, popcount, clz), else of {@link KernelMath}
 * (float versions that stay in float, rsqrt, mix, step, ...), else of {@link Math}, looked up by the
 * OpenCL name with every parameter of the operand type. Resolved once per call site when the class
 * is generated; the call is then a plain {@code invokestatic} C2 inlines.
 */
final class JvmMathCalls {
    private static final List<Class<?>> OWNERS = List.of(JvmRuntime.class, KernelMath.class, Math.class);

    private JvmMathCalls() {
    }

    /**
     * Emits the call of {@code fn} on operands of type {@code t} already on the stack.
     *
     * @throws IllegalArgumentException when no Java method implements {@code fn} for {@code t}
     */
    static void call(CodeBuilder code, MathFn fn, Scalar t) {
        Method m = find(fn, t);
        code.invokestatic(ClassDesc.of(m.getDeclaringClass().getName()), m.getName(),
                MethodType.methodType(m.getReturnType(), m.getParameterTypes()).describeConstable().orElseThrow());
    }

    static Method find(MathFn fn, Scalar t) {
        Class<?> jt = switch (t) {
            case I64 -> long.class;
            case F32 -> float.class;
            case F64 -> double.class;
            case I32 -> int.class;
            default -> throw new IllegalArgumentException("math function " + fn.clName() + " on " + t + " is not supported");
        };
        Class<?>[] params = new Class<?>[fn.arity()];
        Arrays.fill(params, jt);
        Class<?> ret = fn == MathFn.ISNAN ? boolean.class : jt;
        for (Class<?> owner : OWNERS) {
            try {
                Method m = owner.getMethod(fn.clName(), params);
                if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == ret) return m;
            } catch (NoSuchMethodException e) {
                // try the next owner
            }
        }
        throw new IllegalArgumentException("math function " + fn.clName() + " on " + t
                + " has no Java implementation for the java device; use a float or double operand");
    }
}
