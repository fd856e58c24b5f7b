package dev.loci.spatial.memory;

import dev.loci.spatial.frame.FrameIndex;
import dev.loci.spatial.frame.FrameLog;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.FusionResult;
import dev.loci.spatial.objects.LineOfSight;
import dev.loci.spatial.objects.ObjectMemory;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.observation.ObservationIndex;
import dev.loci.spatial.observation.ObservationStore;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.snapshot.Snapshot;
import dev.loci.spatial.snapshot.SnapshotMemory;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

/**
 * The "where" of memory in one place: raw observations and their index, fused objects with change
 * detection, frames with point-to-frame retrieval, and memory snapshots. Durable state lives in the maps
 * handed in; every index is rebuilt from them here. Writes come from the store's single writer thread,
 * queries from any thread.
 */
public final class SpatialMemory {
    /** A frame's view quality is floored here: a detection at the edge of the view still shows the object. */
    private static final double MIN_VIEW_QUALITY = 1e-3;

    private final ObservationStore observations;
    private final ObservationIndex observationIndex;
    private final ObjectMemory objects;
    private final FrameLog frames;
    private final FrameIndex frameIndex;
    private final SnapshotMemory snapshots;
    private volatile LineOfSight lineOfSight = LineOfSight.NOTHING_KNOWN_TO_BLOCK;
    /** The oldest observation id still in the in-memory index; older ones were retired (writer thread only). */
    private long firstIndexed = 1;

    /** Rebuilds the observation index from {@code observationStore} (every observation) before it returns. */
    public SpatialMemory(ObservationStore observationStore,
                         NavigableMap<Long, RememberedObject> objectStore,
                         NavigableMap<long[], ObjectState> objectVersions,
                         NavigableMap<Long, FrameRecord> frameStore,
                         SpatialSettings settings) {
        this(observationStore, replayed(observationStore, settings), 1, objectStore, objectVersions, frameStore,
                settings);
    }

    /**
     * Takes an observation index built, or still being built, by the caller from the observations at and after
     * {@code firstIndexed} (older ones were retired). The runtime replays the observation journal on another
     * thread while this loads objects and frames, and waits for it before the memory is used: the replay is
     * most of the work of reopening a large memory.
     */
    public SpatialMemory(ObservationStore observationStore,
                         ObservationIndex observationIndex,
                         long firstIndexed,
                         NavigableMap<Long, RememberedObject> objectStore,
                         NavigableMap<long[], ObjectState> objectVersions,
                         NavigableMap<Long, FrameRecord> frameStore,
                         SpatialSettings settings) {
        Require.present("settings", settings);
        this.observations = Require.present("observationStore", observationStore);
        this.observationIndex = Require.present("observationIndex", observationIndex);
        if (firstIndexed < 1) {
            throw new InvalidValueException("firstIndexed", firstIndexed, "must be at least 1");
        }
        this.firstIndexed = firstIndexed;
        this.objects = new ObjectMemory(objectStore, objectVersions, settings.fusion());
        this.frames = new FrameLog(frameStore);
        this.frameIndex = new FrameIndex(settings.indexCellMeters());
        this.snapshots = new SnapshotMemory(settings.snapshots());
        for (FrameRecord frame : frames.all()) {
            frameIndex.add(frame);
            snapshots.add(frame, this::confirmed);
        }
        snapshots.recompute(this::confirmed);
    }

    /** Uses {@code lineOfSight} (an occupancy map) to tell what a sensor could really see. */
    public void useLineOfSight(LineOfSight newLineOfSight) {
        this.lineOfSight = Require.present("lineOfSight", newLineOfSight);
    }

    // ---- writes (the store's writer thread) -----------------------------------------------------------

    /**
     * Retires raw observations from the in-memory index, oldest id first, up to (not including) the first one
     * stamped at or after {@code horizon}: a prefix in arrival order, so one id marks what is retired. They stay
     * in the observation store ({@code observation(id)} still reads them) and in their objects' provenance;
     * queries over raw observations stop finding them. Returns how many were retired.
     */
    public long retireObservationsBefore(Timestamp horizon) {
        Require.present("horizon", horizon);
        long retired = 0;
        for (long id = firstIndexed; id <= observations.size(); id++) {
            Observation observation = observations.get(id).orElseThrow();
            if (!observation.time().isBefore(horizon)) {
                break;
            }
            observationIndex.remove(id, observation);
            firstIndexed = id + 1;
            retired++;
        }
        return retired;
    }

    private static ObservationIndex replayed(ObservationStore observations, SpatialSettings settings) {
        ObservationIndex index = new ObservationIndex(Require.present("settings", settings).indexCellMeters());
        Require.present("observationStore", observations).forEachPlacement(1, index::add);
        return index;
    }

    /** The oldest observation id still indexed (1 when nothing was retired). */
    public long firstIndexedObservation() {
        return firstIndexed;
    }

