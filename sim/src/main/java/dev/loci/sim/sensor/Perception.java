package dev.loci.sim.sensor;

import dev.loci.sim.MemoryLink;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.world.World;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Random;

/**
 * One robot's sensors wired to a memory: each {@link #sense} sweeps the lidar and runs the detector, and hands
 * both to Loci ({@code ingestScan}, {@code ingestFrame}) through the {@link MemoryLink}, which settles them
 * before any query, so what memory holds at a query never depends on thread timing. Pass no memory to sense
 * without remembering (the detections are still returned).
 */
public final class Perception {
    private final Robot robot;
    private final Lidar lidar;
    private final ObjectDetector detector;
    private final Odometry odometry;
    private final SensorDigest digest;
    private long scans;
    private SensorFrame lastFrame;

    public Perception(Robot robot, World world, DetectorSettings detectorSettings, long seed, SensorDigest digest) {
        this.robot = robot;
        RayCaster caster = new RayCaster(world.index());
        Random random = new Random(seed);
        this.lidar = new Lidar(caster, 360, 8, 0.01, new Random(random.nextLong()));
        this.detector = new ObjectDetector(world, caster, detectorSettings, new Random(random.nextLong()));
        this.odometry = new Odometry(robot, 0.02, 0.01, new Random(random.nextLong()));
        this.digest = digest;
    }

    public Robot robot() {
        return robot;
    }

    public ObjectDetector detector() {
        return detector;
    }

    /** The most recent detector frame, or null before the first {@link #sense}. */
    public SensorFrame lastFrame() {
        return lastFrame;
    }

    public Odometry odometry() {
        return odometry;
    }

    /**
     * Senses once at {@code time}; the scan id is unique per robot and sweep. Memory gets the robot's localized
     * pose (the truth stands in for a localizer); odometry is kept alongside and drifts.
     */
    public SensorFrame sense(Timestamp time, MemoryLink memory) {
        odometry.update(robot);
        long scanId = (robot.id().key() & 0xFFFFL) << 40 | ++scans;
        Lidar.Reading reading = lidar.scan(robot, scanId, time);
        SensorFrame frame = detector.detect(robot, time);
        lastFrame = frame;
        digest.add(reading.ranges());
        for (Observation o : frame.observations()) {
            digest.add(o.label(), o.box().center().x(), o.box().center().y(), o.box().center().z());
        }
        if (memory != null) {
            memory.scan(robot.id(), reading);
            memory.frame(frame);
        }
        return frame;
    }
}
