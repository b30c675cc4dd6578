package org.jdpx.interop.arrow;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.ExtensionTypeRegistry;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Arrow's canonical extension type {@code arrow.fixed_shape_tensor}: each element of the array is
 * one tensor of a fixed shape, stored as a {@code FixedSizeList} of its elements in row-major order
 * of the <em>physical</em> shape. Metadata is JSON: {@code "shape"} (physical) and, when the
 * logical axes are ordered differently, {@code "permutation"}: logical axis {@code i} is physical
 * axis {@code permutation[i]}. Registered with Arrow's extension registry when this class loads,
 * so Arrow Java's importers build {@link FixedShapeTensorVector}s.
 */
public final class FixedShapeTensorType extends ArrowType.ExtensionType {

    /** The canonical extension name. */
    public static final String NAME = "arrow.fixed_shape_tensor";

    private static final Pattern SHAPE = Pattern.compile("\"shape\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern PERMUTATION = Pattern.compile("\"permutation\"\\s*:\\s*\\[([^\\]]*)\\]");

    static {
        ExtensionTypeRegistry.register(new FixedShapeTensorType(new long[0], null));
    }

    private final long[] shape;
    private final int[] permutation;

    /**
     * @param shape       the physical shape of each tensor
     * @param permutation logical-to-physical axis order, or {@code null} for the identity
     * @throws IllegalArgumentException when the permutation is not one of the axes
     */
    public FixedShapeTensorType(long[] shape, int[] permutation) {
        this.shape = shape.clone();
        if (permutation != null) {
            int[] sorted = permutation.clone();
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                if (sorted[i] != i || sorted.length != shape.length) {
                    throw new IllegalArgumentException("permutation " + Arrays.toString(permutation)
                            + " is not an ordering of the " + shape.length + " axes");
                }
            }
        }
        this.permutation = permutation == null ? null : permutation.clone();
    }

    /** Makes sure the type is registered with Arrow before an import looks for it. */
    static void register() {
        // The static initializer did it.
    }

    /** The physical shape of each tensor. */
    public long[] shape() {
        return shape.clone();
    }

    /** The permutation, or {@code null} when the logical order is the physical one. */
    public int[] permutation() {
        return permutation == null ? null : permutation.clone();
    }

    /** The shape of each tensor as its user sees it: {@code shape[permutation[i]]}. */
    public long[] logicalShape() {
        long[] out = new long[shape.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = shape[permutation == null ? i : permutation[i]];
        }
        return out;
    }

    /** Elements per tensor. */
    public int listSize() {
        long n = 1;
        for (long e : shape) {
            n *= e;
        }
        return Math.toIntExact(n);
    }

    @Override
    public ArrowType storageType() {
        return new ArrowType.FixedSizeList(listSize());
    }

    @Override
    public String extensionName() {
        return NAME;
    }

    @Override
    public boolean extensionEquals(ArrowType.ExtensionType other) {
        return other instanceof FixedShapeTensorType t && Arrays.equals(shape, t.shape)
                && Arrays.equals(permutation, t.permutation);
    }

    @Override
    public String serialize() {
        StringBuilder b = new StringBuilder("{\"shape\":").append(json(shape));
        if (permutation != null) {
            b.append(",\"permutation\":").append(json(Arrays.stream(permutation).asLongStream().toArray()));
        }
        return b.append('}').toString();
    }

    private static String json(long[] a) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < a.length; i++) {
            b.append(i > 0 ? "," : "").append(a[i]);
        }
        return b.append(']').toString();
    }

    /**
     * @throws IllegalArgumentException when the storage is not a fixed-size list or the metadata
     *         has no shape
     */
    @Override
    public ArrowType deserialize(ArrowType storageType, String serializedData) {
        if (!(storageType instanceof ArrowType.FixedSizeList)) {
            throw new IllegalArgumentException(NAME + " must be stored as a FixedSizeList, not " + storageType);
        }
        Matcher s = SHAPE.matcher(serializedData);
        if (!s.find()) {
            throw new IllegalArgumentException(NAME + " metadata has no \"shape\": " + serializedData);
        }
        Matcher p = PERMUTATION.matcher(serializedData);
        int[] perm = p.find() ? Arrays.stream(numbers(p.group(1))).mapToInt(Math::toIntExact).toArray() : null;
        return new FixedShapeTensorType(numbers(s.group(1)), perm);
    }

    private static long[] numbers(String list) {
        String t = list.trim();
        return t.isEmpty() ? new long[0] : Arrays.stream(t.split(",")).mapToLong(x -> Long.parseLong(x.trim())).toArray();
    }

    @Override
    public FieldVector getNewVector(String name, FieldType fieldType, BufferAllocator allocator) {
        FixedSizeListVector storage = new FixedSizeListVector(name, allocator,
                new FieldType(fieldType.isNullable(), storageType(), null), null);
        return new FixedShapeTensorVector(new Field(name, fieldType, null), allocator, storage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedShapeTensorType t && extensionEquals(t);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape) * 31 + Arrays.hashCode(permutation);
    }
}
