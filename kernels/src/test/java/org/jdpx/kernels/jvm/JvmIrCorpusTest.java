package org.jdpx.kernels.jvm;

import java.util.stream.Stream;
import org.jdpx.kernels.KernelCompiler;
import org.jdpx.kernels.corpus.Cases;
import org.jdpx.kernels.corpus.Corpus;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every corpus kernel through the third target: its IR turned into JVM bytecode by {@link JvmEmitter}
 * and run on the java device's threads, checked against the corpus's plain-Java reference.
 */
class JvmIrCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusKernelRunsFromItsIr() {
        return Cases.all().stream().map(c -> DynamicTest.dynamicTest(c.kernel(), () -> {
            Object[] args = c.args().get();
            JvmKernelRunner.runIr(KernelCompiler.compile(Corpus.class, c.kernel()), c.global(), c.local(), args);
            c.check().accept(args);
        }));
    }
}
