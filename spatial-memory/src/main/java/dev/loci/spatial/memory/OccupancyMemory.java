package dev.loci.spatial.memory;

import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.frontier.FrontierSettings;
import dev.loci.spatial.frontier.FrontierTracker;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.LineOfSight;
import dev.loci.spatial.occupancy.IncrementalProjection;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.occupancy.OccupancySettings;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.occupancy.ScanResult;
import dev.loci.spatial.occupancy.VoxelMap;
import dev.loci.spatial.occupancy.VoxelState;
import dev.loci.spatial.occupancy.ZBand;
import dev.loci.spatial.place.GridPath;
import dev.loci.spatial.place.GridPlanner;
import dev.loci.spatial.place.PlaceMap;
import dev.loci.spatial.place.PlaceSegmenter;
import dev.loci.spatial.place.PlannerSettings;
import dev.loci.spatial.place.SegmentationSettings;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The free-space side of spatial memory, kept together: the voxel map built from range scans, its 2D
 * projection over the robots' height band, the frontiers of explored space, places with their adjacency,
 * and path planning on the grid. Scans come from the store's writer thread; everything else may be asked
 * from any thread (calls are serialised: a scan takes about a millisecond).
 *
 * <p>Places and the planner are derived from the whole grid, so they are rebuilt lazily, at most once per
 * {@code rebuildEveryScans} scans, rather than on every scan.
 */
public final class OccupancyMemory implements LineOfSight {
    /** Defaults for a ground robot fleet: 0.1 m voxels, 10 m range, a 0.1-1.8 m band for the 2D map. */
    public record Settings(OccupancySettings voxels, ZBand band, FrontierSettings frontiers,
                           SegmentationSettings places, PlannerSettings planner, int rebuildEveryScans) {
        public static final Settings DEFAULT = new Settings(OccupancySettings.DEFAULT, new ZBand(0.1, 1.8),
                FrontierSettings.DEFAULT, SegmentationSettings.DEFAULT, PlannerSettings.DEFAULT, 20);

        public Settings {
            Require.present("voxels", voxels);
            Require.present("band", band);
            Require.present("frontiers", frontiers);
            Require.present("places", places);
            Require.present("planner", planner);
            if (rebuildEveryScans < 1) {
                throw new dev.loci.spatial.validation.InvalidValueException("rebuildEveryScans", rebuildEveryScans,
                        "must be at least 1");
            }
        }
    }

    /** A projected cell above this occupancy percentage counts as a wall for line of sight. */
    private static final int OCCUPIED_PERCENT = 50;
    private final Settings settings;
    private final VoxelMap voxels;
    private final IncrementalProjection projection;
    private final FrontierTracker frontierTracker;
    private final PlaceSegmenter segmenter;
    private PlaceMap places;
    private GridPlanner planner;
    private int scansSinceRebuild = Integer.MAX_VALUE / 2;
    private long scans;

    public OccupancyMemory(NavigableMap<Long, byte[]> chunkStore, Settings settings) {
        this.settings = Require.present("settings", settings);
        this.voxels = VoxelMap.open(chunkStore, settings.voxels());
        this.projection = new IncrementalProjection(voxels, settings.band());
        this.frontierTracker = new FrontierTracker(settings.frontiers());
        this.frontierTracker.update(projection, voxels.tiles(settings.band()), 0, voxels.latestTime());
        this.segmenter = new PlaceSegmenter(settings.places());
    }

    /** Integrates one range scan: voxels, the 2D projection and the frontiers it touched. */
    public synchronized ScanResult integrate(RangeScan scan) {
        ScanResult result = voxels.integrate(scan);
        projection.refresh(result.touchedTiles());
        frontierTracker.update(projection, result.touchedTiles(), scan.scanId(), scan.time());
        scansSinceRebuild++;
        scans++;
        return result;
    }

    /** Writes changed voxel chunks into the store map; call just before each commit. */
    public synchronized void beforeCommit() {
        voxels.writeDirtyChunks();
    }

    /** The 2D occupancy grid (nav_msgs/OccupancyGrid semantics: -1 unknown, 0..100). */
    public synchronized OccupancyGrid grid() {
        return projection.toGrid();
    }

    public synchronized List<Frontier> frontiers() {
        return frontierTracker.frontiers();
    }

    public synchronized PlaceMap places() {
        rebuildIfStale();
        return places;
    }

    /** A shortest collision-free path on the grid, if one is known. */
    public synchronized Optional<GridPath> path(Vec3 from, Vec3 to) {
        Require.present("from", from);
        Require.present("to", to);
        rebuildIfStale();
        return planner.plan(from, to);
    }

    /** Length of the shortest known path between two points, in metres. */
    public synchronized OptionalDouble pathDistance(Vec3 from, Vec3 to) {
        Require.present("from", from);
        Require.present("to", to);
        rebuildIfStale();
        return planner.distance(from, to);
    }

    /** Length of the shortest known path between the anchors of two places. */
    public synchronized OptionalDouble pathDistance(int fromPlace, int toPlace) {
        rebuildIfStale();
        return places.travelDistance(fromPlace, toPlace, planner);
    }

    public synchronized long scans() {
        return scans;
    }

    /**
     * Whether nothing known blocks the segment, sampled at half-voxel steps and stopping a voxel and a half
     * short of {@code to} (the target's own surface must not hide it). A sample blocks if its voxel is
     * occupied, or if its voxel was never observed but its column is occupied in the 2D projection: a planar
     * lidar maps walls at one height only, and a wall known at one height is taken to stand at all heights of
     * the band. A voxel known to be free (a 3D sensor saw across the table) never blocks.
     */
    @Override
    public synchronized boolean clear(Vec3 from, Vec3 to) {
        double length = from.distanceTo(to);
        double resolution = voxels.resolution();
        double step = resolution / 2;
        double stop = length - 1.5 * resolution;
        for (double travelled = step; travelled < stop; travelled += step) {
            Vec3 p = from.plus(to.minus(from).times(travelled / length));
            VoxelState state = voxels.stateAt(p);
            if (state == VoxelState.OCCUPIED) {
                return false;
            }
            if (state == VoxelState.UNKNOWN && p.z() >= settings.band().zMin() && p.z() <= settings.band().zMax()
                    && projection.valueAt((int) Math.floor(p.x() / resolution),
                    (int) Math.floor(p.y() / resolution)) > OCCUPIED_PERCENT) {
                return false;
            }
        }
        return true;
    }

    private void rebuildIfStale() {
        if (places == null || scansSinceRebuild >= settings.rebuildEveryScans()) {
            OccupancyGrid grid = projection.toGrid();
            places = segmenter.segment(grid);
            planner = new GridPlanner(grid, settings.planner());
            scansSinceRebuild = 0;
        }
    }
}
