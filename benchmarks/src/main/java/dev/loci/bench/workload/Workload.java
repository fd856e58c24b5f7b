package dev.loci.bench.workload;

import dev.loci.spatial.provenance.RobotId;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Entry point of the generator: a generated {@link World} and fresh streams of observations and events over
 * it. Each call to {@link #observations()} or {@link #events()} starts the same sequence from the beginning.
 */
public final class Workload {
    private final WorkloadSettings settings;
    private final World world;

    private Workload(WorkloadSettings settings, World world) {
        this.settings = settings;
        this.world = world;
    }

    public static Workload generate(WorkloadSettings settings) {
        return new Workload(settings, World.generate(settings));
    }

    public WorkloadSettings settings() {
        return settings;
    }

    public World world() {
        return world;
    }

    public ObservationStream observations() {
        return new ObservationStream(world, settings);
    }

    public EventStream events() {
        return new EventStream(settings);
    }

    public List<RobotId> robots() {
        return IntStream.range(0, settings.robotCount()).mapToObj(RobotWalker::robotName).toList();
    }
}
