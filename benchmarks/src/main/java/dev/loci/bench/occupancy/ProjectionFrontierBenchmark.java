package dev.loci.bench.occupancy;

import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.frontier.FrontierSettings;
import dev.loci.spatial.frontier.FrontierTracker;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.GridTile;
import dev.loci.spatial.occupancy.IncrementalProjection;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.occupancy.OccupancySettings;
import dev.loci.spatial.occupancy.VoxelMap;
import dev.loci.spatial.occupancy.ZBand;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
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
 * The 2D side of each scan, on the building explored halfway (the corridors and every other room, so frontiers
 * stand at many doors): re-projecting the tiles one scan touched and updating the frontiers from them, against
 * projecting the whole floor and finding frontiers from scratch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ProjectionFrontierBenchmark {
    private static final ZBand BAND = new ZBand(0.1, 1.5);

    @Param({"0.05", "0.1"})
    public double resolution;

    private VoxelMap map;
    private IncrementalProjection projection;
    private FrontierTracker tracker;
    private final List<List<GridTile>> touchedByScan = new ArrayList<>();
    private List<GridTile> allTiles;
    private int next;
    private long scanId;

    @Setup(Level.Trial)
    public void setUp() {
        Building building = new Building();
        List<Vec3> route = building.route(0.5);
        map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT.withResolution(resolution)
                .withMaxRange(ScanIntegrationBenchmark.MAX_RANGE));
        projection = new IncrementalProjection(map, BAND);
        tracker = new FrontierTracker(FrontierSettings.DEFAULT);
        for (int i = 0; i < route.size(); i++) {
            boolean skippedRoom = i >= route.size() - building.roomCentres().size() && i % 2 == 0;
            if (skippedRoom) {
                continue;
            }
            List<GridTile> touched = map.integrate(building.scan(i, Timestamp.ZERO, route.get(i),
                    ScanIntegrationBenchmark.BEAMS, ScanIntegrationBenchmark.MAX_RANGE)).touchedTiles();
            projection.refresh(touched);
            tracker.update(projection, touched, i, Timestamp.ZERO);
            touchedByScan.add(touched);
        }
        scanId = route.size();
        allTiles = map.tiles(BAND);
        System.err.printf("%n[setup] %.2f m: %d chunks, %d tiles, %d frontiers, %d frontier blocks, %.1f tiles/scan%n",
                resolution, map.chunkCount(), allTiles.size(), tracker.frontiers().size(),
                tracker.frontierBlockCount(),
                touchedByScan.stream().mapToInt(List::size).average().orElse(0));
    }

    /** Per scan: refresh the touched tiles of the projection, then the frontiers from them. */
    @Benchmark
    public List<Frontier> incrementalProjectionAndFrontiers() {
        List<GridTile> touched = touchedByScan.get(next);
        next = (next + 1) % touchedByScan.size();
        projection.refresh(touched);
        return tracker.update(projection, touched, ++scanId, Timestamp.ZERO);
    }

    /** The whole 100 m x 60 m floor projected from the voxels. */
    @Benchmark
    public OccupancyGrid fullProjection() {
        return map.project(BAND);
    }

    /** Frontiers of the whole floor found from scratch. */
    @Benchmark
    public List<Frontier> fullFrontierRebuild() {
        return new FrontierTracker(FrontierSettings.DEFAULT).update(projection, allTiles, scanId, Timestamp.ZERO);
    }
}
