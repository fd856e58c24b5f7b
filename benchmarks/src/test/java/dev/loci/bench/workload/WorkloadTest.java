package dev.loci.bench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.Event;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadTest {
    private static final WorkloadSettings SMALL = WorkloadSettings.DEFAULT.withObjectCount(2_000);

    @Test
    void sameSeedGivesTheSameWorkload() {
        Workload first = Workload.generate(SMALL);
        Workload second = Workload.generate(SMALL);
        assertThat(second.world().objects()).isEqualTo(first.world().objects());
        assertThat(second.observations().nextBatch(5_000)).isEqualTo(first.observations().nextBatch(5_000));
        assertThat(take(second.events(), 5_000)).isEqualTo(take(first.events(), 5_000));
        assertThat(Workload.generate(SMALL.withSeed(7)).world().objects()).isNotEqualTo(first.world().objects());
    }

    @Test
    void objectsStandInsideTheBuildingBetweenFloorAndTwoMetres() {
        World world = Workload.generate(WorkloadSettings.DEFAULT).world();
        assertThat(world.objects()).hasSize(20_000);
        Set<String> classes = new HashSet<>();
        for (WorldObject object : world.objects()) {
            Vec3 c = object.center();
            assertThat(c.x()).isBetween(0.0, Building.WIDTH);
            assertThat(c.y()).isBetween(0.0, Building.DEPTH);
            assertThat(c.z() - object.size().z() / 2).isBetween(0.0, 2.0);
            assertThat(c.z() + object.size().z() / 2).isLessThanOrEqualTo(2.5);
            classes.add(object.label());
        }
        assertThat(classes).hasSize(50);
    }

    @Test
    void observationsCarrySmallNoiseAndTimeIncreasesPerRobot() {
        Workload workload = Workload.generate(SMALL);
        ObservationStream stream = workload.observations();
        Map<String, Long> lastTime = new HashMap<>();
        double sumSquares = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            Observation o = stream.next();
            long previous = lastTime.getOrDefault(o.robot().name(), Long.MIN_VALUE);
            assertThat(o.time().nanos()).isGreaterThanOrEqualTo(previous);
            lastTime.put(o.robot().name(), o.time().nanos());
            assertThat(o.confidence()).isBetween(0.5, 1.0);
            assertThat(o.sensorPose().position().distanceTo(o.box().center())).isLessThan(5.0);
            WorldObject truth = nearestOfClass(workload.world(), o);
            double dx = o.box().center().x() - truth.center().x();
            sumSquares += dx * dx;
        }
        assertThat(lastTime).hasSize(4);
        assertThat(Math.sqrt(sumSquares / n)).isBetween(0.045, 0.055);
    }

    @Test
    void eventTimesIncreasePerRobotAndAllTypesOccur() {
        EventStream stream = Workload.generate(SMALL).events();
        Map<String, Long> lastTime = new HashMap<>();
        Set<Object> types = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            Event e = stream.next();
            assertThat(e.time().nanos()).isGreaterThan(lastTime.getOrDefault(e.robot().name(), 0L));
            lastTime.put(e.robot().name(), e.time().nanos());
            types.add(e.type());
        }
        assertThat(lastTime).hasSize(4);
        assertThat(types).hasSize(7);
    }

    /** The benchmark's claim "1M observations fuse into ~20k objects" rests on this. */
    @Test
    void everyObjectSeenFusesIntoExactlyOneRememberedObject(@TempDir Path dir) throws Exception {
        Workload workload = Workload.generate(SMALL);
        ObservationStream stream = workload.observations();
        // A bulk submitter may wait longer for room: on a loaded machine 1 s refused a few batches (queue full).
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT.withOfferTimeout(java.time.Duration.ofMinutes(1)))) {
            for (List<Observation> batch : stream.nextBatches(100_000, 100)) {
                runtime.ingestAll(batch);
            }
            runtime.flush();
            assertThat(runtime.stats().observations()).isEqualTo(100_000);
            assertThat(runtime.stats().objects()).isEqualTo(stream.distinctObjectsSeen());
        }
        assertThat(stream.distinctObjectsSeen()).isGreaterThan(1_900);
    }

    private static List<Event> take(EventStream stream, int n) {
        return java.util.stream.Stream.generate(stream::next).limit(n).toList();
    }

    private static WorldObject nearestOfClass(World world, Observation o) {
        return world.objects().stream().filter(w -> w.label().equals(o.label()))
                .min((a, b) -> Double.compare(a.center().distanceSquaredTo(o.box().center()),
                        b.center().distanceSquaredTo(o.box().center())))
                .orElseThrow();
    }
}
