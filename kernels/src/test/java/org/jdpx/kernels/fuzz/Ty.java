package org.jdpx.kernels.fuzz;

/** The Java types of generated expressions. */
enum Ty {
    INT("int", "0"), LONG("long", "0L"), FLOAT("float", "0f"), DOUBLE("double", "0.0"), BOOL("boolean", "false");

    final String java;
    private final String zero;

    Ty(String java, String zero) {
        this.java = java;
        this.zero = zero;
    }

    String zero() { return zero; }

    boolean integral() { return this == INT || this == LONG; }

    boolean floating() { return this == FLOAT || this == DOUBLE; }
}
