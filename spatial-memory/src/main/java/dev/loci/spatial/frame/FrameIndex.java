package dev.loci.spatial.frame;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.index.PointGrid;
import dev.loci.spatial.objects.LineOfSight;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Geometry-indexed retrieval (Memory Forcing's point-to-frame): from a 3D point to the frames whose view
 * held it. Frames are indexed by sensor position; a query takes the frames whose sensor was within the
 * longest view range of the point and keeps those whose field of view contains it with a clear line of sight.
 */
public final class FrameIndex {
    private final PointGrid sensors;
    private final Map<Long, FrameRecord> frames = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile double longestRange;

    public FrameIndex(double cellMeters) {
        this.sensors = new PointGrid(cellMeters);
    }

    public void add(FrameRecord frame) {
        Require.present("frame", frame);
        lock.writeLock().lock();
        try {
            frames.put(frame.id(), frame);
            sensors.insert(frame.id(), frame.sensorPose().position());
            longestRange = Math.max(longestRange, frame.view().maxRange());
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Optional<FrameRecord> get(long id) {
        return Optional.ofNullable(frames.get(id));
    }

    public int size() {
        return frames.size();
    }

    /** Up to {@code limit} frames that saw {@code point}, newest first, optionally of one robot. */
    public List<FrameRecord> framesSeeing(Vec3 point, int limit, Optional<RobotId> robot, LineOfSight lineOfSight) {
        Require.present("point", point);
        Require.present("robot", robot);
        long[] near;
        lock.readLock().lock();
        try {
            near = sensors.within(point, longestRange);
        } finally {
            lock.readLock().unlock();
        }
        List<FrameRecord> seeing = new ArrayList<>();
        for (long id : near) {
            FrameRecord frame = frames.get(id);
            if (robot.map(r -> r.equals(frame.robot())).orElse(true)
                    && frame.view().contains(frame.sensorPose(), point)
                    && lineOfSight.clear(frame.sensorPose().position(), point)) {
                seeing.add(frame);
            }
        }
        seeing.sort(Comparator.comparing(FrameRecord::time).thenComparingLong(FrameRecord::id).reversed());
        return seeing.subList(0, Math.min(Math.max(limit, 0), seeing.size()));
    }
}
