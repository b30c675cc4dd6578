package org.jdpx.interop.arrow;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.util.hash.ArrowBufHasher;
import org.apache.arrow.vector.ExtensionTypeVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.types.pojo.Field;

/** A vector of {@link FixedShapeTensorType}: each element one tensor, stored in a {@link FixedSizeListVector}. */
public final class FixedShapeTensorVector extends ExtensionTypeVector<FixedSizeListVector> {

    private final Field field;

    /** A vector over {@code storage}; {@code field}'s type must be a {@link FixedShapeTensorType}. */
    public FixedShapeTensorVector(Field field, BufferAllocator allocator, FixedSizeListVector storage) {
        super(field, allocator, storage);
        this.field = field;
    }

    /** The field with the extension type (Arrow's base class would report the storage's). */
    @Override
    public Field getField() {
        return new Field(field.getName(), field.getFieldType(), getUnderlyingVector().getField().getChildren());
    }

    /** The extension type, with the shape and permutation. */
    public FixedShapeTensorType tensorType() {
        return (FixedShapeTensorType) getField().getType();
    }

    /** Tensor {@code index}'s elements in physical order, as a list (or {@code null}). */
    @Override
    public Object getObject(int index) {
        return getUnderlyingVector().getObject(index);
    }

    @Override
    public int hashCode(int index) {
        return getUnderlyingVector().hashCode(index);
    }

    @Override
    public int hashCode(int index, ArrowBufHasher hasher) {
        return getUnderlyingVector().hashCode(index, hasher);
    }
}