    /** Stores one observation that came without a frame and fuses it. */
    public Ingested observe(Observation observation) {
        long id = observations.append(observation);
        observationIndex.add(id, observation);
        return new Ingested(id, objects.fuse(id, observation));
    }

    /**
     * Stores a frame: its observations are fused; objects in view but not seen are missed; the frame joins
     * the point-to-frame index and the snapshot candidates.
     */
    public FrameResult observeFrame(SensorFrame frame) {
        List<Ingested> ingested = new ArrayList<>();
        List<Long> objectIds = new ArrayList<>();
        List<Double> qualities = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (Observation observation : frame.observations()) {
            Ingested one = observe(observation);
            ingested.add(one);
            RememberedObject object = one.fusion().object();
            objectIds.add(object.id());
            double quality = Math.max(MIN_VIEW_QUALITY, frame.view().viewQuality(frame.sensorPose(), object.position()));
            qualities.add((double) (float) quality);
            seen.add(object.id());
        }
        long first = ingested.isEmpty() ? observations.nextId() : ingested.get(0).observationId();
        FrameRecord record = frames.append(new FrameRecord(frames.nextId(), frame.robot(), frame.time(),
                frame.sensor(), frame.sensorPose(), frame.view(), frame.image(), first, objectIds, qualities));
        frameIndex.add(record);
        List<RememberedObject> missed = objects.missedInView(frame.sensorPose(), frame.view(), seen, lineOfSight,
                frame.time());
        synchronized (snapshots) {
            for (Ingested one : ingested) {
                FusionResult fusion = one.fusion();
                if (!fusion.created() && fusion.object().observationCount() == 1) {
                    snapshots.forget(fusion.object().id(), this::confirmed); // it moved: old views are stale
                }
            }
            for (RememberedObject gone : missed) {
                if (gone.status() == ObjectStatus.GONE) {
                    snapshots.forget(gone.id(), this::confirmed);
                }
            }
            snapshots.add(record, this::confirmed);
        }
        return new FrameResult(record, ingested, missed);
    }

    /** Writes back what changed in memory; call just before each commit. */
    public void beforeCommit() {
        objects.writeDirty();
    }

    // ---- queries (any thread) ---------------------------------------------------------------------------

    public ObjectMemory objects() {
        return objects;
    }

    public ObservationIndex observationIndex() {
        return observationIndex;
    }

    public Optional<Observation> observation(long id) {
        return observations.get(id);
    }

    public long observationCount() {
        return observations.size();
    }

    /** Resolves observation ids (from the index) to observations, in the same order. */
    public List<Observation> observations(long[] ids) {
        List<Observation> found = new ArrayList<>(ids.length);
        for (long id : ids) {
            observations.get(id).ifPresent(found::add);
        }
        return found;
    }

    public Optional<FrameRecord> frame(long id) {
        return frameIndex.get(id);
    }

    public long frameCount() {
        return frames.size();
    }

    /** Frames that saw {@code point}, newest first. */
    public List<FrameRecord> framesSeeing(Vec3 point, int limit, Optional<RobotId> robot) {
        return frameIndex.framesSeeing(point, limit, robot, lineOfSight);
    }

    /** Snapshots whose view holds {@code point}, newest first. */
    public List<Snapshot> snapshotsSeeing(Vec3 point, int limit) {
        List<Snapshot> seeing = new ArrayList<>();
        for (Snapshot snapshot : snapshots()) {
            FrameRecord frame = snapshot.frame();
            if (frame.view().contains(frame.sensorPose(), point) && lineOfSight.clear(frame.sensorPose().position(),
                    point)) {
                seeing.add(snapshot);
            }
        }
        seeing.sort(Comparator.comparing((Snapshot s) -> s.frame().time()).reversed());
        return seeing.subList(0, Math.min(Math.max(limit, 0), seeing.size()));
    }

    /** All memory snapshots, by frame id. */
    public List<Snapshot> snapshots() {
        synchronized (snapshots) {
            return snapshots.snapshots(this::labelOf);
        }
    }

    /** Snapshots showing the given classes, best first (3D-Mem's prefilter by class, then rank). */
    public List<Snapshot> snapshotsFor(Set<String> classes, int limit) {
        synchronized (snapshots) {
            return snapshots.forClasses(classes, limit, this::labelOf);
        }
    }

    /** The snapshot that is the best view of {@code object}. */
    public Optional<Snapshot> snapshotOf(long object) {
        synchronized (snapshots) {
            return snapshots.snapshotOf(object).flatMap(frame -> snapshots.snapshots(this::labelOf).stream()
                    .filter(s -> s.frame().id() == frame).findFirst());
        }
    }

    private boolean confirmed(long object) {
        return objects.get(object).map(o -> o.status() != ObjectStatus.GONE
                && o.observationCount() >= snapshots.settings().minSightings()).orElse(false);
    }

    private String labelOf(long object) {
        return objects.get(object).map(RememberedObject::label).orElse("unknown");
    }
}
