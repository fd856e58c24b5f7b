package dev.loci.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectMemory;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeTravelTest {
    private static final RobotId ROBOT = RobotId.of("walker");

    @TempDir
    Path dir;

    /** What memory believed right after a step was committed: the ground truth time travel must reproduce. */
    private record Belief(long atNanos, Map<Long, ObjectState> objects, double battery) {
    }

    @Test
    void reconstructsWhatMemoryBelievedAtRandomInstants() throws Exception {
        Random random = new Random(17);
        List<Belief> truth = new ArrayList<>();
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            Vec3[] places = {new Vec3(1, 0, 0.5), new Vec3(1, 2, 0.5), new Vec3(4, 1, 0.5)};
            for (int step = 1; step <= 60; step++) {
                Timestamp now = Timestamp.ofNanos(step * 1_000_000_000L);
                Pose pose = Pose.of(random.nextDouble() * 4, random.nextDouble() * 2, 1, random.nextDouble() * 6.28);
                List<Observation> seen = new ArrayList<>();
                for (int k = 0; k < places.length; k++) {
                    if (random.nextInt(4) == 0) {
                        places[k] = places[k].plus(new Vec3(random.nextGaussian() * 0.1, random.nextGaussian() * 0.1, 0));
                    }
                    if (random.nextBoolean()) {
                        seen.add(new Observation(ROBOT, now, "camera", pose, "box_" + k, new TreeMap<>(),
                                Aabb.centered(places[k], new Vec3(0.2, 0.2, 0.2)), 0.8, Optional.empty(),
                                Optional.empty()));
                    }
                }
                runtime.ingestFrame(new SensorFrame(ROBOT, now, "camera", pose, FieldOfView.RGBD, seen,
                        Optional.empty()));
                double battery = 1 - step / 100.0;
                runtime.updateProfile(profile(battery, pose, now), "monitor");
                runtime.flush();
                Map<Long, ObjectState> believed = new TreeMap<>();
                for (int id = 1; runtime.object(id).isPresent(); id++) {
                    RememberedObject o = runtime.object(id).get();
                    believed.put(o.id(), new ObjectState(o.id(), o.label(), o.position(), o.status(), o.confidence(),
                            now, o.version()));
                }
                truth.add(new Belief(now.nanos(), believed, battery));
            }
        }
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            for (int probe = 0; probe < 200; probe++) {
                long t = 1_000_000_000L + (long) (random.nextDouble() * 60_000_000_000L);
                Belief expected = truth.stream().filter(b -> b.atNanos <= t).reduce((a, b) -> b).orElseThrow();
                WorldState state = runtime.stateAt(Timestamp.ofNanos(t));
                assertThat(state.objects()).as("objects at t=%d", t).hasSize(expected.objects.size());
                for (ObjectState actual : state.objects()) {
                    ObjectState believed = expected.objects.get(actual.id());
                    assertThat(actual.position().distanceTo(believed.position()))
                            .isLessThanOrEqualTo(ObjectMemory.HISTORY_RESOLUTION_METERS);
                    assertThat(actual.status()).isEqualTo(believed.status());
                    assertThat(actual.version()).isLessThanOrEqualTo(believed.version());
                    assertThat(actual.at().nanos()).isLessThanOrEqualTo(t);
                }
                assertThat(state.robots()).singleElement()
                        .satisfies(v -> assertThat(v.value().battery()).isEqualTo(expected.battery));
            }
            assertThat(runtime.stateAt(Timestamp.ofNanos(10)).objects()).as("before anything was seen").isEmpty();
        }
    }

    private static RobotProfile profile(double battery, Pose pose, Timestamp now) {
        return new RobotProfile(ROBOT, RobotKind.WHEELED_BASE, 0.3, 1, 0, 0, new TreeSet<>(Set.of("rgbd")),
                new TreeSet<>(Set.of("navigate")), battery, RobotStatus.BUSY, pose, now);
    }
}
