package org.jdpx.device.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link NativeChain} calls C functions in order, with their arguments, and returns to the caller. */
class NativeChainTest {

    private static final boolean GLIBC_LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
            && Linker.nativeLinker().defaultLookup().find("gnu_get_libc_version").isPresent();

    @Test
    void callsRunInOrderWithTheirArgumentsAndControlComesBack() throws Throwable {
        assertEquals(GLIBC_LINUX, NativeChain.bind().isPresent(), "the chain exists exactly on Linux with glibc");
        if (!GLIBC_LINUX) {
            return;
        }
        MemorySegment setenv = Linker.nativeLinker().defaultLookup().findOrThrow("setenv");
        try (Arena a = Arena.ofConfined()) {
            MemorySegment name = a.allocateFrom("JDPX_NATIVE_CHAIN_TEST");
            List<NativeChain.Call> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                // setenv(name, value, overwrite): the last call wins when they run in order; overwrite=0 on the
                // first call still sets the variable, which was unset.
                calls.add(new NativeChain.Call(setenv, name.address(), a.allocateFrom("v" + i).address(), i == 0 ? 0 : 1));
            }
            NativeChain.bind().orElseThrow().run(calls);
            MemorySegment value = (MemorySegment) NativeSignals.libc().orElseThrow().getenv().invokeExact(name);
            assertEquals("v39", value.reinterpret(16).getString(0), "after 40 calls in one downcall");
            NativeChain.bind().orElseThrow().run(List.of()); // nothing to call is no error
            // The calling thread goes on normally, Java frames intact, and can chain again.
            calls.add(new NativeChain.Call(setenv, name.address(), a.allocateFrom("again").address(), 1));
            NativeChain.bind().orElseThrow().run(calls);
            value = (MemorySegment) NativeSignals.libc().orElseThrow().getenv().invokeExact(name);
            assertTrue(value.reinterpret(16).getString(0).equals("again"));
        }
    }
}
