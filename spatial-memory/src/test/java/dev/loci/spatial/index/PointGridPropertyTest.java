package dev.loci.spatial.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.geometry.Vec3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code within}, {@code withinNearestFirst} and {@code nearest} must give exactly what a brute-force scan of every point gives. */
class PointGridPropertyTest {
    private static final double[] CELL_SIZES = {0.05, 0.3, 1.0, 2.5, 10.0};
    private static final double[] EXTENTS = {3, 40, 400};
    private static final int POINTS = 2000;
    private static final int QUERIES = 80;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 99, 2024})
    void withinAndNearestMatchBruteForceThroughInsertsMovesAndRemovals(long seed) {
        Random random = new Random(seed);
        double cellSize = CELL_SIZES[random.nextInt(CELL_SIZES.length)];
        double extent = EXTENTS[random.nextInt(EXTENTS.length)];
        Scenario s = new Scenario(random, cellSize, extent);

        for (int i = 0; i < POINTS; i++) {
            s.insert(s.freshId(), s.randomPosition());
        }
        s.checkQueries("after inserts");

        for (int i = 0; i < POINTS / 2; i++) {
            long id = s.randomExistingId();
            s.move(id, random.nextBoolean() ? s.nudge(s.truth.get(id)) : s.randomPosition());
        }
        s.checkQueries("after moves");

        for (int i = 0; i < POINTS / 3; i++) {
            s.remove(s.randomExistingId());
        }
        for (int i = 0; i < POINTS / 10; i++) {
            s.insert(s.freshId(), s.randomPosition());
        }
        s.checkQueries("after removals and re-inserts");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6, 7})
    void nearestBreaksManyExactTiesById(long seed) {
        // Points on an integer lattice queried from lattice and half-lattice centres: many equal distances.
        Random random = new Random(seed);
        Scenario s = new Scenario(random, random.nextBoolean() ? 1.0 : 0.5, 6);
        for (int i = 0; i < 1500; i++) {
            s.insert(s.freshId(), new Vec3(random.nextInt(13) - 6, random.nextInt(13) - 6, random.nextInt(3) - 1));
        }
        for (int q = 0; q < 300; q++) {
            Vec3 center = new Vec3((random.nextInt(27) - 13) / 2.0, (random.nextInt(27) - 13) / 2.0,
                    (random.nextInt(5) - 2) / 2.0);
            s.checkNearest(center, 1 + random.nextInt(60), "lattice");
            s.checkWithin(center, random.nextInt(9) / 2.0, "lattice");
        }
    }

    /** A point's id and squared distance, ordered as {@code nearest} promises: nearest first, ties by id. */
    private record Ranked(long id, double distance2) implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked other) {
            int byDistance = Double.compare(distance2, other.distance2);
            return byDistance != 0 ? byDistance : Long.compare(id, other.id);
        }
    }

    /** The grid under test and the truth it must agree with. */
    private static final class Scenario {
        final Random random;
        final double cellSize;
        final double extent;
        final PointGrid grid;
        final Map<Long, Vec3> truth = new HashMap<>();
        final List<Long> ids = new ArrayList<>();

        Scenario(Random random, double cellSize, double extent) {
            this.random = random;
            this.cellSize = cellSize;
            this.extent = extent;
            this.grid = new PointGrid(cellSize);
        }

        long freshId() {
            long id;
            do {
                // Negative ids too: ties must be broken by signed id order.
                id = random.nextInt(2_000_000) - 1_000_000;
            } while (truth.containsKey(id));
            return id;
        }

        long randomExistingId() {
            return ids.get(random.nextInt(ids.size()));
        }

        Vec3 randomPosition() {
            int kind = random.nextInt(10);
            if (kind == 0 && !ids.isEmpty()) {
                return truth.get(randomExistingId()); // duplicate position
            }
            if (kind == 1) {
                // Exactly on cell boundaries.
                int range = (int) Math.max(1, extent / cellSize);
                return new Vec3((random.nextInt(2 * range + 1) - range) * cellSize,
                        (random.nextInt(2 * range + 1) - range) * cellSize, 0);
            }
            if (kind == 2) {
                // A dense cluster around a fixed spot.
                return new Vec3(-extent / 3 + random.nextGaussian() * cellSize,
                        extent / 5 + random.nextGaussian() * cellSize, random.nextGaussian() * 0.1);
            }
            return new Vec3(uniform(extent), uniform(extent), -1 + random.nextDouble() * 4);
        }

        Vec3 nudge(Vec3 p) {
            return new Vec3(p.x() + uniform(cellSize / 4), p.y() + uniform(cellSize / 4), p.z() + uniform(0.1));
        }

        double uniform(double halfWidth) {
            return (random.nextDouble() * 2 - 1) * halfWidth;
        }

        void insert(long id, Vec3 p) {
            grid.insert(id, p);
            truth.put(id, p);
            ids.add(id);
            assertThat(grid.size()).isEqualTo(truth.size());
        }

        void move(long id, Vec3 to) {
            grid.move(id, truth.get(id), to);
            truth.put(id, to);
            assertThat(grid.size()).isEqualTo(truth.size());
        }

        void remove(long id) {
            assertThat(grid.remove(id, truth.get(id))).isTrue();
            truth.remove(id);
            ids.remove(id);
            assertThat(grid.remove(id, Vec3.ZERO)).as("second removal of %s", id).isFalse();
            assertThat(grid.size()).isEqualTo(truth.size());
        }

        void checkQueries(String phase) {
            assertThat(sorted(grid.ids())).as("ids %s", phase).isEqualTo(sorted(truth.keySet()));
            for (int q = 0; q < QUERIES; q++) {
                Vec3 center = randomCenter();
                checkWithin(center, randomRadius(), phase);
                checkNearest(center, randomK(), phase);
            }
        }

        Vec3 randomCenter() {
            int kind = random.nextInt(5);
            if (kind == 0) {
                return truth.get(randomExistingId());
            }
            if (kind == 1) {
                // Well outside the occupied area.
                return new Vec3(3 * extent * (random.nextBoolean() ? 1 : -1), uniform(extent), 0);
            }
            if (kind == 2) {
                return new Vec3(Math.round(uniform(extent) / cellSize) * cellSize,
                        Math.round(uniform(extent) / cellSize) * cellSize, 0);
            }
            return new Vec3(uniform(extent * 1.2), uniform(extent * 1.2), uniform(2));
        }

        double randomRadius() {
            return switch (random.nextInt(6)) {
                case 0 -> 0;
                case 1 -> cellSize * (1 + random.nextInt(3));
                case 2 -> extent * 10; // larger than the occupied area
                default -> random.nextDouble() * extent / 4;
            };
        }

        int randomK() {
            return switch (random.nextInt(5)) {
                case 0 -> 1;
                case 1 -> truth.size() + 3;
                default -> 1 + random.nextInt(40);
            };
        }

        void checkWithin(Vec3 center, double radius, String phase) {
            double r2 = radius * radius;
            long[] expected = truth.entrySet().stream()
                    .filter(e -> distance2(e.getValue(), center) <= r2)
                    .mapToLong(Map.Entry::getKey).sorted().toArray();

            long[] actual = grid.within(center, radius);

            assertThat(sorted(actual))
                    .as(() -> "within(" + center + ", " + radius + ") " + phase + ", cell " + cellSize + ": "
                            + difference(expected, actual, center))
                    .isEqualTo(expected);

            long[] expectedOrder = truth.entrySet().stream()
                    .map(e -> new Ranked(e.getKey(), distance2(e.getValue(), center)))
                    .filter(r -> r.distance2() <= r2).sorted().mapToLong(Ranked::id).toArray();
            long[] nearestFirst = grid.withinNearestFirst(center, radius);
            assertThat(nearestFirst)
                    .as(() -> "withinNearestFirst(" + center + ", " + radius + ") " + phase + ", cell " + cellSize
                            + ": " + firstDifference(expectedOrder, nearestFirst, center))
                    .isEqualTo(expectedOrder);
        }

        /** Which points a query missed or added, with their positions and distances, for failure messages. */
        String difference(long[] expected, long[] actual, Vec3 center) {
            Set<Long> want = new TreeSet<>();
            Arrays.stream(expected).forEach(want::add);
            List<Long> got = new ArrayList<>();
            Arrays.stream(actual).forEach(got::add);
            StringBuilder text = new StringBuilder();
            for (long id : want) {
                if (!got.remove(id)) {
                    text.append("missed ").append(id).append(describe(id, center)).append("; ");
                }
            }
            for (long id : got) {
                text.append("extra ").append(id).append(describe(id, center)).append("; ");
            }
            return text.toString();
        }

        String firstDifference(long[] expected, long[] actual, Vec3 center) {
            int i = Arrays.mismatch(expected, actual);
            return i < 0 ? "same" : "differs at " + i + ": expected "
                    + (i < expected.length ? expected[i] + describe(expected[i], center) : "nothing") + ", got "
                    + (i < actual.length ? String.valueOf(actual[i]) : "nothing");
        }

        String describe(long id, Vec3 center) {
            Vec3 p = truth.get(id);
            return p == null ? " (not in the grid)"
                    : " at (" + p.x() + ", " + p.y() + ", " + p.z() + ") d2=" + distance2(p, center);
        }

        void checkNearest(Vec3 center, int k, String phase) {
            Ranked[] all = new Ranked[truth.size()];
            int i = 0;
            for (Map.Entry<Long, Vec3> e : truth.entrySet()) {
                all[i++] = new Ranked(e.getKey(), distance2(e.getValue(), center));
            }
            Arrays.sort(all);
            long[] expected = Arrays.stream(all).limit(k).mapToLong(Ranked::id).toArray();

            long[] actual = grid.nearest(center, k);

            assertThat(actual)
                    .as(() -> "nearest(" + center + ", " + k + ") " + phase + ", cell " + cellSize + ": "
                            + difference(expected, actual, center) + " order " + firstDifference(expected, actual, center))
                    .isEqualTo(expected);
        }

        /** The same arithmetic as the grid, so "on the radius" means the same on both sides. */
        static double distance2(Vec3 p, Vec3 c) {
            double dx = p.x() - c.x();
            double dy = p.y() - c.y();
            double dz = p.z() - c.z();
            return dx * dx + dy * dy + dz * dz;
        }

        static long[] sorted(long[] values) {
            long[] copy = values.clone();
            Arrays.sort(copy);
            return copy;
        }

        static long[] sorted(Collection<Long> values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }
}
