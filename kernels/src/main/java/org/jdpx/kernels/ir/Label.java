package org.jdpx.kernels.ir;

/** Names a {@link Stmt.Loop} or {@link Stmt.Block} so {@link Stmt.Break} and {@link Stmt.Continue} can target it. */
public final class Label {
    private final String name;

    /** A label with a name hint. */
    public Label(String name) { this.name = name; }

    /** The name hint. */
    public String name() { return name; }

    @Override
    public String toString() { return name; }
}
