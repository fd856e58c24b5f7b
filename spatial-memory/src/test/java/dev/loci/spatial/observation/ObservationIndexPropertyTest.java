package dev.loci.spatial.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Every query of the observation index, with and without a robot filter, against a brute-force scan. */
class ObservationIndexPropertyTest {
    private static final String[] CLASSES = {"mug", "chair", "book"};
    private static final RobotId[] ROBOTS = {RobotId.of("a"), RobotId.of("b"), RobotId.of("c")};

    @Test
    void indexingAllAtOnceAnswersExactlyAsAddingOneByOne() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            double cell = 0.25 + random.nextDouble() * 2;
            ObservationIndex oneByOne = new ObservationIndex(cell);
            ObservationIndex atOnce = new ObservationIndex(cell);
            ObservationIndex.Pending pending = atOnce.pending(10); // grows past its expected size
            for (int i = 0; i < 4000; i++) {
                Vec3 at = new Vec3(random.nextGaussian() * 10, random.nextGaussian() * 10, random.nextDouble() * 2);
                RobotId robot = ROBOTS[random.nextInt(3)];
                String label = CLASSES[random.nextInt(3)];
                oneByOne.add(i + 1, robot, label, at);
                if (i < 1000) {
                    atOnce.add(i + 1, robot, label, at); // cells that exist, and then grow at once
                } else {
                    pending.add(i + 1, robot, label, at);
                }
            }
            atOnce.addAll(pending);

            assertThat(atOnce.size()).isEqualTo(oneByOne.size());
            for (int q = 0; q < 200; q++) {
                Vec3 c = new Vec3(random.nextGaussian() * 12, random.nextGaussian() * 12, random.nextDouble() * 2);
                Optional<RobotId> robot = random.nextBoolean() ? Optional.of(ROBOTS[random.nextInt(3)])
                        : Optional.empty();
                double r = random.nextDouble() * 5;
                int k = 1 + random.nextInt(12);
                String label = CLASSES[random.nextInt(3)];
                Aabb box = Aabb.centered(c, new Vec3(random.nextDouble() * 8, random.nextDouble() * 8, 3));
                assertThat(atOnce.within(c, r, robot)).containsExactly(oneByOne.within(c, r, robot));
                assertThat(atOnce.inBox(box, robot)).containsExactly(oneByOne.inBox(box, robot));
                assertThat(atOnce.nearest(c, k, robot)).containsExactly(oneByOne.nearest(c, k, robot));
                assertThat(atOnce.nearestOfClass(c, label, k, robot))
                        .containsExactly(oneByOne.nearestOfClass(c, label, k, robot));
            }
        }
    }

    @Test
    void aBatchWithAPointOutsideTheWorldIsRefusedWhole() {
        ObservationIndex index = new ObservationIndex(1.0);
        ObservationIndex.Pending pending = index.pending(2);
        pending.add(1, ROBOTS[0], "mug", new Vec3(1, 1, 0));
        pending.add(2, ROBOTS[0], "mug", new Vec3(2e6, 1, 0));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> index.addAll(pending))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        assertThat(index.size()).isZero();
        assertThat(index.within(new Vec3(1, 1, 0), 1, Optional.empty())).isEmpty();
    }

    @Test
    void matchesBruteForceForEveryQuery() {
        for (long seed = 1; seed <= 4; seed++) {
            Random random = new Random(seed);
            double cell = 0.25 + random.nextDouble() * 2;
            ObservationIndex index = new ObservationIndex(cell);
            List<Observation> all = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                Vec3 at = new Vec3(random.nextGaussian() * 15, random.nextGaussian() * 15, random.nextDouble() * 2);
                if (i % 50 == 0 && !all.isEmpty()) {
                    at = all.get(random.nextInt(all.size())).box().center(); // duplicates of positions
                }
                Observation o = Observation.of(ROBOTS[random.nextInt(3)], Timestamp.ofNanos(i), "camera", Pose.IDENTITY,
                        CLASSES[random.nextInt(3)], Aabb.centered(at, new Vec3(0.1, 0.1, 0.1)), 0.9);
                all.add(o);
                index.add(i + 1, o);
            }
            for (int q = 0; q < 300; q++) {
                Vec3 c = new Vec3(random.nextGaussian() * 20, random.nextGaussian() * 20, random.nextDouble() * 2);
                Optional<RobotId> robot = random.nextBoolean() ? Optional.of(ROBOTS[random.nextInt(3)])
                        : Optional.empty();
                double r = random.nextDouble() * 6;
                assertThat(sorted(index.within(c, r, robot))).as("within %s %s %s", c, r, robot)
                        .containsExactly(brute(all, robot, null, o -> o.box().center().distanceTo(c) <= r));

                Aabb box = Aabb.centered(c, new Vec3(random.nextDouble() * 8, random.nextDouble() * 8, random.nextDouble() * 3));
                assertThat(sorted(index.inBox(box, robot))).as("in box").containsExactly(
                        brute(all, robot, null, o -> box.contains(o.box().center())));

                int k = 1 + random.nextInt(12);
                String label = CLASSES[random.nextInt(3)];
                assertThat(index.nearest(c, k, robot)).as("nearest").containsExactly(nearest(all, c, k, robot, null));
                assertThat(index.nearestOfClass(c, label, k, robot)).as("nearest of class")
                        .containsExactly(nearest(all, c, k, robot, label));
            }
        }
    }

    private static long[] sorted(long[] ids) {
        long[] copy = ids.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    private static long[] brute(List<Observation> all, Optional<RobotId> robot, String label,
                                java.util.function.Predicate<Observation> keep) {
        return LongStream.rangeClosed(1, all.size())
                .filter(id -> {
                    Observation o = all.get((int) id - 1);
                    return robot.map(r -> r.equals(o.robot())).orElse(true)
                            && (label == null || label.equals(o.label())) && keep.test(o);
                }).toArray();
    }

    private static long[] nearest(List<Observation> all, Vec3 c, int k, Optional<RobotId> robot, String label) {
        long[] candidates = brute(all, robot, label, o -> true);
        return LongStream.of(candidates).boxed()
                .sorted(Comparator.comparingDouble((Long id) -> all.get((int) (long) id - 1).box().center()
                        .distanceSquaredTo(c)).thenComparingLong(id -> id))
                .limit(k).mapToLong(Long::longValue).toArray();
    }
}
