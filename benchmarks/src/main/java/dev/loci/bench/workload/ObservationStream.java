package dev.loci.bench.workload;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * An endless, reproducible stream of detections: the robots take turns producing camera frames (5 Hz each,
 * staggered); a frame holds one observation per object within {@link #SENSOR_RANGE} and the field of view
 * that the detector picks up (less likely far away). Each observation carries the true box centre plus
 * Gaussian noise, a slightly wrong size, a confidence in [0.5, 1] that falls with distance, the camera pose
 * (1.2 m up on the robot, looking where it walks) and the frame's timestamp. Time increases along the
 * stream, and so per robot.
 */
public final class ObservationStream implements Iterator<Observation> {
    static final double SENSOR_RANGE = 4.0;
    static final double HALF_FIELD_OF_VIEW = Math.toRadians(45);
    static final long FRAME_INTERVAL_NANOS = 200_000_000L;
    static final double CAMERA_HEIGHT = 1.2;
    static final String SENSOR = "rgbd_camera";
    private static final long PURPOSE_ROBOTS = 10;
    private static final long PURPOSE_DETECTIONS = 11;
    /** Simulated time starts at one second (zero is a legal timestamp but looks like a bug in a dump). */
    private static final long START_NANOS = 1_000_000_000L;

    private final World world;
    private final double noiseSigma;
    private final List<RobotWalker> robots = new ArrayList<>();
    private final Random random;
    private final ArrayDeque<Observation> pending = new ArrayDeque<>();
    private final BitSet seen = new BitSet();
    private long frames;
    private long emitted;

    public ObservationStream(World world, WorkloadSettings settings) {
        this.world = world;
        this.noiseSigma = settings.noiseSigma();
        Random robotRandom = settings.random(PURPOSE_ROBOTS);
        for (int i = 0; i < settings.robotCount(); i++) {
            robots.add(new RobotWalker(RobotWalker.robotName(i), robotRandom));
        }
        this.random = settings.random(PURPOSE_DETECTIONS);
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Observation next() {
        while (pending.isEmpty()) {
            captureFrame();
        }
        emitted++;
        return pending.poll();
    }

    /** The next {@code size} observations, as a detector would publish them in one array. */
    public List<Observation> nextBatch(int size) {
        List<Observation> batch = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            batch.add(next());
        }
        return batch;
    }

    /** The next {@code total} observations in batches of {@code batchSize} (the last may be shorter). */
    public List<List<Observation>> nextBatches(int total, int batchSize) {
        List<List<Observation>> batches = new ArrayList<>(total / batchSize + 1);
        for (int left = total; left > 0; left -= batchSize) {
            batches.add(nextBatch(Math.min(batchSize, left)));
        }
        return batches;
    }

    /** How many different objects the observations emitted so far saw: what fusion should end up with. */
    public int distinctObjectsSeen() {
        return seen.cardinality();
    }

    /** Camera frames captured so far (all robots): observations per frame = emitted / frames. */
    public long frames() {
        return frames;
    }

    public long emitted() {
        return emitted;
    }

    private void captureFrame() {
        int robotIndex = (int) (frames % robots.size());
        long round = frames / robots.size();
        frames++;
        RobotWalker robot = robots.get(robotIndex);
        robot.advance(FRAME_INTERVAL_NANOS / 1e9);
        // Staggered so that no two robots' frames share a timestamp.
        long time = START_NANOS + round * FRAME_INTERVAL_NANOS + robotIndex * (FRAME_INTERVAL_NANOS / robots.size());
        Timestamp stamp = Timestamp.ofNanos(time);
        Pose camera = Pose.of(robot.x(), robot.y(), CAMERA_HEIGHT, robot.heading());
        world.forEachInView(robot.x(), robot.y(), robot.heading(), SENSOR_RANGE, HALF_FIELD_OF_VIEW, index -> {
            WorldObject object = world.object(index);
            double distance = Math.hypot(object.center().x() - robot.x(), object.center().y() - robot.y());
            double nearness = 1 - distance / SENSOR_RANGE;
            if (random.nextDouble() < 0.5 + 0.45 * nearness) {
                pending.add(detect(object, robot, stamp, camera, nearness));
                seen.set(index);
            }
        });
    }

    private Observation detect(WorldObject object, RobotWalker robot, Timestamp stamp, Pose camera, double nearness) {
        Vec3 center = object.center();
        Vec3 noisyCenter = new Vec3(center.x() + gaussian(noiseSigma), center.y() + gaussian(noiseSigma),
                center.z() + gaussian(noiseSigma));
        // Box extents are estimated less well than centres: 5% relative error, never below 1 cm.
        Vec3 size = object.size();
        Vec3 noisySize = new Vec3(Math.max(0.01, size.x() * (1 + gaussian(0.05))),
                Math.max(0.01, size.y() * (1 + gaussian(0.05))), Math.max(0.01, size.z() * (1 + gaussian(0.05))));
        double confidence = Math.min(1, Math.max(0.5, 0.55 + 0.4 * nearness + 0.1 * random.nextDouble()));
        return Observation.of(robot.id(), stamp, SENSOR, camera, object.label(), Aabb.centered(noisyCenter, noisySize),
                confidence);
    }

    private double gaussian(double sigma) {
        return sigma == 0 ? 0 : random.nextGaussian() * sigma;
    }
}
