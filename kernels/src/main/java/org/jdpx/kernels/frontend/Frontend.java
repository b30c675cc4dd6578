package org.jdpx.kernels.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdpx.kernels.KernelCompileException;
import org.jdpx.kernels.KernelContext;
import org.jdpx.kernels.Local;
import org.jdpx.kernels.ir.AddressSpace;
import org.jdpx.kernels.ir.Expr;
import org.jdpx.kernels.ir.Function;
import org.jdpx.kernels.ir.KernelModule;
import org.jdpx.kernels.ir.Param;
import org.jdpx.kernels.ir.ParamKind;
import org.jdpx.kernels.ir.PtrType;
import org.jdpx.kernels.ir.Scalar;
import org.jdpx.kernels.ir.Var;

/**
 * The bytecode frontend: reads a {@link org.jdpx.kernels.Kernel @Kernel} method and every static helper it
 * calls with the JDK ClassFile API and produces the IR {@link KernelModule}, plus a content
 * hash of everything that determines the generated code (bytecode of the classes involved,
 * values of static final fields read, the compiler version).
 *
 * <p>Runs on the host, once per kernel; not thread-safe (use one instance per compilation).
 * Throws {@link KernelCompileException} naming class, method, source line and construct for
 * Java a device cannot run.
 */
public final class Frontend {
    /** Bump when generated code changes for the same bytecode, so caches keyed by the hash miss. */
    public static final String COMPILER_VERSION = "jdpx-kernels-18";

    /**
     * What the frontend produces: the IR, the cache key, and where the kernel first narrows a
     * double expression that must stay in double (null if nowhere), for a device without fp64 to
     * name in its refusal.
     */
    public record Result(KernelModule module, String contentHash, String doubleNarrowing) {
    }

    private final ClassLoader loader;
    private final Map<String, ClassModel> classes = new HashMap<>();
    private final Map<String, byte[]> classBytes = new HashMap<>();
    private final Map<String, HelperInfo> helpers = new HashMap<>();
    private final List<Function> helperOrder = new ArrayList<>();
    private final Deque<String> inProgress = new ArrayDeque<>();
    private final Set<String> usedNames = new java.util.HashSet<>();
    private final Set<String> hashedClasses = new LinkedHashSet<>();
    private final List<String> hashedFacts = new ArrayList<>();
    private String kernelDisplay;
    private String helperPrefix = "";
    private final List<StencilAccess> stencilOffsets = new ArrayList<>();
    private String doubleNarrowing;

    private record HelperInfo(Function fn, List<HiddenRequest> hidden) {
    }

    private record HiddenRequest(int javaParam, ParamKind.Info info, int dim) {
    }

