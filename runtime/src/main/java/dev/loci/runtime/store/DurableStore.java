package dev.loci.runtime.store;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.chunk.EventTrace;
import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventMaps;
import dev.loci.episodic.working.WorkingMemoryState;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.store.codec.ChunkCodec;
import dev.loci.runtime.store.codec.WorkingMemoryCodec;
import dev.loci.runtime.store.codec.EventCodec;
import dev.loci.runtime.store.codec.EventTraceCodec;
import dev.loci.runtime.store.codec.FrameCodec;
import dev.loci.runtime.store.codec.MapDbSerializer;
import dev.loci.runtime.store.codec.ObjectStateCodec;
import dev.loci.runtime.store.codec.ProfileCodec;
import dev.loci.runtime.store.codec.RememberedObjectCodec;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.Versioned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mapdb.BTreeMap;
import org.mapdb.DB;
import org.mapdb.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one memory: {@code memory.db} (MapDB, transactions + mmap, commits made atomic by
 * {@link AtomicMapDb}: a kill -9 loses at most the uncommitted tail), {@code observations/} (the raw-observation
 * journal), {@code events.log} (the event journal) and {@code blobs/} (large binaries). It opens them, hands out
 * the maps the memories keep their data in, and commits. Only {@link StoreWriter} mutates maps or calls
 * {@link #commit()}.
 */
public final class DurableStore implements AutoCloseable {
    /**
     * Layout of maps and files and their meaning; bump when a change needs migration. 2: events live in
     * {@code events.log} ({@link EventJournal}) and their indexes only in memory; a format-1 store's events are
     * moved there from MapDB's {@code events.byRobotTime} (and its index maps emptied) when it is first opened.
     */
    public static final long STORE_FORMAT = 2;
    private static final String FORMAT_KEY = "store.format";
    /** How many journalled observations the last MapDB commit covers: the journal is cut back to this on open. */
    private static final String OBSERVATIONS_COMMITTED = "observations.committed";
    /** How many bytes of the event journal the last MapDB commit covers: it is cut back to this on open. */
    private static final String EVENTS_COMMITTED = "events.journalBytes";
    /** The last observation id retired from the in-memory index (0: none). */
    private static final String OBSERVATIONS_RETIRED = "observations.retiredThrough";
    private static final Logger log = LoggerFactory.getLogger(DurableStore.class);

    private final Path directory;
    private final DB db;
    private final BlobStore blobs;
    private final ObservationJournal observations;
    private final EventJournal events;
    private final BTreeMap<Long, RememberedObject> objects;
    /** Format 1's events (values inline in the leaves); empty once they have moved to the event journal. */
    private final BTreeMap<long[], Event> legacyEvents;
    /** Format 1's event indexes by time, place and object; emptied with {@link #legacyEvents}. */
    private final List<String> legacyIndexes = List.of("events.byTime", "events.byPlace",
            "events.byObject");
    private final BTreeMap<String, Versioned<RobotProfile>> profiles;
    private final BTreeMap<String, Long> counters;
    private final BTreeMap<Long, FrameRecord> frames;
    private final BTreeMap<Long, byte[]> occupancyChunks;
    private final BTreeMap<Long, EventTrace> eventTraces;
    private final BTreeMap<Long, Chunk> chunks;
    private final BTreeMap<Long, long[]> rehearsal;
    private final BTreeMap<String, WorkingMemoryState> workingMemory;
    private final BTreeMap<long[], ObjectState> objectVersions;
    private final BTreeMap<long[], Versioned<RobotProfile>> profileHistory;
    private final BTreeMap<long[], byte[]> semanticVectors;
    private final FleetMaps fleet;

    private DurableStore(Path directory, DB db, BlobStore blobs, ObservationJournal observations,
                         EventJournal events) {
        this.directory = directory;
        this.db = db;
        this.blobs = blobs;
        this.observations = observations;
        this.events = events;
        this.objects = db.treeMap("objects", Serializer.LONG, new MapDbSerializer<>(new RememberedObjectCodec()))
                .valuesOutsideNodesEnable().createOrOpen();
        this.legacyEvents = db.treeMap("events.byRobotTime", Serializer.LONG_ARRAY,
                new MapDbSerializer<>(new EventCodec())).createOrOpen();
        this.profiles = db.treeMap("profiles", Serializer.STRING, new MapDbSerializer<>(new ProfileCodec()))
                .createOrOpen();
        this.counters = db.treeMap("counters", Serializer.STRING, Serializer.LONG).createOrOpen();
        this.objectVersions = db.treeMap("objects.versions", Serializer.LONG_ARRAY,
                new MapDbSerializer<>(new ObjectStateCodec())).createOrOpen();
        this.profileHistory = db.treeMap("profiles.history", Serializer.LONG_ARRAY,
                new MapDbSerializer<>(new ProfileCodec())).valuesOutsideNodesEnable().createOrOpen();
        this.occupancyChunks = db.treeMap("occupancy.chunks", Serializer.LONG, Serializer.BYTE_ARRAY)
                .valuesOutsideNodesEnable().createOrOpen();
        this.eventTraces = db.treeMap("events.traces", Serializer.LONG, new MapDbSerializer<>(new EventTraceCodec()))
                .valuesOutsideNodesEnable().createOrOpen();
        this.chunks = db.treeMap("chunks", Serializer.LONG, new MapDbSerializer<>(new ChunkCodec()))
                .valuesOutsideNodesEnable().createOrOpen();
        this.rehearsal = db.treeMap("chunks.rehearsal", Serializer.LONG, Serializer.LONG_ARRAY).createOrOpen();
        this.workingMemory = db.treeMap("working.memory", Serializer.STRING,
                new MapDbSerializer<>(new WorkingMemoryCodec())).createOrOpen();
        this.frames = db.treeMap("frames", Serializer.LONG, new MapDbSerializer<>(new FrameCodec()))
                .valuesOutsideNodesEnable().createOrOpen();
        this.semanticVectors = db.treeMap("semantic.vectors", Serializer.LONG_ARRAY, Serializer.BYTE_ARRAY)
                .createOrOpen();
        this.fleet = new FleetMaps(
                db.treeMap("fleet.log", Serializer.LONG_ARRAY, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable()
                        .createOrOpen(),
                db.treeMap("fleet.marks", Serializer.STRING, Serializer.LONG).createOrOpen(),
                db.treeMap("fleet.meta", Serializer.STRING, Serializer.STRING).createOrOpen());
    }

    /** Opens (creating if needed) the memory in {@code directory}, replaying MapDB's log after a crash. */
    public static DurableStore open(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("memory.db");
        boolean existed = Files.exists(file);
        // Not DBMaker: MapDB 3.1.0 tears its file when killed inside a commit; AtomicMapDb makes commits atomic.
        DB db = AtomicMapDb.open(file, 32L << 20);
        BlobStore blobs = null;
        ObservationJournal journal = null;
        EventJournal events = null;
        try {
            blobs = new BlobStore(directory.resolve("blobs"));
            var counters = db.treeMap("counters", Serializer.STRING, Serializer.LONG).createOrOpen();
            journal = ObservationJournal.open(directory.resolve("observations"),
                    counters.getOrDefault(OBSERVATIONS_COMMITTED, 0L), counters.getOrDefault(OBSERVATIONS_RETIRED, 0L));
            events = EventJournal.open(directory.resolve("events.log"), counters.getOrDefault(EVENTS_COMMITTED, 0L));
            DurableStore store = new DurableStore(directory, db, blobs, journal, events);
            store.checkFormat(existed);
            log.info("opened memory {} ({} observations, {} objects, {} blobs)", directory,
                    journal.size(), store.objects.sizeLong(), blobs.size());
            return store;
        } catch (IOException | RuntimeException e) {
            db.close();
            if (blobs != null) {
                blobs.close();
            }
            if (journal != null) {
                journal.close();
            }
            if (events != null) {
                events.close();
            }
            throw e;
        }
    }

    private void checkFormat(boolean existed) throws IOException {
        Long format = counters.get(FORMAT_KEY);
        if (format == null) {
            if (existed && observations.size() > 0) {
                throw new IOException(directory + " holds a memory without a format marker: not a Loci store");
            }
            counters.put(FORMAT_KEY, STORE_FORMAT);
            db.commit();
        } else if (format > STORE_FORMAT) {
            throw new IOException(directory + " was written by a newer Loci (store format " + format
                    + "); this one reads up to " + STORE_FORMAT);
        } else if (format < STORE_FORMAT) {
            moveEventsToJournal(format);
        }
    }

    /**
     * Format 1 kept events in MapDB: they are appended to the (empty) event journal and removed from MapDB in
     * one commit, so a kill before it leaves the store as it was (the journal is cut back to 0 bytes on open).
     */
    private void moveEventsToJournal(long format) throws IOException {
        if (events.length() != 0) {
            throw new IOException(directory + " is a format-" + format + " store whose event journal is not empty");
        }
        long moved = 0;
        for (var entry : legacyEvents.entrySet()) {
            events.put(entry.getKey(), entry.getValue());
            moved++;
        }
        legacyEvents.clear();
        for (String index : legacyIndexes) {
            if (db.exists(index)) {
                db.treeMap(index, Serializer.LONG_ARRAY, Serializer.LONG).createOrOpen().clear();
            }
        }
        counters.put(FORMAT_KEY, STORE_FORMAT);
        commit();
        log.info("moved {} events of {} from MapDB to the event journal (store format {} -> {})", moved, directory,
                format, STORE_FORMAT);
    }

    /** Makes everything written so far durable: blobs first, so no committed record points at a lost blob. */
    void commit() throws IOException {
        blobs.sync();
        observations.sync();
        events.sync();
        counters.put(OBSERVATIONS_COMMITTED, observations.size());
        counters.put(EVENTS_COMMITTED, events.length());
        db.commit();
    }

    /** The last observation id retired from the in-memory index, as of the last commit (0: none). */
    public long observationsRetiredThrough() {
        return counters.getOrDefault(OBSERVATIONS_RETIRED, 0L);
    }

    /**
     * Records that the observations up to {@code through} left the in-memory index (durable with the next
     * commit); the journal keeps only sparse locations for them from now on.
     */
    public void retireObservationsThrough(long through) {
        counters.put(OBSERVATIONS_RETIRED, through);
        observations.releaseLocationsThrough(through);
    }

    public Path directory() {
        return directory;
    }

    public ObservationJournal observations() {
        return observations;
    }

    public BTreeMap<Long, RememberedObject> objects() {
        return objects;
    }

    /** Where the event log keeps its events (the journal) and its id counter. */
    public EventMaps events() {
        return new EventMaps(events, counters);
    }

    public BTreeMap<String, Versioned<RobotProfile>> profiles() {
        return profiles;
    }

    /** Every committed version of every object: {id, sensor time, version} -> state. */
    public BTreeMap<long[], ObjectState> objectVersions() {
        return objectVersions;
    }

    /** Every committed profile version: {robotKey, heartbeat time, version} -> profile. */
    public BTreeMap<long[], Versioned<RobotProfile>> profileHistory() {
        return profileHistory;
    }

    /** Voxel chunks of the occupancy map (the map's own format, versioned inside each value). */
    public BTreeMap<Long, byte[]> occupancyChunks() {
        return occupancyChunks;
    }

    /** Each event's text vector, by event id: what episodes and sessions are built and searched from. */
    public BTreeMap<Long, EventTrace> eventTraces() {
        return eventTraces;
    }

    /** Text vectors by {kind, id}, each a VectorRecordCodec record (format-version byte first). */
    public BTreeMap<long[], byte[]> semanticVectors() {
        return semanticVectors;
    }

    /** Fleet memory: the delta log, the version vector and who wrote each profile. */
    public FleetMaps fleet() {
        return fleet;
    }

    /** Episodes and sessions of the event history. */
    public BTreeMap<Long, Chunk> chunks() {
        return chunks;
    }

    /** Per episode: {recalls, last recall ns, detail forgotten 0/1}. */
    public BTreeMap<Long, long[]> rehearsal() {
        return rehearsal;
    }

    /** Per robot name: what restores its working-memory view (see {@link WorkingMemoryState}). */
    public BTreeMap<String, WorkingMemoryState> workingMemory() {
        return workingMemory;
    }

    public BTreeMap<Long, FrameRecord> frames() {
        return frames;
    }

    public BTreeMap<String, Long> counters() {
        return counters;
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** Bytes on disk of the MapDB file, its log and the blob segments. */
    public long bytesOnDisk() throws IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Closes without committing: the caller ({@link StoreWriter}) commits what it acknowledges first. */
    @Override
    public void close() throws IOException {
        try {
            db.close();
        } finally {
            try {
                blobs.close();
                observations.close();
            } finally {
                events.close();
            }
        }
    }
}
