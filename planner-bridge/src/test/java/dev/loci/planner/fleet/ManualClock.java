package dev.loci.planner.fleet;

import dev.loci.spatial.provenance.Timestamp;
import java.time.Duration;

/** Simulated time that moves only when a test moves it. */
final class ManualClock implements TimeSource {
    private Timestamp now = Timestamp.ofSeconds(100);

    @Override
    public Timestamp now() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }
}
