package dev.loci.planner.fleet;

import dev.loci.spatial.provenance.Timestamp;

/**
 * The fleet's clock: robot or simulation time, or wall time for a real deployment. Failure detection and task
 * records use it, never the wall clock directly, so tests and simulations are deterministic.
 */
@FunctionalInterface
public interface TimeSource {
    Timestamp now();

    /** Wall time in nanoseconds since the Unix epoch, at millisecond resolution. */
    static TimeSource wallClock() {
        return () -> Timestamp.ofNanos(System.currentTimeMillis() * 1_000_000L);
    }
}
