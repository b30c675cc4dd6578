package org.jdpx.kernels.jvm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import org.jdpx.kernels.corpus.Corpus;
import org.junit.jupiter.api.Test;

/**
 * How the java device hosts kernels that divide (the results are checked on every device by the
 * corpus cases divisionByZero and divisionInOtherClass): a kernel dividing in itself and in its
 * nest keeps the fast generated loop, calling a copy; one dividing in another class's helper
 * runs its IR; one that never divides is called as itself.
 */
class DivisionCopiesTest {
    private static Method corpus(String name) {
        for (Method m : Corpus.class.getDeclaredMethods()) if (m.getName().equals(name)) return m;
        throw new AssertionError("no corpus kernel " + name);
    }

    @Test
    void divisionsInTheKernelsNestRunAsACopyInTheGeneratedLoop() {
        JvmLoops.Hosted h = JvmLoops.hostFor(corpus("divisionByZero"));
        assertFalse(h.runIr());
        assertNotNull(h.loop(), "the fast loop stays");
        assertNotNull(h.kernel(), "the kernel runs as a copy");
        assertTrue(h.kernel().type().parameterCount() == corpus("divisionByZero").getParameterCount());
    }

    @Test
    void aDivisionInAnotherClassesHelperRunsTheIr() {
        assertTrue(JvmLoops.hostFor(corpus("divisionInOtherClass")).runIr());
    }

    @Test
    void kernelsThatNeverDivideRunAsThemselves() {
        JvmLoops.Hosted h = JvmLoops.hostFor(corpus("vecAdd"));
        assertFalse(h.runIr());
        assertNull(h.kernel());
        assertNotNull(h.loop());
    }
}
