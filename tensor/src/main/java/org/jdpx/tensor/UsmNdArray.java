package org.jdpx.tensor;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.jdpx.device.Device;
import org.jdpx.device.Devices;
import org.jdpx.device.Queue;
import org.jdpx.device.UsmType;
import org.jdpx.tensor.fusion.FusedKernels;
import org.jdpx.tensor.fusion.Node;
import org.jdpx.usm.UsmMemory;

/**
 * An n-dimensional array in USM memory, the counterpart of dpctl's {@code usm_ndarray}: a dtype,
 * a shape, strides and an offset in elements over one allocation, and the device, queue and USM
 * kind it lives on. Operations run on that queue and leave their result there (compute follows
 * data); arrays on different queues do not mix until one is moved with {@link #toDevice}.
 *
 * <p>Elementwise results are <em>lazy</em>: {@code a.add(b).multiply(2)} builds a graph that
 * becomes one kernel when the value is needed (a host read, a reduction, an in-place write,
 * {@link #eval()}), see {@link org.jdpx.tensor.fusion.FusionDiagnostics}. Nothing is ever
 * converted to Java implicitly: reading elements is an explicit call ({@link #toFloatArray()},
 * {@link #item()}, ...).
 *
 * <p>Arrays are not thread-safe for concurrent writes, like NumPy's. Memory is returned to the
 * device pool when the last array using it is garbage collected, or, for arrays made inside an
 * {@link ArrayScope}, when the scope closes.
 */
public final class UsmNdArray {
    private final DType dtype;
    private final long[] shape;
    private final Queue queue;
    private final UsmType usmType;
    private Node.Leaf leaf;
    private Node pending;
    /** The open scope this array belongs to (it is released when that scope closes), or null. */
    ArrayScope scope;
    private boolean released;

