package com.example.consumer;

import org.jdpx.kernels.FloatArray;
import org.jdpx.kernels.Parallel;

/** A prange method: called directly it is serial Java; through {@code Prange.compile} the loop runs on a device. */
public final class Dot {
    private Dot() { }

    /** The dot product of two float32 vectors of equal length; the sum reduction is inferred. */
    public static float dot(FloatArray a, FloatArray b) {
        float s = 0f;
        for (@Parallel int i = 0; i < a.length(); i++) {
            s += a.get(i) * b.get(i);
        }
        return s;
    }
}
