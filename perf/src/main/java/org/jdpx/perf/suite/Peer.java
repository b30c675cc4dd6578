package org.jdpx.perf.suite;

/**
 * A baseline measured in this process next to a workload: what a user would pick instead, or a
 * bound (plain Java, Aparapi, raw OpenCL, memcpy).
 *
 * @param name the baseline's name in the report ({@code java1}, {@code aparapiOpenCL}, ...)
 * @param body prepares one trial of the baseline at a size
 */
public record Peer(String name, HostBody body) {

    /** Prepares a baseline trial at a size. */
    @FunctionalInterface
    public interface HostBody {
        /** Allocates and fills what the baseline needs and returns its trial. */
        Trial open(long size) throws Exception;
    }
}
