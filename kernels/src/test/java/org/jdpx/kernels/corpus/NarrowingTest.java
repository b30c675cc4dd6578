package org.jdpx.kernels.corpus;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jdpx.device.Aspect;
import org.jdpx.device.Device;
import org.jdpx.device.testing.TestDevices;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A narrowed double expression that float arithmetic would round differently runs in double,
 * bit-exact against Java, on every device with fp64; a device without fp64 refuses the kernel
 * with a message naming the line of the narrowing and how to write it in float.
 */
class NarrowingTest {

    static int markedLine() throws java.io.IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/org/jdpx/kernels/corpus/Corpus.java"));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).endsWith("// NARROW")) return i + 1;
        throw new AssertionError("no // NARROW marker in Corpus.java");
    }

    @TestFactory
    Stream<DynamicTest> doubleNarrowingOnEveryDevice() {
        Case c = Cases.all().stream().filter(x -> x.kernel().equals("doubleNarrowing")).findFirst().orElseThrow();
        return TestDevices.all().map(d -> DynamicTest.dynamicTest(d.filterString(), () -> run(c, d)));
    }

    private static void run(Case c, Device d) throws Exception {
        Object[] args = c.args().get();
        if (d.aspects().contains(Aspect.FP64)) {
            OnDevice.launch(d, CorpusTest.kernel(c.kernel()).method(), c.global(), c.local(), args);
            c.check().accept(args);
            return;
        }
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> OnDevice.launch(d, CorpusTest.kernel(c.kernel()).method(), c.global(), c.local(), args));
        String msg = e.getMessage();
        assertTrue(msg.contains("kernel doubleNarrowing needs aspect fp64 which device " + d.filterString() + " lacks"), msg);
        assertTrue(msg.contains("Corpus.doubleNarrowing (Corpus.java:" + markedLine() + ") casts a double expression with (float)"
                + " that float arithmetic would round differently"), msg);
        assertTrue(msg.contains("write it in float (float operands, literals like 0.1f)"), msg);
    }
}