    private UsmNdArray(DType dtype, long[] shape, Queue queue, UsmType usmType, Node.Leaf leaf, Node pending) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.queue = queue;
        this.usmType = usmType;
        this.leaf = leaf;
        this.pending = pending;
        ArrayScope.made(this);
    }

    /**
     * An array over existing USM memory (no copy): how kernels' outputs, interop buffers and
     * higher layers become arrays. The view must lie inside the memory.
     *
     * @throws IllegalArgumentException when {@code queue} is not on the memory's device or the
     *         view reaches outside the allocation
     */
    public static UsmNdArray wrap(UsmMemory memory, View view, DType dtype, Queue queue) {
        if (queue.device() != memory.device()) {
            throw new IllegalArgumentException("queue " + queue + " is not on the memory's device "
                    + memory.device().filterString());
        }
        long lo = view.offset();
        long hi = view.offset();
        for (int a = 0; a < view.rank(); a++) {
            if (view.shape()[a] == 0) return over(memory, view, dtype, queue);
            long reach = (view.shape()[a] - 1) * view.strides()[a];
            if (reach < 0) lo += reach; else hi += reach;
        }
        if (lo < 0 || (hi + 1) * dtype.itemSize() > memory.byteSize()) {
            throw new IllegalArgumentException(view + " of " + dtype + " reaches outside an allocation of "
                    + memory.byteSize() + " bytes");
        }
        return over(memory, view, dtype, queue);
    }

    /** An array over existing memory; {@code queue} must be on the memory's device. */
    static UsmNdArray over(UsmMemory memory, View view, DType dtype, Queue queue) {
        return new UsmNdArray(dtype, view.shape(), queue, memory.kind(), new Node.Leaf(memory, view, dtype), null);
    }

    /** A lazy array computing {@code graph} on {@code queue} when needed. */
    static UsmNdArray lazy(Node graph, Queue queue, UsmType usmType) {
        UsmNdArray a = new UsmNdArray(graph.dtype(), graph.shape(), queue, usmType, null, graph);
        PendingReads.register(a, graph);
        return a;
    }

    /** A new uninitialized C- or F-order array. */
    public static UsmNdArray allocate(long[] shape, DType dtype, Queue queue, UsmType usmType, char order) {
        UsmMemory m = newMemory(shape, dtype, queue, usmType);
        long[] strides = order == 'F' ? Shapes.fStrides(shape) : Shapes.cStrides(shape);
        UsmNdArray a = over(m, new View(shape, strides, 0), dtype, queue);
        ArrayScope.adopt(m, a);
        return a;
    }

    /** Memory for {@code shape}'s elements of {@code dtype} (one element at least). */
    private static UsmMemory newMemory(long[] shape, DType dtype, Queue queue, UsmType usmType) {
        return UsmMemory.allocate(queue, usmType, Math.max(1, Shapes.size(shape)) * dtype.itemSize());
    }

    // ---- what it is ----

    /** The element type. */
    public DType dtype() { return dtype; }

    /** The extent of every axis (a copy). */
    public long[] shape() { return shape.clone(); }

    /** Number of axes (0 for a scalar array). */
    public int ndim() { return shape.length; }

    /** Number of elements. */
    public long size() { return Shapes.size(shape); }

    /** The element step of every axis; computes a lazy array first. */
    public long[] strides() { return leaf().view().strides(); }

    /** The device the array lives on. */
    public Device device() { return queue.device(); }

    /** The queue its operations run on (dpctl's {@code sycl_queue}). */
    public Queue queue() { return queue; }

    /** The USM kind of its memory (dpctl's {@code usm_type}). */
    public UsmType usmType() { return usmType; }

    /** Whether the value is still an unevaluated expression. */
    public synchronized boolean isLazy() { return leaf == null; }

    /** Whether the {@link ArrayScope} this array was made in has closed without keeping it: every use of its value then throws. */
    public synchronized boolean isReleased() { return released; }

    /** Marks the array released by its scope and drops its expression; its memory is the scope's business. */
    synchronized void release() {
        released = true;
        pending = null;
    }

    private void checkLive() {
        if (released) {
            throw new IllegalStateException("this " + Shapes.describe(shape) + " " + dtype + " array on "
                    + queue.device().filterString() + " was released when the ArrayScope it was made in closed; "
                    + "pass it to scope.keep(array) inside the scope to use it afterwards");
        }
    }

    /** The allocation behind the array (computing it first), for interop and kernels. */
    public UsmMemory memory() { return leaf().memory(); }

    /** Shape, strides and offset in elements (computing the array first). */
    public View view() { return leaf().view(); }

    // ---- evaluation ----

    /** This array's graph vertex: its expression while lazy, its memory once computed. */
    synchronized Node node() {
        checkLive();
        return leaf != null ? leaf : pending;
    }

    /** The graph vertex, or null once released (for scopes walking what a kept array needs). */
    synchronized Node nodeOrNull() { return released ? null : leaf != null ? leaf : pending; }

    /** The computed array as a graph leaf, launching its kernel if it is still lazy. */
    synchronized Node.Leaf leaf() {
        checkLive();
        if (leaf == null) {
            Node.Leaf out = new Node.Leaf(newMemory(shape, dtype, queue, usmType), View.contiguous(shape), dtype);
            FusedKernels.evaluate(pending, out, queue, "value needed");
            leaf = out;
            pending = null;
            ArrayScope.adopt(out.memory(), this);
        }
        return leaf;
    }

    /** Replaces a lazy array's expression by {@code move}'s rewrite of it; returns the new one (null once computed). */
    synchronized Node rebase(java.util.function.UnaryOperator<Node> move) {
        if (leaf != null || released) return null;
        pending = move.apply(pending);
        return pending;
    }

    /** Records that a kernel has already written this lazy array's value into {@code l}. */
    synchronized void computedAs(Node.Leaf l) {
        if (leaf == null && !released) {
            leaf = l;
            pending = null;
            ArrayScope.adopt(l.memory(), this);
        }
    }

    /** Computes the array now if it is lazy (one kernel) and returns it; does not wait for the kernel. */
    public UsmNdArray eval() {
        leaf();
        return this;
    }

    /** Computes the array and waits until its queue has finished all work, as {@code dpctl}'s {@code wait}. */
    public UsmNdArray sync() {
        eval();
        queue.finish();
        return this;
    }

    // ---- host transfer (HostReads does the work) ----

    /** The elements in C order in a new host segment (waits for the device). */
    public MemorySegment toHostSegment() { return HostReads.segment(this); }

    /** This array itself when it is computed, C-contiguous and of dtype {@code t}; else such a copy, computed. */
    UsmNdArray contiguousAs(DType t) {
        if (t == dtype && !isLazy() && view().isCContiguous()) return this;
        return (t == dtype ? copy() : astype(t)).eval();
    }

    /** The elements in C order as floats (converted from the dtype as NumPy's astype would). */
    public float[] toFloatArray() { return HostReads.floats(this); }

    /**
     * The elements in C order as doubles.
     *
     * @throws IllegalArgumentException for a complex array (use {@link #toComplexDoubleArray()})
     */
    public double[] toDoubleArray() { return HostReads.doubles(this); }

    /**
     * The elements in C order as interleaved (real, imaginary) pairs: {@code 2 * size()} doubles,
     * element {@code i}'s real part at {@code 2i} and imaginary part at {@code 2i + 1} (the
     * layout NumPy stores complex128 in). A real array gives zero imaginary parts.
     */
    public double[] toComplexDoubleArray() { return HostReads.complexDoubles(this); }

    /** The elements as interleaved (real, imaginary) float pairs, as {@link #toComplexDoubleArray()}. */
    public float[] toComplexFloatArray() {
        double[] d = toComplexDoubleArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }

    /**
     * The elements of a float16 array in C order as their IEEE binary16 bits (NumPy's
     * {@code x.view(np.uint16)}); {@link Float#float16ToFloat} reads one.
     *
     * @throws IllegalArgumentException when the array is not float16
     */
    public short[] toFloat16Bits() { return HostReads.float16Bits(this); }

    /** The elements in C order as longs (floats truncated toward zero). */
    public long[] toLongArray() { return HostReads.longs(this); }

    /** The elements in C order as ints (wrapped like a Java cast). */
    public int[] toIntArray() { return HostReads.ints(this); }

    /** The elements in C order as booleans (non-zero is true). */
    public boolean[] toBooleanArray() { return HostReads.booleans(this); }

    /**
     * The value of a one-element array as a double (NumPy's {@code item()}).
     *
     * @throws IllegalArgumentException when the array has more than one element
     */
    public double item() {
        checkOne();
        HostReads.refuseComplex(this, "item", "itemComplex()");
        return toDoubleArray()[0];
    }

    /** The value of a one-element array as a {@link Complex} (a real one's with zero imaginary part). */
    public Complex itemComplex() {
        checkOne();
        double[] d = toComplexDoubleArray();
        return new Complex(d[0], d[1]);
    }

    /** The value of a one-element integer array as a long. */
    public long itemLong() {
        checkOne();
        return toLongArray()[0];
    }

    private void checkOne() {
        if (size() != 1) {
            throw new IllegalArgumentException("can only convert an array of size 1 to a Java scalar, this one has shape "
                    + Shapes.describe(shape) + "; index it first");
        }
    }

    // ---- views ----

    private UsmNdArray withView(View v) {
        Node.Leaf l = leaf();
        return over(l.memory(), v, dtype, queue);
    }

    /**
     * A view selected by a NumPy basic index such as {@code "1:, ::-1"}, {@code "..., None"}, {@code "0"}.
     * No data is copied; writing through the view writes this array.
     *
     * @throws IndexOutOfBoundsException when an integer index is outside its axis
     */
    public UsmNdArray get(String index) {
        return get(Index.parse(index));
    }

    /** A view selected by basic index components (see {@link Index}). */
    public UsmNdArray get(Index... index) {
        return withView(view().index(index));
    }

    /** The element or sub-array at integer positions along the first axes (a view). */
    public UsmNdArray get(long... position) {
        Index[] idx = new Index[position.length];
        for (int i = 0; i < position.length; i++) idx[i] = Index.at(position[i]);
        return get(idx);
    }

    /**
     * Advanced indexing (a copy): with a bool array of this array's shape, the selected
     * elements in C order (1-D); with an integer array, the sub-arrays along axis 0 it names
     * (negative positions count from the end), as NumPy's {@code x[mask]} and {@code x[idx]}.
     *
     * @throws IndexOutOfBoundsException when an index is outside the axis
     * @throws IllegalArgumentException when a mask's shape differs from this array's
     */
    public UsmNdArray get(UsmNdArray index) {
        return index.dtype() == DType.BOOL ? AdvancedIndexing.mask(this, index) : take(index, 0);
    }

    /** The sub-arrays at integer positions {@code indices} along {@code axis} (a copy, NumPy's {@code take}). */
    public UsmNdArray take(UsmNdArray indices, int axis) {
        return AdvancedIndexing.take(this, indices, axis);
    }

    /**
     * Writes {@code value} (an array or a Java scalar, broadcast) into the elements a basic
     * index selects, on this array's queue.
     *
     * @throws org.jdpx.device.ExecutionPlacementError when {@code value} lives on another queue
     */
    public UsmNdArray set(String index, Object value) {
        get(index).assign(value);
        return this;
    }

    /** Writes {@code value} (array or scalar, broadcast) into every element of this array. */
    public UsmNdArray assign(Object value) {
        Node v = Elementwise.operand(value, this, "assign");
        Node.Leaf l = leaf();
        boolean fits;
        try {
            fits = Arrays.equals(Shapes.broadcast(v.shape(), shape), shape);
        } catch (IllegalArgumentException e) {
            fits = false;
        }
        if (!fits) {
            throw new IllegalArgumentException("could not broadcast input array from shape " + Shapes.describe(v.shape())
                    + " into shape " + Shapes.describe(shape));
        }
        Elementwise.writeInto(this, l, v, "assign");
        return this;
    }

    /** The same data with a new shape: a view when the layout allows it, else a copy. One extent may be -1. */
    public UsmNdArray reshape(long... newShape) {
        View v = view().reshape(newShape);
        if (v != null) return withView(v);
        return copy().reshape(newShape);
    }

    /** A flat view or copy. */
    public UsmNdArray ravel() {
        return reshape(-1);
    }

    /**
     * The real part, NumPy's {@code x.real}: for a complex array a view of its real parts (a
     * strided view of the interleaved storage, so writing it writes this array); a real array
     * itself.
     */
    public UsmNdArray real() {
        if (!dtype.isComplex()) return this;
        Node.Leaf part = org.jdpx.tensor.fusion.ComplexParts.part(leaf(), 0);
        return over(part.memory(), part.view(), part.dtype(), queue);
    }

    /**
     * The imaginary part, NumPy's {@code x.imag}: for a complex array a view of its imaginary
     * parts; for a real array a new array of zeros (read-only in NumPy, a plain array here).
     */
    public UsmNdArray imag() {
        if (!dtype.isComplex()) return Tensor.imag(this);
        Node.Leaf part = org.jdpx.tensor.fusion.ComplexParts.part(leaf(), 1);
        return over(part.memory(), part.view(), part.dtype(), queue);
    }

    /** The axes reversed (a view), NumPy's {@code .T}. */
    public UsmNdArray T() {
        int[] axes = new int[ndim()];
        for (int i = 0; i < axes.length; i++) axes[i] = axes.length - 1 - i;
        return permute(axes);
    }

    /** The axes reordered (a view): axis i of the result is axis {@code axes[i]} of this array. */
    public UsmNdArray permute(int... axes) {
        return withView(view().permute(axes));
    }

    /** Two axes exchanged (a view). */
    public UsmNdArray swapaxes(int a, int b) {
        int[] axes = new int[ndim()];
        for (int i = 0; i < axes.length; i++) axes[i] = i;
        a = Shapes.axis(a, ndim());
        b = Shapes.axis(b, ndim());
        axes[a] = b;
        axes[b] = a;
        return permute(axes);
    }

    /** A read view with {@code target} shape (stride 0 on stretched axes). */
    public UsmNdArray broadcastTo(long... target) {
        return withView(view().broadcastTo(target));
    }

    /** Without axes of extent one (a view). */
    public UsmNdArray squeeze() {
        View v = view();
        long[] s = new long[ndim()];
        long[] st = new long[ndim()];
        int k = 0;
        for (int i = 0; i < ndim(); i++) {
            if (shape[i] != 1) {
                s[k] = shape[i];
                st[k++] = v.strides()[i];
            }
        }
        return withView(new View(Arrays.copyOf(s, k), Arrays.copyOf(st, k), v.offset()));
    }

    /** With a new axis of extent one at {@code axis} (a view). */
    public UsmNdArray expandDims(int axis) {
        int a = axis < 0 ? axis + ndim() + 1 : axis;
        if (a < 0 || a > ndim()) {
            throw new IllegalArgumentException("axis " + axis + " is out of bounds for an array of dimension " + (ndim() + 1));
        }
        View v = view();
        long[] s = new long[ndim() + 1];
        long[] st = new long[ndim() + 1];
        for (int i = 0, j = 0; i <= ndim(); i++) {
            if (i == a) {
                s[i] = 1;
                st[i] = 0;
            } else {
                s[i] = shape[j];
                st[i] = v.strides()[j++];
            }
        }
        return withView(new View(s, st, v.offset()));
    }

    // ---- copies and moves ----

    /** A new C-order array with the same values (lazy: fused with whatever reads it next). */
    public UsmNdArray copy() {
        return lazy(node(), queue, usmType);
    }

    /** The values converted to {@code t} (lazy); float64 on a device without fp64 is refused. */
    public UsmNdArray astype(DType t) {
        DTypes.forDevice(t, device(), true);
        if (t == dtype) return copy();
        return lazy(new Node.Cast(t, node()), queue, usmType);
    }

    /** This array on the device a filter string selects (see {@link #toDevice(Queue)}). */
    public UsmNdArray toDevice(String filter) {
        return toDevice(Devices.get(filter).defaultQueue());
    }

    /** This array on {@code device}'s default queue. */
    public UsmNdArray toDevice(Device device) {
        return toDevice(device.defaultQueue());
    }

    /**
     * This array on {@code target}: the same array when the queue is the same; a view of the
     * same memory when only the queue changes on one device (no copy); otherwise a copy through
     * the host, as dpctl's {@code to_device} does.
     *
     * @throws IllegalArgumentException when the array is float64 and the target device has no fp64
     */
    public UsmNdArray toDevice(Queue target) {
        if (target == queue) return this;
        Node.Leaf l = leaf();
        if (target.device() == device()) {
            // The new queue does not see this queue's pending work: let it finish first.
            queue.finish();
            return new UsmNdArray(dtype, shape, target, usmType, l, null);
        }
        DTypes.forDevice(dtype, target.device(), true);
        MemorySegment host = toHostSegment();
        UsmNdArray out = allocate(shape, dtype, target, usmType, 'C');
        if (size() > 0) out.memory().copyFromHost(host);
        return out;
    }

    // ---- arithmetic (lazy, fused) ----

    /** {@code this + other} (array or Java scalar), on this array's queue. */
    public UsmNdArray add(Object other) { return Tensor.add(this, other); }
    /** {@code this - other}. */
    public UsmNdArray subtract(Object other) { return Tensor.subtract(this, other); }
    /** {@code this * other}. */
    public UsmNdArray multiply(Object other) { return Tensor.multiply(this, other); }
    /** {@code this / other} (true division: integers give the default float). */
    public UsmNdArray divide(Object other) { return Tensor.divide(this, other); }
    /** {@code this ** other}. */
    public UsmNdArray pow(Object other) { return Tensor.pow(this, other); }
    /** {@code -this}. */
    public UsmNdArray negative() { return Tensor.negative(this); }
    /** {@code this == other} elementwise, a bool array. */
    public UsmNdArray eq(Object other) { return Tensor.equal(this, other); }
    /** {@code this < other} elementwise. */
    public UsmNdArray lt(Object other) { return Tensor.less(this, other); }
    /** {@code this > other} elementwise. */
    public UsmNdArray gt(Object other) { return Tensor.greater(this, other); }

    /** {@code this += other} in one kernel; returns this. */
    public UsmNdArray addi(Object other) { return Elementwise.inPlace(org.jdpx.tensor.fusion.ElementOp.ADD, this, other); }
    /** {@code this -= other}. */
    public UsmNdArray subi(Object other) { return Elementwise.inPlace(org.jdpx.tensor.fusion.ElementOp.SUBTRACT, this, other); }
    /** {@code this *= other}. */
    public UsmNdArray muli(Object other) { return Elementwise.inPlace(org.jdpx.tensor.fusion.ElementOp.MULTIPLY, this, other); }
    /** {@code this /= other} (float arrays). */
    public UsmNdArray divi(Object other) { return Elementwise.inPlace(org.jdpx.tensor.fusion.ElementOp.DIVIDE, this, other); }

    // ---- reductions ----

    /** Sum of all elements (a 0-d array on this queue). */
    public UsmNdArray sum() { return Tensor.sum(this, null, false); }
    /** Sum over {@code axes}. */
    public UsmNdArray sum(int... axes) { return Tensor.sum(this, axes, false); }
    /** Product of all elements. */
    public UsmNdArray prod() { return Tensor.prod(this, null, false); }
    /** Smallest element. */
    public UsmNdArray min() { return Tensor.min(this, null, false); }
    /** Largest element. */
    public UsmNdArray max() { return Tensor.max(this, null, false); }
    /** Arithmetic mean of all elements. */
    public UsmNdArray mean() { return Tensor.mean(this, null, false); }
    /** Variance of all elements. */
    public UsmNdArray var() { return Tensor.var(this, null, false, 0); }
    /** Standard deviation of all elements. */
    public UsmNdArray std() { return Tensor.std(this, null, false, 0); }
    /** Position of the largest element in the flattened array. */
    public UsmNdArray argmax() { return Tensor.argmax(this, null); }
    /** Position of the smallest element in the flattened array. */
    public UsmNdArray argmin() { return Tensor.argmin(this, null); }
    /** Whether any element is non-zero. */
    public UsmNdArray any() { return Tensor.any(this, null, false); }
    /** Whether all elements are non-zero. */
    public UsmNdArray all() { return Tensor.all(this, null, false); }
    /** Matrix product with {@code other}. */
    public UsmNdArray matmul(UsmNdArray other) { return Tensor.matmul(this, other); }

    // ---- printing ----

    /** NumPy's repr with the device: {@code UsmNdArray([1., 2.], dtype=float32, device=opencl:cpu:0)}. */
    @Override
    public String toString() {
        if (isReleased()) {
            return "UsmNdArray(released by its ArrayScope, shape=" + Shapes.describe(shape) + ", dtype=" + dtype
                    + ", device=" + queue.device().filterString() + ")";
        }
        return ArrayPrinter.repr(this);
    }
}
