package dev.loci.bench.occupancy;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.occupancy.OccupancySettings;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.occupancy.ScanResult;
import dev.loci.spatial.occupancy.VoxelMap;
import dev.loci.spatial.provenance.Timestamp;
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
 * Time to integrate one 360-beam planar scan (10 m max range) into a {@link VoxelMap} of the scripted building,
 * at steady state (every chunk the route reaches already exists). Beams per second = 360 / time per scan.
 * Scans are ray-cast once in setup; all carry the same timestamp, which the map accepts (decay is off).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ScanIntegrationBenchmark {
    static final int BEAMS = 360;
    static final double MAX_RANGE = 10;

    @Param({"0.05", "0.1"})
    public double resolution;

    private RangeScan[] scans;
    private VoxelMap map;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Building building = new Building();
        List<Vec3> route = building.route(0.5);
        scans = new RangeScan[route.size()];
        for (int i = 0; i < scans.length; i++) {
            scans[i] = building.scan(i, Timestamp.ZERO, route.get(i), BEAMS, MAX_RANGE);
        }
        map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT.withResolution(resolution)
                .withMaxRange(MAX_RANGE));
        for (RangeScan scan : scans) {
            map.integrate(scan);
        }
    }

    @Benchmark
    public ScanResult integrateScan() {
        RangeScan scan = scans[next];
        next = (next + 1) % scans.length;
        return map.integrate(scan);
    }
}
