package dev.loci.bench.occupancy;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.place.GridPath;
import dev.loci.spatial.place.GridPlanner;
import dev.loci.spatial.place.PlaceMap;
import dev.loci.spatial.place.PlaceSegmenter;
import dev.loci.spatial.place.PlannerSettings;
import dev.loci.spatial.place.SegmentationSettings;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A* and place segmentation on the 100 m x 60 m building drawn into a grid (0.2 m robot radius): the longest
 * trip (south-west outer room to north-east outer room, through two doors each side and both corridors),
 * trips between random rooms, building the planner (inflation), and segmenting the floor into places.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PathPlanningBenchmark {
    private static final PlannerSettings SETTINGS = PlannerSettings.DEFAULT.withRobotRadius(0.2);

    @Param({"0.05", "0.1"})
    public double resolution;

    private OccupancyGrid grid;
    private GridPlanner planner;
    private Vec3 southWest;
    private Vec3 northEast;
    private Vec3[][] pairs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Building building = new Building();
        grid = building.drawn(resolution);
        planner = new GridPlanner(grid, SETTINGS);
        List<Vec3> rooms = building.roomCentres();
        southWest = rooms.get(0);
        northEast = rooms.get(rooms.size() - 1);
        Random random = new Random(5);
        pairs = new Vec3[64][];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new Vec3[] {rooms.get(random.nextInt(rooms.size())), rooms.get(random.nextInt(rooms.size()))};
        }
        GridPath longest = planner.plan(southWest, northEast).orElseThrow();
        PlaceMap places = new PlaceSegmenter(SegmentationSettings.DEFAULT).segment(grid);
        System.err.printf("%n[setup] %.2f m: grid %d x %d, corner-to-corner path %.2f m (%d waypoints), %d places,"
                + " %d links%n", resolution, grid.width(), grid.height(), longest.lengthM(), longest.points().size(),
                places.size(), places.links().size());
    }

    @Benchmark
    public Optional<GridPath> cornerToCorner() {
        return planner.plan(southWest, northEast);
    }

    @Benchmark
    public Optional<GridPath> randomRooms() {
        Vec3[] pair = pairs[next];
        next = (next + 1) % pairs.length;
        return planner.plan(pair[0], pair[1]);
    }

    @Benchmark
    public GridPlanner buildPlanner() {
        return new GridPlanner(grid, SETTINGS);
    }

    @Benchmark
    public PlaceMap segmentPlaces() {
        return new PlaceSegmenter(SegmentationSettings.DEFAULT).segment(grid);
    }
}
