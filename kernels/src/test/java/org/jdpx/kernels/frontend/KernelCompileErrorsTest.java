package org.jdpx.kernels.frontend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdpx.kernels.KernelCompileException;
import org.jdpx.kernels.KernelCompiler;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One refused construct per kernel: the exception names the kernel, the file and the exact line, and the construct. */
class KernelCompileErrorsTest {
    private static final Path SOURCE = Path.of("src/test/java/org/jdpx/kernels/frontend/NegativeKernels.java");

    static int markedLine(String kernel) throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).endsWith("// BAD:" + kernel)) return i + 1;
        throw new AssertionError("no marker for " + kernel);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "newObject         | object allocation 'new java.lang.StringBuilder' is not allowed in a kernel",
        "dynamicArray      | non-constant array size",
        "throwsException   | exception 'new java.lang.IllegalStateException' (throwing exceptions) is not allowed",
        "usesString        | string use (\"kernel\") is not allowed in a kernel",
        "virtualCall       | call of method 'NegativeKernels$Holder.twice' on an object",
        "synchronizedBlock | synchronized blocks (monitorenter) are not allowed",
        "instanceField     | instance field access 'NegativeKernels$Holder.value' (getfield) is not allowed",
        "nonFinalStatic    | read of non-final static field 'NegativeKernels.counter' is not allowed",
        "staticArray       | array access on static field 'NegativeKernels.TABLE' of type int[]",
        "lambda            | invokedynamic",
        "recursion         | recursion (NegativeKernels.factorial calls itself directly or indirectly)",
        "nonVoid           | a kernel must return void (non-void return type int)",
        "noContext         | the first parameter of a kernel must be a KernelContext",
        "tryCatch          | exception handling (try/catch/finally) is not allowed",
        "dynamicDimension  | the dimension of globalId() must be a compile-time constant",
        "localInHelperCaller | localFloats() must be called in the kernel method itself",
    })
    void refusedWithLine(String kernel, String construct) throws IOException {
        KernelCompileException e = assertThrows(KernelCompileException.class, () -> KernelCompiler.compile(NegativeKernels.class, kernel));
        String msg = e.getMessage();
        int line = markedLine(kernel);
        assertTrue(msg.startsWith("kernel NegativeKernels." + kernel), msg);
        assertTrue(msg.contains("(NegativeKernels.java:" + line + "): "), "expected line " + line + " in: " + msg);
        assertTrue(msg.contains(construct), "expected construct '" + construct + "' in: " + msg);
        assertEquals(line, e.line());
    }
}
