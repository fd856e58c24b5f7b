package dev.loci.runtime;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.chunk.ChunkConsolidationPolicy;
import dev.loci.episodic.chunk.ChunkConsolidationReport;
import dev.loci.episodic.chunk.ChunkMemory;
import dev.loci.episodic.chunk.ChunkSettings;
import dev.loci.episodic.chunk.ChunkStats;
import dev.loci.episodic.chunk.RecallResult;
import dev.loci.episodic.chunk.RecalledEvent;
import dev.loci.episodic.chunk.SummaryWriter;
import dev.loci.episodic.working.WorkingMemory;
import dev.loci.episodic.working.WorkingMemorySettings;
import dev.loci.episodic.working.WorkingMemoryView;
import dev.loci.episodic.event.ConsolidationPolicy;
import dev.loci.episodic.event.ConsolidationReport;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventLog;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.embodiment.ProfileBook;
import dev.loci.runtime.fleet.DeltaPayload;
import dev.loci.runtime.fleet.FleetMemory;
import dev.loci.runtime.fleet.FleetSync;
import dev.loci.runtime.fleet.MemoryAccess;
import dev.loci.runtime.lifecycle.Forgetting;
import dev.loci.runtime.lifecycle.ForgettingPolicy;
import dev.loci.runtime.lifecycle.ForgettingReport;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.store.DiskSpaceGuard;
import dev.loci.runtime.store.DurableStore;
import dev.loci.runtime.store.StoreWriter;
import dev.loci.runtime.semantic.SemanticFeed;
import dev.loci.runtime.semantic.SemanticMemory;
import dev.loci.runtime.semantic.SemanticSources;
import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.runtime.working.DurableWorkingMemory;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.index.PointGrid;
import dev.loci.spatial.objects.FusionResult;
import dev.loci.spatial.objects.ObjectMemory;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.memory.FrameResult;
import dev.loci.spatial.memory.Ingested;
import dev.loci.spatial.embedding.HashingEmbedder;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.memory.OccupancyMemory;
import dev.loci.spatial.memory.SpatialMemory;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.occupancy.RangeScan;
import dev.loci.spatial.occupancy.ScanResult;
import dev.loci.spatial.place.GridPath;
import dev.loci.spatial.place.PlaceMap;
import java.util.OptionalDouble;
import dev.loci.spatial.snapshot.Snapshot;
import java.util.Set;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loci's memory of one robot or fleet: the one object the rest of the system talks to. It owns one durable
 * store and the memories kept in it, takes writes from any thread (each acknowledged once committed), and
 * answers queries from any thread.
 *
 * <p>Bad input throws {@link InvalidValueException} at the call, is counted in {@link #stats()}, and changes
 * nothing. Writes are applied by the store's single writer thread.
 */
public final class LociRuntime implements AutoCloseable {
    /** The most observations one ingestAll takes: one batch is one unit of work for the single writer. */
    public static final int MAX_BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(LociRuntime.class);
    /** Width of the lexical vectors that episodes and sessions are summarised and searched with. */
    private static final int SUMMARY_DIMENSIONS = 256;

    private final DurableStore store;
    private final SpatialMemory spatial;
    private final OccupancyMemory occupancy;
    private final ObjectMemory objects;
    private final EventLog events;
    /** Episodes and sessions over the event log, and the planners' working-memory view; guarded by itself. */
    private final ChunkMemory chunks;
    private final DurableWorkingMemory working;
    private final Forgetting forgetting;
    private final DiskSpaceGuard diskSpace;
    private final ProfileBook profiles;
    private final StoreWriter writer;
    // ---- fleet memory (dev.loci.runtime.fleet): set once, then used on the writer thread only ----
    private static final String FLEET_SELF = "self";
    /** Counter key: raw observations up to this id were retired from the in-memory index. */
    private volatile FleetMemory fleet;
    private final Rejections rejections = new Rejections();
    /** Tells semantic memory what changed, once it is started by {@link #semantic}. */
    private final SemanticFeed semanticFeed = new SemanticFeed();
    /** Sensor time of the newest event: "now" for rehearsal, since memory runs on robot time, not wall time. */
    private final AtomicReference<Timestamp> latestEventTime =
            new AtomicReference<>(Timestamp.ZERO);

    private LociRuntime(DurableStore store, LociConfig config) {
        this.store = store;
        long firstIndexed = store.observationsRetiredThrough() + 1;
        ObservationReplay replay = ObservationReplay.start(store.observations(), firstIndexed,
                config.spatial().indexCellMeters());
        try { // everything but the replay loads here meanwhile
            this.spatial = new SpatialMemory(store.observations(), replay.index(), firstIndexed, store.objects(),
                    store.objectVersions(), store.frames(), config.spatial());
            this.objects = spatial.objects();
            this.occupancy = new OccupancyMemory(store.occupancyChunks(), config.occupancy());
            spatial.useLineOfSight(occupancy);
            this.events = new EventLog(store.events());
            this.profiles = new ProfileBook(store.profiles(), store.profileHistory());
            LongFunction<String> objectLabels = id -> objects.get(id).map(RememberedObject::label).orElse("object");
            this.chunks = new ChunkMemory(store.eventTraces(), store.chunks(), new HashingEmbedder(SUMMARY_DIMENSIONS),
                    ChunkSettings.DEFAULT, objectLabels);
            this.working = new DurableWorkingMemory(new WorkingMemory(WorkingMemorySettings.DEFAULT,
                    new SummaryWriter(objectLabels)), store.workingMemory(), store.eventTraces(), events);
            this.forgetting = new Forgetting(store.rehearsal(), chunks, events, store.eventTraces());
            forgetting.releaseForgottenDetail();
            replayOpenEpisodes(store);
            replay.await();
        } catch (RuntimeException | Error e) {
            replay.awaitQuietly();
            throw e;
        }
        this.diskSpace = new DiskSpaceGuard(store.directory(), config.diskReserveBytes());
        this.writer = new StoreWriter(store, diskSpace,
                List.of(spatial::beforeCommit, occupancy::beforeCommit, events::beforeCommit, () -> {
                    synchronized (chunks) {
                        working.beforeCommit();
                    }
                }),
                config.commitInterval(), config.queueCapacity(), config.offerTimeout());
        String fleetSelf = store.fleet().meta().get(FLEET_SELF);
        this.fleet = fleetSelf == null ? null : newFleetMemory(new RobotId(fleetSelf));
    }

    /** Opens the memory kept in {@code directory} (creating it if new) and rebuilds the in-memory indexes. */
    public static LociRuntime open(Path directory, LociConfig config) throws IOException {
        Require.present("directory", directory);
        Require.present("config", config);
        long start = System.nanoTime();
        DurableStore store = DurableStore.open(directory);
        try {
            LociRuntime runtime = new LociRuntime(store, config);
            log.info("memory ready in {} ms: {} objects indexed", (System.nanoTime() - start) / 1_000_000,
                    runtime.objects.size());
            return runtime;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    // ---- writes ------------------------------------------------------------------------------------------

    /** Stores a raw observation and fuses it into object memory; completes when committed. */
    public CompletableFuture<ObservationAck> ingest(Observation observation) {
        checked(() -> checkObservation(observation));
        return writer.submit(() -> {
            ObservationAck ack = apply(observation);
            shareObservations(List.of(observation));
            return ack;
        });
    }

    /** Stores a batch of observations in order; completes when all are committed. */
    public CompletableFuture<List<ObservationAck>> ingestAll(List<Observation> batch) {
        checked(() -> {
            Require.present("observations", batch);
            if (batch.size() > MAX_BATCH) {
                throw new InvalidValueException("observations", batch.size() + " observations",
                        "is a larger batch than " + MAX_BATCH + ": split it");
            }
            batch.forEach(this::checkObservation);
            return null;
        });
        List<Observation> copy = List.copyOf(batch);
        return writer.submit(() -> {
            List<ObservationAck> acks = new ArrayList<>(copy.size());
            for (Observation observation : copy) {
                acks.add(apply(observation));
            }
            shareObservations(copy);
            return acks;
        });
    }

    /**
     * Stores a detector frame: its observations are fused, objects that were in view but not seen lose
     * confidence (and are eventually gone), and the frame becomes a snapshot candidate. Completes when committed.
     */
    public CompletableFuture<FrameResult> ingestFrame(SensorFrame frame) {
        checked(() -> {
            Require.present("frame", frame);
            checkInWorld("sensorPose", frame.sensorPose().position());
            frame.observations().forEach(this::checkObservation);
            return null;
        });
        return writer.submit(() -> {
            FrameResult result = spatial.observeFrame(frame);
            result.observations().forEach(ingested -> semanticFeed.object(ingested.fusion().object()));
            shareObservations(frame.observations());
            return result;
        });
    }

    /**
     * Integrates a range scan (lidar, depth): the voxel map, the 2D occupancy grid, frontiers, and what later
     * frames can see (occlusion for change detection and point-to-frame). Completes when committed.
     */
    public CompletableFuture<ScanResult> ingestScan(RangeScan scan) {
        checked(() -> {
            Require.present("scan", scan);
            return checkInWorld("scan.origin", scan.origin());
        });
        return writer.submit(() -> {
            ScanResult result = occupancy.integrate(scan);
            semanticFeed.places(occupancy::places);
            return result;
        });
    }

    /** Appends an event to the history; completes when committed. */
    public CompletableFuture<StoredEvent> record(Event event) {
        checked(() -> {
            Require.present("event", event);
            event.place().ifPresent(place -> checkInWorld("event.place", place));
            return null;
        });
        return writer.submit(() -> {
            StoredEvent stored = append(event);
            share(new DeltaPayload.EventRecorded(event));
            return stored;
        });
    }

    private StoredEvent append(Event event) {
        StoredEvent stored = events.append(event);
        latestEventTime.accumulateAndGet(event.time(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        synchronized (chunks) {
            semanticFeed.chunks(chunks.observe(stored));
            working.observe(stored);
        }
        semanticFeed.event(stored);
        return stored;
    }

    /**
     * Consolidation: merges runs of redundant events in {@code [from, to]} into one event each, keeping their
     * provenance (count, last time, id range) on it. Explicit and logged: nothing is merged unless asked.
     */
    public CompletableFuture<ConsolidationReport> consolidateEvents(Timestamp from, Timestamp to,
                                                                    ConsolidationPolicy policy) {
        checkWindow(from, to, policy);
        return writer.submit(() -> {
            ConsolidationReport report = events.consolidate(from, to, policy);
            log.info("consolidated events in [{}, {}] ns: {} examined, {} runs merged, {} events folded in",
                    from.nanos(), to.nanos(), report.eventsExamined(), report.runsMerged(), report.eventsMerged());
            return report;
        });
    }

    /**
     * Consolidation of chunks: merges runs of redundant consecutive episodes (same task, place and objects,
     * adjacent times) of the closed sessions in {@code [from, to]}, keeping provenance (derived-from, version).
     * Explicit and logged: nothing is merged unless asked.
     */
    public CompletableFuture<ChunkConsolidationReport> consolidateChunks(Timestamp from, Timestamp to,
                                                                         ChunkConsolidationPolicy policy) {
        checkWindow(from, to, policy);
        return writer.submit(() -> {
            ChunkConsolidationReport report;
            synchronized (chunks) {
                report = chunks.consolidate(from, to, policy);
            }
            log.info("consolidated chunks in [{}, {}] ns: {} sessions, {} episodes examined, {} runs merged, {}"
                            + " episodes folded in", from.nanos(), to.nanos(), report.sessionsExamined(),
                    report.episodesExamined(), report.runsMerged(), report.episodesMerged());
            return report;
        });
    }

    /**
     * Forgetting: episodes whose retention at {@code now} fell below the policy's threshold lose their events;
     * their summaries stay. Explicit and logged: nothing is forgotten unless asked.
     */
    public CompletableFuture<ForgettingReport> forget(Timestamp now, ForgettingPolicy policy) {
        checked(() -> {
            Require.present("now", now);
            return Require.present("policy", policy);
        });
        return writer.submit(() -> {
            ForgettingReport report;
            synchronized (chunks) {
                report = forgetting.forget(now, policy);
            }
            log.info("forgetting at {} ns: {} episodes examined, {} lost their detail ({} events); summaries kept",
                    now.nanos(), report.episodesExamined(), report.episodesForgotten(), report.eventsRemoved());
            return report;
        });
    }

    /**
     * Bounded memory over time: retires raw observations stamped before {@code horizon} from the in-memory
     * index. Explicit, logged and durable (a reopen does not index them again). They stay in the observation
     * journal ({@link #observation(long)} still reads them) and in their objects' provenance; fused objects are
     * untouched; queries over raw observations (observationsWithin, ...) no longer find them. Retirement takes
     * a prefix in arrival order: it stops at the first observation stamped at or after the horizon.
     */
    public CompletableFuture<Long> retireObservations(Timestamp horizon) {
        checked(() -> Require.present("horizon", horizon));
        return writer.submit(() -> {
            long retired = spatial.retireObservationsBefore(horizon);
            long through = spatial.firstIndexedObservation() - 1;
            store.retireObservationsThrough(through);
            log.info("retired {} raw observations stamped before {} ns from the in-memory index (ids up to {});"
                    + " they stay in the journal", retired, horizon.nanos(), through);
            return retired;
        });
    }

    /** Whether an episode's events were forgotten (its summary remains). */
    public boolean detailForgotten(long episodeId) {
        return forgetting.detailForgotten(episodeId);
    }

    /** Stores the robot's profile as its next version, written by {@code source}; completes when committed. */
    public CompletableFuture<Versioned<RobotProfile>> updateProfile(RobotProfile profile, String source) {
        Provenance by = checked(() -> new Provenance(Require.present("profile", profile).id(), source,
                profile.lastHeartbeat()));
        checked(() -> checkInWorld("pose", profile.pose().position()));
        return writer.submit(() -> {
            Versioned<RobotProfile> stored = profiles.update(profile, by);
            share(new DeltaPayload.ProfileWritten(stored));
            return stored;
        });
    }

    /**
     * Counts a bad input that a front end (a {@code RobotWriter}, a ROS 2 node) refused before it reached this
     * runtime, so {@link #stats()} shows every rejection in one place; returns it for throwing.
     */
    public InvalidValueException countRejection(InvalidValueException rejection) {
        return rejections.count(Require.present("rejection", rejection));
    }

    /** Keeps a large binary (a snapshot image) in the blob file; durable with the next commit. */
    public BlobId putBlob(byte[] bytes) {
        diskSpace.check("the blob");
        return checked(() -> store.blobs().put(bytes));
    }

    /** Blocks until everything submitted before this call is committed. */
    public void flush() {
        try {
            writer.flush().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("flush failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    // ---- queries -----------------------------------------------------------------------------------------

    public Optional<RememberedObject> object(long id) {
        return objects.get(id);
    }

    public List<RememberedObject> objectsOfClass(String label) {
        return checked(() -> objects.ofClass(label));
    }

    /** Objects within {@code radius} metres of {@code center}, nearest first. */
    public List<RememberedObject> objectsWithin(Vec3 center, double radius) {
        return checked(() -> objects.within(center, radius));
    }

    /** Up to {@code k} objects of class {@code label} nearest to {@code center}, nearest first. */
    public List<RememberedObject> nearestOfClass(Vec3 center, String label, int k) {
        return checked(() -> objects.nearestOfClass(center, label, k));
    }

    /** Where object {@code id} was last seen. */
    public Optional<Sighting> lastSeen(long id) {
        return objects.get(id).map(Sighting::of);
    }

    /** The most recent sighting of any object of class {@code label}. */
    public Optional<Sighting> lastSeenOfClass(String label) {
        return checked(() -> objects.lastSeenOfClass(label)).map(Sighting::of);
    }

    public Optional<Observation> observation(long id) {
        return spatial.observation(id);
    }

    /** Raw observations whose box centre is within {@code radius} of {@code center}, optionally of one robot. */
    public List<Observation> observationsWithin(Vec3 center, double radius, Optional<RobotId> robot) {
        return checked(() -> spatial.observations(spatial.observationIndex().within(center, radius, robot)));
    }

    /** Raw observations whose box centre lies in {@code box}, optionally of one robot. */
    public List<Observation> observationsInBox(Aabb box, Optional<RobotId> robot) {
        return checked(() -> spatial.observations(spatial.observationIndex().inBox(box, robot)));
    }

    /** Up to {@code k} raw observations of class {@code label} nearest to {@code center}, nearest first. */
    public List<Observation> nearestObservationsOfClass(Vec3 center, String label, int k, Optional<RobotId> robot) {
        return checked(() -> spatial.observations(spatial.observationIndex().nearestOfClass(center, label, k, robot)));
    }

    /** Frames whose view held {@code point}, newest first (point-to-frame retrieval). */
    public List<FrameRecord> framesSeeing(Vec3 point, int limit, Optional<RobotId> robot) {
        return checked(() -> spatial.framesSeeing(point, limit, robot));
    }

    /** Memory snapshots whose view holds {@code point}, newest first. */
    public List<Snapshot> snapshotsSeeing(Vec3 point, int limit) {
        return checked(() -> spatial.snapshotsSeeing(point, limit));
    }

    /** The current memory snapshots: a few frames that together show every confirmed object. */
    public List<Snapshot> snapshots() {
        return spatial.snapshots();
    }

    /** Snapshots that show objects of the given classes, best first. */
    public List<Snapshot> snapshotsFor(Set<String> classes, int limit) {
        return checked(() -> spatial.snapshotsFor(classes, limit));
    }

    /** The 2D occupancy grid over the robots' height band (nav_msgs/OccupancyGrid semantics). */
    public OccupancyGrid occupancyGrid() {
        return occupancy.grid();
    }

    /** Frontiers between explored free space and unknown space, each with a pose facing the unknown. */
    public List<Frontier> frontiers() {
        return occupancy.frontiers();
    }

    /** Free space segmented into places, with their adjacency. */
    public PlaceMap places() {
        return occupancy.places();
    }

    /** A shortest path on the occupancy grid between two points, if one is known. */
    public Optional<GridPath> path(Vec3 from, Vec3 to) {
        return checked(() -> occupancy.path(from, to));
    }

    /** Length of the shortest known path between two points, in metres. */
    public OptionalDouble pathDistance(Vec3 from, Vec3 to) {
        return checked(() -> occupancy.pathDistance(from, to));
    }

    public Optional<FrameRecord> frame(long id) {
        return spatial.frame(id);
    }

    public List<StoredEvent> events(EventQuery query) {
        return checked(() -> events.query(query));
    }

    /**
     * Two-stage recall of events by a question in words: session summaries first, then the best sessions'
     * episodes, then their events; the top {@code k} with their temporal neighbours, in log order.
     */
    public List<StoredEvent> recall(String question, int k) {
        checked(() -> Require.text("question", question, Require.MAX_TEXT_CHARS));
        RecallResult result;
        synchronized (chunks) {
            result = checked(() -> chunks.recall(question, k));
        }
        writer.submit(() -> { // rehearsal is a write: it goes through the writer like every other
            synchronized (chunks) {
                forgetting.reinforce(result, latestEventTime.get());
            }
            return null;
        });
        List<StoredEvent> found = new ArrayList<>();
        for (RecalledEvent recalled : result.withContext()) {
            events.get(recalled.robot(), recalled.time().nanos(), recalled.eventId())
                    .ifPresent(e -> found.add(new StoredEvent(recalled.eventId(), e)));
        }
        return found;
    }

    /** Closes the robot's open episode and session now (end of a mission, shutdown); completes when committed. */
    public CompletableFuture<List<Chunk>> closeEpisodes(RobotId robot) {
        checked(() -> Require.present("robot", robot));
        return writer.submit(() -> {
            synchronized (chunks) {
                List<Chunk> closed = chunks.flush(robot);
                semanticFeed.chunks(closed);
                return closed;
            }
        });
    }

    /** The sessions (top-level chunks) of a robot's history, oldest first, each with its summary. */
    public List<Chunk> sessions(RobotId robot) {
        synchronized (chunks) {
            return chunks.sessions(robot);
        }
    }

    /** The episodes a session is made of. */
    public List<Chunk> episodesOf(Chunk session) {
        synchronized (chunks) {
            return chunks.members(session);
        }
    }

    /** What a planner should see of a robot's current task: finished subgoals as summaries, the current in detail. */
    public Optional<WorkingMemoryView> workingMemory(RobotId robot) {
        synchronized (chunks) {
            return working.view(robot);
        }
    }

    public Optional<Versioned<RobotProfile>> profile(RobotId robot) {
        return profiles.get(robot);
    }

    public List<Versioned<RobotProfile>> profiles() {
        return profiles.all();
    }

    /**
     * Time travel: objects and robots as memory believed them at {@code time} (sensor time), from the
     * versioned history. Exact to within one commit interval of writes.
     */
    public WorldState stateAt(Timestamp time) {
        checked(() -> Require.present("time", time));
        return new WorldState(time, objects.stateAt(time), profiles.stateAt(time));
    }

    public Optional<byte[]> blob(BlobId id) {
        return store.blobs().get(id);
    }

    public List<String> objectClasses() {
        return objects.classes();
    }

    public RuntimeStats stats() {
        return new RuntimeStats(spatial.observationCount(), objects.size(), spatial.frameCount(), events.size(), profiles.all().size(),
                store.blobs().size(), writer.stats().commits(), writer.stats().rejectedQueueFull(),
                writer.stats().failedWrites(), chunkStats().indexBytes(), rejections.snapshot());
    }

    /** Chunk memory's counters: events, episodes and sessions, and what its in-memory index holds. */
    public ChunkStats chunkStats() {
        synchronized (chunks) {
            return chunks.stats();
        }
    }

        /** Counters of the write path: commits, time spent committing, refusals. */
    public dev.loci.runtime.store.WriterStats writerStats() {
        return writer.stats();
    }

    public long bytesOnDisk() {
        try {
            return store.bytesOnDisk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return store.directory();
    }

    /**
     * Semantic memory (questions in words) over this memory with {@code embedder}, started on the first call:
     * stored vectors are loaded, texts without one are embedded in the background. Later calls return the same
     * one. The caller keeps ownership of the embedder (close it after this runtime).
     */
    public SemanticMemory semantic(TextEmbedder embedder) {
        return semanticFeed.attachIfAbsent(() -> SemanticMemory.start(embedder, writer, store.semanticVectors(),
                new SemanticSources(this::allObjects, this::allEvents, () -> store.chunks().values(),
                        () -> occupancy.places().places()), this));
    }

    /**
     * Fleet memory: from now on (and after every reopen) each committed observation, event and profile update
     * is also a delta of origin {@code self}, shared through the returned facet; peers' deltas merge through it.
     * Call right after open: writes made before the first call are not shared. A store keeps its origin.
     */
    public synchronized FleetSync fleet(RobotId self) {
        Require.present("self", self);
        if (fleet == null) {
            try {
                writer.submit(() -> {
                    store.fleet().meta().put(FLEET_SELF, self.name());
                    fleet = newFleetMemory(self);
                    return null;
                }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting fleet memory", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("fleet memory did not start: " + e.getCause().getMessage(), e.getCause());
            }
        } else if (!fleet.self().equals(self)) {
            throw rejections.count(new InvalidValueException("self", self, "this store is fleet origin "
                    + fleet.self() + "; an origin cannot be renamed"));
        }
        return new FleetSync(writer, fleet);
    }

    private FleetMemory newFleetMemory(RobotId self) {
        return new FleetMemory(self, store.fleet(), new MemoryAccess(this::apply, this::append, profiles,
                spatial::observationCount, spatial::observation, this::allEvents));
    }

    private void shareObservations(List<Observation> observations) {
        FleetMemory shared = fleet;
        if (shared != null && !observations.isEmpty()) {
            shared.recordLocalObservations(observations);
        }
    }

    private void share(DeltaPayload payload) {
        FleetMemory shared = fleet;
        if (shared != null) {
            shared.recordLocal(payload);
        }
    }

    /** Commits everything submitted, then closes the files. */
    @Override
    public void close() throws IOException {
        semanticFeed.close();
        writer.close();
        store.close();
    }

    // ---- internals ---------------------------------------------------------------------------------------

    /**
     * Chunk memory keeps closed episodes and sessions in the store; the events of the still-open ones (and a
     * window before them, to warm the segmenter up) are replayed from the log after a reopen.
     */
    private void replayOpenEpisodes(DurableStore store) {
        for (RobotId robot : chunks.robots()) {
            long from = chunks.replayFrom(robot);
            for (var trace : store.eventTraces().tailMap(Math.max(1, from), true).entrySet()) {
                if (trace.getValue().robot().equals(robot)) {
                    events.get(robot, trace.getValue().time().nanos(), trace.getKey())
                            .ifPresent(e -> chunks.observe(new StoredEvent(trace.getKey(), e)));
                }
            }
        }
    }

    private Iterable<RememberedObject> allObjects() {
        List<RememberedObject> all = new ArrayList<>();
        objects.classes().forEach(label -> all.addAll(objects.ofClass(label)));
        return all;
    }

    /** Every event in log order (for semantic memory's backfill, on the writer thread). */
    private List<StoredEvent> allEvents() {
        List<StoredEvent> all = new ArrayList<>();
        store.eventTraces().forEach((id, trace) -> events.get(trace.robot(), trace.time().nanos(), id)
                .ifPresent(e -> all.add(new StoredEvent(id, e))));
        return all;
    }

    private ObservationAck apply(Observation observation) {
        Ingested ingested = spatial.observe(observation);
        FusionResult fused = ingested.fusion();
        semanticFeed.object(fused.object());
        return new ObservationAck(ingested.observationId(), fused.object().id(), fused.created());
    }

    private Void checkObservation(Observation observation) {
        Require.present("observation", observation);
        checkInWorld("box.min", observation.box().min());
        checkInWorld("box.max", observation.box().max());
        checkInWorld("sensorPose", observation.sensorPose().position());
        return null;
    }

    /** A maintenance pass's window and policy must be given. */
    private void checkWindow(Timestamp from, Timestamp to, Object policy) {
        checked(() -> {
            Require.present("from", from);
            Require.present("to", to);
            return Require.present("policy", policy);
        });
    }

    private static Void checkInWorld(String field, Vec3 p) {
        double limit = PointGrid.MAX_COORDINATE;
        if (Math.abs(p.x()) > limit || Math.abs(p.y()) > limit || Math.abs(p.z()) > limit) {
            throw new InvalidValueException(field, p, "is farther than " + limit + " m from the map origin");
        }
        return null;
    }

    private <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidValueException e) {
            throw rejections.count(e);
        }
    }
}
