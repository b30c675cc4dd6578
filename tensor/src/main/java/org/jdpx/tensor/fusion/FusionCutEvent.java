package org.jdpx.tensor.fusion;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/** JFR event: lazy fusion cut a graph short (computed part of it first) and why. */
@Name("jdpx.FusionCut")
@Label("Fusion Cut")
@Category({"jdpx", "Arrays"})
@Description("An array expression graph computed in more kernels than one because fusion had to stop; the reason says why")
final class FusionCutEvent extends jdk.jfr.Event {
    @Label("Reason")
    String reason;

    static void emit(String reason) {
        FusionCutEvent e = new FusionCutEvent();
        if (e.shouldCommit()) {
            e.reason = reason;
            e.commit();
        }
    }
}
