package org.jdpx.kernels;

import java.io.Serializable;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Finds the static method behind a {@link KernelRef} (or a prange method reference): the JDK describes a serializable method
 * reference as a {@link SerializedLambda} naming the implementation class and method. Resolved
 * once per reference class.
 */
public final class KernelMethods {

    private KernelMethods() {
    }

    /** The static method {@code ref} refers to; {@link IllegalArgumentException} for a lambda or instance method. */
    public static Method of(Serializable ref) {
        return RESOLVED.get(ref.getClass()).resolve(ref);
    }

    /**
     * Remembers the method of one reference class. A ClassValue rather than a map keyed by class,
     * so reference classes (hidden classes of user loaders) can still be unloaded; it cannot see
     * the instance writeReplace needs, hence the first call resolves and stores.
     */
    private interface Resolver {
        Method resolve(Serializable ref);
    }

    private static final ClassValue<Resolver> RESOLVED = new ClassValue<>() {
        @Override
        protected Resolver computeValue(Class<?> type) {
            // Resolving twice in a race gives the same Method; no lock needed.
            Method[] once = new Method[1];
            return ref -> {
                if (once[0] == null) {
                    once[0] = find(ref);
                }
                return once[0];
            };
        }
    };

    private static Method find(Serializable ref) {
        SerializedLambda sl;
        try {
            Method w = ref.getClass().getDeclaredMethod("writeReplace");
            w.setAccessible(true);
            sl = (SerializedLambda) w.invoke(ref);
        } catch (java.lang.reflect.InaccessibleObjectException e) {
            // A named module's kernel classes must be open to jdpx, which reads and calls them reflectively.
            String pkg = ref.getClass().getPackageName();
            Module jdpx = KernelMethods.class.getModule();
            String to = jdpx.isNamed() ? " to " + jdpx.getName() : "";
            throw new IllegalArgumentException("jdpx cannot read the kernel reference " + ref.getClass().getName()
                    + ": module " + ref.getClass().getModule().getName() + " does not open package " + pkg
                    + "; add `opens " + pkg + to + ";` to its module-info.java", e);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("expected a method reference to a static method, "
                    + "like MyKernels::saxpy; got " + ref.getClass().getName(), e);
        }
        if (sl.getImplMethodKind() != MethodHandleInfo.REF_invokeStatic || sl.getImplMethodName().startsWith("lambda$")) {
            throw new IllegalArgumentException("expected a method reference to a static method, like "
                    + "MyKernels::saxpy, not a lambda or an instance method (" + sl.getImplClass().replace('/', '.')
                    + "." + sl.getImplMethodName() + ")");
        }
        try {
            Class<?> owner = Class.forName(sl.getImplClass().replace('/', '.'), false, ref.getClass().getClassLoader());
            for (Method m : owner.getDeclaredMethods()) {
                if (m.getName().equals(sl.getImplMethodName())
                        && java.lang.invoke.MethodType.methodType(m.getReturnType(), m.getParameterTypes())
                                .toMethodDescriptorString().equals(sl.getImplMethodSignature())) {
                    return m;
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the class of kernel " + sl.getImplMethodName() + " is not loadable", e);
        }
        throw new IllegalStateException("kernel method " + sl.getImplClass() + "." + sl.getImplMethodName()
                + sl.getImplMethodSignature() + " not found");
    }
}