    private Frontend(ClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Compiles {@code method} (static, void, first parameter {@link KernelContext}).
     *
     * @throws KernelCompileException for unsupported Java, with class, method and line
     */
    public static Result compile(Method method) {
        ClassLoader l = method.getDeclaringClass().getClassLoader();
        return new Frontend(l == null ? ClassLoader.getSystemClassLoader() : l).compileKernel(method);
    }

    private Result compileKernel(Method m) {
        Class<?> owner = m.getDeclaringClass();
        MethodCode code = methodCode(owner.getName(), m.getName(), methodDescriptor(m));
        kernelDisplay = code.displayName();
        if (!Modifier.isStatic(m.getModifiers())) throw error(code, code.firstLine, "a kernel must be a static method");
        if (m.getReturnType() != void.class) {
            throw error(code, code.firstLine, "a kernel must return void (non-void return type " + m.getReturnType().getSimpleName() + ")");
        }
        Class<?>[] types = m.getParameterTypes();
        if (types.length == 0 || types[0] != KernelContext.class) {
            throw error(code, code.firstLine, "the first parameter of a kernel must be a KernelContext (missing KernelContext first parameter)");
        }
        if (Modifier.isSynchronized(m.getModifiers())) throw error(code, code.firstLine, "synchronized methods are not allowed as kernels");
        String kernelName = kernelName(m.getName());
        usedNames.add(kernelName);
        Function fn = new Function(kernelName, true, null);
        Map<Integer, Var> scalars = new HashMap<>();
        Map<Integer, SVal> refs = new HashMap<>();
        List<Param> hidden = new ArrayList<>();
        Parameter[] ps = m.getParameters();
        refs.put(0, new SVal.Ctx());
        int slot = 1;
        for (int i = 1; i < types.length; i++) {
            Class<?> t = types[i];
            int argIndex = i - 1;
            String pname = paramName(code, ps[i], slot);
            if (t.isPrimitive()) {
                Var v = new Var(pname, paramScalar(t));
                fn.params().add(new Param(v, new ParamKind.Value(t, argIndex)));
                scalars.put(slot, v);
            } else if (Intrinsics.VIEWS.containsKey(t.getName().replace('.', '/'))) {
                Scalar elem = Intrinsics.VIEWS.get(t.getName().replace('.', '/'));
                Var v = new Var(pname, new PtrType(elem, AddressSpace.GLOBAL));
                fn.params().add(new Param(v, new ParamKind.View(elem, argIndex)));
                ViewHandle h = new ViewHandle(new Expr.Read(v), elem, t, (info, dim) -> {
                    Var hv = new Var(ParamKind.infoName(pname, info, dim), ParamKind.infoType(info));
                    hidden.add(new Param(hv, new ParamKind.ViewInfo(info, argIndex, dim)));
                    return new Expr.Read(hv);
                });
                // every view takes its element offset, which the emitters apply on entry
                h.info(ParamKind.Info.OFFSET, 0);
                refs.put(slot, new SVal.View(h));
            } else if (t.isArray() && t.getComponentType().isPrimitive() && ps[i].isAnnotationPresent(Local.class)) {
                Class<?> c = t.getComponentType();
                if (c != float.class && c != int.class && c != long.class && c != double.class) {
                    throw error(code, code.firstLine, "@Local parameter '" + pname + "' must be float[], int[], long[] or double[]");
                }
                Scalar elem = Scalar.ofJava(c);
                Var v = new Var(pname, new PtrType(elem, AddressSpace.LOCAL));
                fn.params().add(new Param(v, new ParamKind.LocalBuffer(elem, argIndex)));
                refs.put(slot, new SVal.Arr(new Expr.Read(v), elem, AddressSpace.LOCAL, -1));
            } else if (t.isArray()) {
                throw error(code, code.firstLine, "array parameter '" + pname + "' of type " + t.getSimpleName()
                        + " must be @Local; pass global memory as a view (FloatArray, IntArray, ...)");
            } else {
                throw error(code, code.firstLine, "parameter '" + pname + "' of type " + t.getName() + " is not allowed in a kernel");
            }
            slot += (t == long.class || t == double.class) ? 2 : 1;
        }
        inProgress.push(key(owner.getName(), m.getName(), methodDescriptor(m)));
        new MethodTranslator(this, code, fn, true, scalars, refs).translate();
        inProgress.pop();
        hidden.sort(Comparator.comparingInt((Param p) -> ((ParamKind.ViewInfo) p.kind()).argIndex())
                .thenComparing(p -> ((ParamKind.ViewInfo) p.kind()).info())
                .thenComparingInt(p -> ((ParamKind.ViewInfo) p.kind()).dim()));
        fn.params().addAll(hidden);
        return new Result(new KernelModule(fn, helperOrder), hash(m), doubleNarrowing);
    }

    /**
     * A static method over primitives (and, for stencils, relatively indexed arrays) compiled to
     * one IR helper function that a generated kernel inlines: a {@code @Vectorize} or
     * {@code @Stencil} body. {@code hidden} lists the parameters appended after the Java ones
     * (a stencil array's centre index and strides), {@code accesses} every {@code at(...)} call.
     */
    public record FunctionResult(Function function, List<Function> helpers, String contentHash, String doubleNarrowing,
                                 List<Hidden> hidden, List<StencilAccess> accesses) {
    }

    /** One {@code at(...)} call of a stencil: its number of indices, their values (null unless all are constants), where. */
    public record StencilAccess(int rank, int[] offsets, String at) {
    }

    /** A parameter the caller binds besides the Java ones: {@code info} OFFSET = centre index, STRIDE = stride of dim. */
    public record Hidden(Var var, int javaParam, ParamKind.Info info, int dim) {
    }

    /**
     * Compiles static method {@code m} as a function (see {@link FunctionResult}); its helpers get
     * names unique to {@code m}, so functions compiled separately can share one kernel.
     *
     * @throws KernelCompileException for Java a device cannot run, with class, method and line
     * @throws IllegalArgumentException when a parameter or the return type is not supported
     */
    public static FunctionResult compileFunction(Method m) {
        ClassLoader l = m.getDeclaringClass().getClassLoader();
        Frontend f = new Frontend(l == null ? ClassLoader.getSystemClassLoader() : l);
        f.helperPrefix = "f" + Integer.toHexString((m.getDeclaringClass().getName() + "." + m.getName() + methodDescriptor(m)).hashCode()) + "_";
        return f.compileFunctionBody(m);
    }

    private FunctionResult compileFunctionBody(Method m) {
        Class<?> owner = m.getDeclaringClass();
        String desc = methodDescriptor(m);
        MethodCode code = methodCode(owner.getName(), m.getName(), desc);
        kernelDisplay = code.displayName();
        if (!Modifier.isStatic(m.getModifiers()) || Modifier.isNative(m.getModifiers()) || Modifier.isSynchronized(m.getModifiers())
                || !m.getReturnType().isPrimitive() || m.getReturnType() == void.class) {
            throw new IllegalArgumentException(code.displayName() + " must be a static, non-native, non-synchronized method"
                    + " returning a primitive (boolean, byte, short, char, int, long, float, double)");
        }
        Class<?>[] types = m.getParameterTypes();
        SVal[] args = new SVal[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            String internal = t.getName().replace('.', '/');
            if (t.isPrimitive()) {
                args[i] = new SVal.Val(new Expr.Const(paramScalar(t), 0));
            } else if (Intrinsics.STENCILS.containsKey(internal)) {
                args[i] = new SVal.View(new ViewHandle(null, Intrinsics.STENCILS.get(internal), t, (info, dim) -> null));
            } else {
                throw new IllegalArgumentException(code.displayName() + ": parameter " + (i + 1) + " has type " + t.getName()
                        + "; such a function takes primitives (boolean, byte, short, char, int, long, float, double)"
                        + " or stencil arrays (FloatStencil, DoubleStencil, IntStencil, LongStencil)");
            }
        }
        HelperInfo info = compileHelper(null, owner.getName(), m.getName(), MethodTypeDesc.ofDescriptor(desc), args);
        List<Hidden> hidden = new ArrayList<>();
        List<Param> params = info.fn().params();
        for (int i = 0; i < info.hidden().size(); i++) {
            HiddenRequest r = info.hidden().get(i);
            hidden.add(new Hidden(params.get(types.length + i).var(), r.javaParam(), r.info(), r.dim()));
        }
        List<Function> deps = new ArrayList<>(helperOrder);
        deps.remove(info.fn());
        return new FunctionResult(info.fn(), deps, hash(m), doubleNarrowing, List.copyOf(hidden), List.copyOf(stencilOffsets));
    }

    /** Records one stencil access. */
    void noteStencilAccess(StencilAccess offsets) {
        stencilOffsets.add(offsets);
    }

    /** Java parameter types as the IR sees them: booleans, bytes, shorts and chars travel as int. */
    private static Scalar paramScalar(Class<?> t) {
        if (t == long.class) return Scalar.I64;
        if (t == float.class) return Scalar.F32;
        if (t == double.class) return Scalar.F64;
        return Scalar.I32;
    }

    private static String paramName(MethodCode code, Parameter p, int slot) {
        String n = code.nameAt(slot, 0, p.getType().isPrimitive() ? p.getType().descriptorString().charAt(0) : 'L');
        if (n == null && p.isNamePresent()) n = p.getName();
        return sanitize(n == null ? "arg" + slot : n);
    }

    // ---------------------------------------------------------------- helpers

    /** Compiles (once per argument address-space pattern) a static helper and emits its call. */
    void callHelper(MethodTranslator t, String owner, String name, MethodTypeDesc desc) {
        List<ClassDesc> ptypes = desc.parameterList();
        SVal[] args = new SVal[ptypes.size()];
        for (int i = args.length - 1; i >= 0; i--) args[i] = t.popAny();
        String mkey = key(owner, name, desc.descriptorString());
        if (inProgress.contains(mkey)) {
            throw t.error("recursion (" + MethodTranslator.simple(owner) + "." + name + " calls itself directly or indirectly) is not allowed in a kernel");
        }
        StringBuilder spec = new StringBuilder(mkey);
        for (SVal a : args) if (a instanceof SVal.Arr arr) spec.append('|').append(arr.space());
        HelperInfo info = helpers.get(spec.toString());
        if (info == null) {
            info = compileHelper(t, owner, name, desc, args);
            helpers.put(spec.toString(), info);
        }
        List<Expr> callArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case SVal.Val v -> callArgs.add(v.expr());
                case SVal.Cmp3 c -> callArgs.add(MethodTranslator.cmp3ToExpr(c));
                case SVal.View v -> callArgs.add(v.handle().pointer);
                case SVal.Arr a -> callArgs.add(a.base());
                case SVal.Ctx c -> { }
                case SVal.Null n -> throw t.error("passing null to " + MethodTranslator.simple(owner) + "." + name + " is not allowed in a kernel");
                case SVal.Obj o -> throw t.error("passing an object (" + o.description() + ") to " + MethodTranslator.simple(owner) + "." + name + " is not allowed in a kernel");
            }
        }
        for (HiddenRequest r : info.hidden()) {
            if (!(args[r.javaParam()] instanceof SVal.View v)) throw new IllegalStateException("hidden request on a non-view");
            callArgs.add(v.handle().info(r.info(), r.dim()));
        }
        Expr call = new Expr.Call(info.fn(), callArgs);
        if (info.fn().returnType() == null) {
            t.emitEffect(new org.jdpx.kernels.ir.Stmt.Eval(call));
        } else {
            t.pushEffect(call);
        }
    }

    private HelperInfo compileHelper(MethodTranslator caller, String owner, String name, MethodTypeDesc desc, SVal[] args) {
        MethodCode code = methodCode(owner, name, desc.descriptorString());
        if ((code.method.flags().flagsMask() & ClassFile.ACC_NATIVE) != 0 || code.insns.isEmpty()) {
            throw caller.error("call of " + MethodTranslator.simple(owner) + "." + name + " (a native or library method without bytecode) is not allowed in a kernel");
        }
        if ((code.method.flags().flagsMask() & ClassFile.ACC_SYNCHRONIZED) != 0) {
            throw caller.error("call of synchronized method " + MethodTranslator.simple(owner) + "." + name + " is not allowed in a kernel");
        }
        String ret = desc.returnType().descriptorString();
        Scalar rt = switch (ret) {
            case "V" -> null;
            case "J" -> Scalar.I64;
            case "F" -> Scalar.F32;
            case "D" -> Scalar.F64;
            case "I", "Z", "B", "S", "C" -> Scalar.I32;
            default -> throw caller.error("helper " + MethodTranslator.simple(owner) + "." + name + " returns a reference; kernel helpers must return a primitive or void");
        };
        String fname = sanitize(helperPrefix + code.simpleClassName + "_" + name);
        String unique = fname;
        for (int n = 2; usedNames.contains(unique); n++) unique = fname + "_" + n;
        usedNames.add(unique);
        Function fn = new Function(unique, false, rt);
        Map<Integer, Var> scalars = new HashMap<>();
        Map<Integer, SVal> refs = new HashMap<>();
        List<HiddenRequest> requests = new ArrayList<>();
        List<Param> hiddenParams = new ArrayList<>();
        int slot = 0;
        List<ClassDesc> ptypes = desc.parameterList();
        for (int i = 0; i < ptypes.size(); i++) {
            String d = ptypes.get(i).descriptorString();
            String pname = code.nameAt(slot, 0, d.charAt(0));
            pname = sanitize(pname == null ? "p" + i : pname);
            final int javaParam = i;
            switch (args[i]) {
                case SVal.Val v -> {
                    Var pv = new Var(pname, v.expr().scalar());
                    fn.params().add(new Param(pv, new ParamKind.HelperValue()));
                    scalars.put(slot, pv);
                }
                case SVal.Cmp3 c -> {
                    Var pv = new Var(pname, Scalar.I32);
                    fn.params().add(new Param(pv, new ParamKind.HelperValue()));
                    scalars.put(slot, pv);
                }
                case SVal.View v -> {
                    Var pv = new Var(pname, new PtrType(v.handle().elem, AddressSpace.GLOBAL));
                    fn.params().add(new Param(pv, new ParamKind.Pointer(AddressSpace.GLOBAL)));
                    final String pn = pname;
                    refs.put(slot, new SVal.View(new ViewHandle(new Expr.Read(pv), v.handle().elem, v.handle().viewClass, (info, dim) -> {
                        Var hv = new Var(ParamKind.infoName(pn, info, dim), ParamKind.infoType(info));
                        hiddenParams.add(new Param(hv, new ParamKind.HelperValue()));
                        requests.add(new HiddenRequest(javaParam, info, dim));
                        return new Expr.Read(hv);
                    })));
                }
                case SVal.Arr a -> {
                    Var pv = new Var(pname, new PtrType(a.elem(), a.space()));
                    fn.params().add(new Param(pv, new ParamKind.Pointer(a.space())));
                    refs.put(slot, new SVal.Arr(new Expr.Read(pv), a.elem(), a.space(), a.length()));
                }
                case SVal.Ctx c -> refs.put(slot, c);
                case SVal.Null n -> throw caller.error("passing null to a helper is not allowed in a kernel");
                case SVal.Obj o -> throw caller.error("passing an object (" + o.description() + ") to a helper is not allowed in a kernel");
            }
            slot += (d.equals("J") || d.equals("D")) ? 2 : 1;
        }
        inProgress.push(key(owner, name, desc.descriptorString()));
        new MethodTranslator(this, code, fn, false, scalars, refs).translate();
        inProgress.pop();
        fn.params().addAll(hiddenParams);
        helperOrder.add(fn);
        return new HelperInfo(fn, requests);
    }

    // ---------------------------------------------------------------- constants

    /**
     * The value of a {@code static final} primitive field, read by reflection (initialising its
     * class), or null after pushing an opaque object for a reference-typed final field.
     */
    Expr staticConstant(MethodTranslator t, String owner, String name) {
        Field f;
        try {
            Class<?> c = Class.forName(owner, true, loader);
            f = findField(c, name);
        } catch (ClassNotFoundException | LinkageError e) {
            throw t.error("static field " + MethodTranslator.simple(owner) + "." + name + " cannot be read: " + e);
        }
        if (f == null) throw t.error("static field " + MethodTranslator.simple(owner) + "." + name + " not found");
        int mod = f.getModifiers();
        String display = MethodTranslator.simple(owner) + "." + name;
        if (!Modifier.isFinal(mod)) throw t.error("read of non-final static field '" + display + "' is not allowed in a kernel (make it static final)");
        if (!f.getType().isPrimitive()) {
            t.pushRef(new SVal.Obj("static field '" + display + "' of type " + f.getType().getSimpleName()));
            return null;
        }
        try {
            f.setAccessible(true);
            Object v = f.get(null);
            hashedFacts.add(owner + "." + name + "=" + v);
            return switch (v) {
                case Integer i -> Expr.Const.i32(i);
                case Boolean b -> Expr.Const.i32(b ? 1 : 0);
                case Byte b -> Expr.Const.i32(b);
                case Short s -> Expr.Const.i32(s);
                case Character c -> Expr.Const.i32(c);
                case Long l -> Expr.Const.i64(l);
                case Float fl -> Expr.Const.f32(fl);
                case Double d -> Expr.Const.f64(d);
                default -> throw t.error("static field '" + display + "' has unsupported type");
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof KernelCompileException k) throw k;
            throw t.error("static final field '" + display + "' cannot be read: " + e);
        }
    }

    /** True when {@code className} names a Throwable (so {@code new} of it means an exception is about to be thrown). */
    boolean isThrowable(String className) {
        try {
            return Throwable.class.isAssignableFrom(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Field findField(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                return k.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass, then interfaces
            }
            for (Class<?> i : k.getInterfaces()) {
                Field f = findField(i, name);
                if (f != null) return f;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- class reading

    private MethodCode methodCode(String owner, String name, String descriptor) {
        ClassModel cm = classModel(owner);
        for (MethodModel mm : cm.methods()) {
            if (mm.methodName().equalsString(name) && mm.methodType().equalsString(descriptor)) {
                return new MethodCode(cm, mm);
            }
        }
        throw new KernelCompileException("kernel " + kernelDisplay + ": method " + owner + "." + name + descriptor + " not found in its class file", -1);
    }

    private ClassModel classModel(String owner) {
        ClassModel cm = classes.get(owner);
        if (cm != null) return cm;
        String res = owner.replace('.', '/') + ".class";
        try (InputStream in = loader.getResourceAsStream(res)) {
            if (in == null) throw new KernelCompileException("kernel " + kernelDisplay + ": class file of " + owner + " is not available", -1);
            byte[] bytes = in.readAllBytes();
            cm = ClassFile.of().parse(bytes);
            classes.put(owner, cm);
            classBytes.put(owner, bytes);
            hashedClasses.add(owner);
            return cm;
        } catch (IOException e) {
            throw new KernelCompileException("kernel " + kernelDisplay + ": cannot read class file of " + owner + ": " + e, -1);
        }
    }

    private static String methodDescriptor(Method m) {
        return java.lang.invoke.MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
    }

    private static String key(String owner, String name, String desc) {
        return owner + "." + name + desc;
    }

    /** Remembers the first narrowing of a double expression that {@link FloatDemotion} keeps in double. */
    void noteDoubleNarrowing(MethodCode code, int line, org.jdpx.kernels.ir.Scalar to) {
        if (doubleNarrowing != null) return;
        String cast = to == org.jdpx.kernels.ir.Scalar.F32 ? "(float)" : to == org.jdpx.kernels.ir.Scalar.I64 ? "(long)" : "(int)";
        doubleNarrowing = code.displayName() + " (" + code.sourceFile + (line >= 0 ? ":" + line : "") + ") casts a double"
                + " expression with " + cast + " that float arithmetic would round differently, so it is computed in double"
                + " as in Java; to run it without fp64, write it in float (float operands, literals like 0.1f)";
    }

    /** Builds the error every unsupported construct reports: kernel, method, file:line, construct. */
    KernelCompileException error(MethodCode code, int line, String text) {
        String where = code.sourceFile + (line >= 0 ? ":" + line : "");
        String who = code.displayName().equals(kernelDisplay) ? "kernel " + kernelDisplay
                : "kernel " + kernelDisplay + ", in helper " + code.displayName();
        String hint = line < 0 && !code.hasLineNumbers ? " (no line number: " + code.className + " was compiled without"
                + " debug information; compile it with -g (javac -g, or <debug>true</debug> in Maven's compiler plugin)"
                + " to see the line)" : "";
        return new KernelCompileException(who + " (" + where + "): " + text + hint, line);
    }

    private String hash(Method m) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((COMPILER_VERSION + "\n" + m.getDeclaringClass().getName() + "." + m.getName() + methodDescriptor(m) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            for (String c : hashedClasses) {
                md.update(c.getBytes(StandardCharsets.UTF_8));
                md.update(classBytes.get(c));
            }
            for (String f : hashedFacts) md.update((f + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static final Set<String> RESERVED = Set.of(
            "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
            "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
            "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
            "bool", "half", "uchar", "ushort", "uint", "ulong", "size_t", "kernel", "global", "local", "constant",
            "private", "read_only", "write_only", "read_write", "image2d_t", "sampler_t", "event_t", "complex", "imaginary",
            "true", "false", "vector", "pipe", "generic");

    /** OpenCL C built-in functions a kernel's own name would hide (helpers carry their class name, so never clash). */
    private static final Set<String> BUILTINS = builtins();

    private static Set<String> builtins() {
        Set<String> b = new java.util.HashSet<>(Set.of("abs", "min", "max", "round", "select", "dot", "cross", "length",
                "distance", "normalize", "barrier", "signbit", "vload", "vstore", "printf", "mem_fence"));
        for (org.jdpx.kernels.ir.MathFn f : org.jdpx.kernels.ir.MathFn.values()) b.add(f.clName());
        return Set.copyOf(b);
    }

    /** The kernel's name in OpenCL C and SPIR-V: sanitized, with a trailing underscore where it is a built-in ({@code exp}). */
    private static String kernelName(String javaName) {
        String s = sanitize(javaName);
        return BUILTINS.contains(s) ? s + "_" : s;
    }

    /** A C identifier for a Java name (reserved words and OpenCL keywords get a trailing underscore). */
    public static String sanitize(String javaName) {
        StringBuilder sb = new StringBuilder();
        for (char c : javaName.toCharArray()) sb.append(Character.isLetterOrDigit(c) && c < 128 ? c : '_');
        String s = sb.isEmpty() || Character.isDigit(sb.charAt(0)) ? "_" + sb : sb.toString();
        if (s.startsWith("__") || s.startsWith("get_") || RESERVED.contains(s)) s = s + "_";
        return s;
    }
}
