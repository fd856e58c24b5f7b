package dev.loci.runtime.fleet;

import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.store.FleetMaps;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.runtime.store.codec.EventCodec;
import dev.loci.runtime.store.codec.ObservationCodec;
import dev.loci.runtime.store.codec.ProfileCodec;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Versioned;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merge engine of fleet memory. Every method runs on the store's writer thread, so a delta's effect on
 * memory, its log entry and the new high-water mark of its origin are committed together: after a crash a
 * delta is either fully applied and counted or not at all, so it is neither lost nor applied twice.
 *
 * <p>Order: a delta of origin O with sequence s is applied only when O's mark is s - 1 and every other mark is
 * at least its context's (causal order); earlier ones are duplicates, later ones wait in a bounded buffer (not
 * durable: the version vector asks for them again). Conflict rule for profiles: the higher (version, origin
 * name) wins; observations and events are append-only sets, so they need none.
 */
public final class FleetMemory {
    private static final Logger log = LoggerFactory.getLogger(FleetMemory.class);
    /** Deltas buffered behind gaps at most; past it new ones are dropped and asked for again later. */
    static final int MAX_WAITING = 100_000;
    /** Observation bytes per delta at most, so that any delta fits one wire packet with room for its header. */
    static final int MAX_DELTA_BYTES = 40_000;
    private static final String PROFILE_ORIGIN = "profile.";

    private final RobotId self;
    private final FleetMaps maps;
    private final MemoryAccess memory;
    private final DeltaCodec codec = new DeltaCodec();
    private final ObservationCodec observationCodec = new ObservationCodec();
    private final TreeMap<RobotId, Long> marks = new TreeMap<>();
    private final Map<RobotId, TreeMap<Long, Delta>> waiting = new HashMap<>();
    private int waitingCount;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong profilesKept = new AtomicLong();
    private final AtomicLong refusedDeltas = new AtomicLong();
    private volatile VersionVector vector;

    public FleetMemory(RobotId self, FleetMaps maps, MemoryAccess memory) {
        this.self = self;
        this.maps = maps;
        this.memory = memory;
        maps.marks().forEach((origin, mark) -> marks.put(new RobotId(origin), mark));
        this.vector = new VersionVector(marks);
    }

    public RobotId self() {
        return self;
    }

    /** Turns a committed-with-it local write into this runtime's next delta and logs it. */
    public Delta recordLocal(DeltaPayload payload) {
        Delta delta = new Delta(self, mark(self) + 1, vector, payload);
        if (payload instanceof DeltaPayload.ProfileWritten p) {
            maps.meta().put(PROFILE_ORIGIN + p.profile().value().id().name(), self.name());
        }
        logged(delta);
        return delta;
    }

    /**
     * Turns the observations of one committed write into as few deltas as fit: at most
     * {@link DeltaPayload.ObservationsWritten#MAX_OBSERVATIONS} and about {@link #MAX_DELTA_BYTES} each. Each
     * observation is encoded once: those bytes size the deltas and make up their log entries.
     */
    public void recordLocalObservations(List<dev.loci.spatial.observation.Observation> observations) {
        ByteArrayOutputStream scratch = new ByteArrayOutputStream(512);
        List<byte[]> chunk = new ArrayList<>();
        int bytes = 0;
        for (var observation : observations) {
            scratch.reset();
            try (DataOutputStream out = new DataOutputStream(scratch)) {
                observationCodec.write(out, DeltaPayload.ObservationsWritten.withoutImage(observation));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!chunk.isEmpty() && (bytes + scratch.size() > MAX_DELTA_BYTES
                    || chunk.size() == DeltaPayload.ObservationsWritten.MAX_OBSERVATIONS)) {
                logLocalObservations(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(scratch.toByteArray());
            bytes += scratch.size();
        }
        if (!chunk.isEmpty()) {
            logLocalObservations(chunk);
        }
    }

    private void logLocalObservations(List<byte[]> encoded) {
        long seq = mark(self) + 1;
        logged(self, seq, codec.encodeObservations(self, seq, vector, encoded));
    }

    /** Applies what can be applied of {@code deltas} (any order, duplicates allowed), buffers the rest. */
    public Receipt receive(List<Delta> deltas) {
        int dup = 0;
        for (Delta delta : deltas) {
            if (delta.seq() <= mark(delta.origin())) {
                dup++;
            } else if (waitingCount < MAX_WAITING
                    && waiting.computeIfAbsent(delta.origin(), o -> new TreeMap<>()).putIfAbsent(delta.seq(), delta) == null) {
                waitingCount++;
            } else {
                dup++; // already waiting, or no room: the peer's vector will ask again
            }
        }
        int now = 0;
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map.Entry<RobotId, TreeMap<Long, Delta>> queue : waiting.entrySet()) {
                TreeMap<Long, Delta> pending = queue.getValue();
                while (!pending.isEmpty()) {
                    Delta first = pending.firstEntry().getValue();
                    long mark = mark(first.origin());
                    if (first.seq() <= mark) {
                        pending.pollFirstEntry();
                        waitingCount--;
                        dup++;
                    } else if (first.seq() == mark + 1 && causallyReady(first)) {
                        pending.pollFirstEntry();
                        waitingCount--;
                        apply(first);
                        now++;
                        progress = true;
                    } else {
                        break;
                    }
                }
            }
        }
        waiting.values().removeIf(TreeMap::isEmpty);
        duplicates.addAndGet(dup);
        applied.addAndGet(now);
        return new Receipt(now, dup, waitingCount);
    }

    /** Deltas in this runtime's log that {@code peer} has not applied, origin by origin in sequence order. */
    public List<Delta> missingFor(VersionVector peer, int max) {
        List<Delta> missing = new ArrayList<>();
        for (Map.Entry<RobotId, Long> mark : marks.entrySet()) {
            long from = peer.get(mark.getKey()) + 1;
            if (from <= mark.getValue()) {
                readLog(mark.getKey(), from, mark.getValue(), max - missing.size(), missing);
            }
            if (missing.size() >= max) {
                break;
            }
        }
        return missing;
    }

    /** This runtime's own deltas after sequence number {@code after}, up to {@code max}. */
    public List<Delta> localAfter(long after, int max) {
        List<Delta> out = new ArrayList<>();
        if (after < mark(self)) {
            readLog(self, after + 1, mark(self), max, out);
        }
        return out;
    }

    public VersionVector vector() {
        return vector;
    }

    public FleetStats stats() {
        return new FleetStats(vector, applied.get(), duplicates.get(), profilesKept.get(), refusedDeltas.get());
    }

    /** A digest of the shared memory (see {@link MemoryDigest}); reads everything, so it is for tests and checks. */
    public MemoryDigest digest() {
        List<byte[]> items = new ArrayList<>();
        ObservationCodec observations = new ObservationCodec();
        EventCodec events = new EventCodec();
        ProfileCodec profiles = new ProfileCodec();
        long count = memory.observationCount().getAsLong();
        for (long id = 1; id <= count; id++) {
            Optional<dev.loci.spatial.observation.Observation> o = memory.observation().apply(id);
            if (o.isPresent()) {
                items.add(hash('O', out -> observations.write(out, DeltaPayload.ObservationsWritten.withoutImage(o.get()))));
            }
        }
        var stored = memory.allEvents().get();
        for (var e : stored) {
            items.add(hash('E', out -> events.write(out, new DeltaPayload.EventRecorded(e.event()).event())));
        }
        var current = memory.profiles().all();
        for (Versioned<RobotProfile> p : current) {
            items.add(hash('P', out -> profiles.write(out, p)));
        }
        items.sort(Arrays::compare);
        MessageDigest all = sha256();
        items.forEach(all::update);
        return new MemoryDigest(count, stored.size(), current.size(), HexFormat.of().formatHex(all.digest()));
    }

    // ---- internals ---------------------------------------------------------------------------------------

    private void apply(Delta delta) {
        DeltaPayload payload = delta.payload();
        try {
            if (payload instanceof DeltaPayload.ObservationsWritten o) {
                o.observations().forEach(memory.observe());
            } else if (payload instanceof DeltaPayload.EventRecorded e) {
                memory.record().accept(e.event());
            } else {
                adoptIfNewer(delta.origin(), ((DeltaPayload.ProfileWritten) payload).profile());
            }
        } catch (dev.loci.spatial.validation.InvalidValueException refused) {
            // Refused before it changed anything (memories validate first); counted as applied so that one bad
            // delta cannot hold back everything its origin sends after it.
            refusedDeltas.incrementAndGet();
            log.warn("peer delta {}#{} refused: {}", delta.origin(), delta.seq(), refused.getMessage());
        }
        logged(delta);
    }

    /** Higher version wins; on equal versions the greater origin name (deterministic on every runtime). */
    private void adoptIfNewer(RobotId origin, Versioned<RobotProfile> incoming) {
        String robot = incoming.value().id().name();
        Optional<Versioned<RobotProfile>> current = memory.profiles().get(incoming.value().id());
        String currentOrigin = maps.meta().getOrDefault(PROFILE_ORIGIN + robot, "");
        boolean wins = current.isEmpty() || incoming.version() > current.get().version()
                || (incoming.version() == current.get().version() && origin.name().compareTo(currentOrigin) > 0);
        if (wins) {
            memory.profiles().adopt(incoming);
            maps.meta().put(PROFILE_ORIGIN + robot, origin.name());
        } else {
            profilesKept.incrementAndGet();
        }
    }

    private void logged(Delta delta) {
        logged(delta.origin(), delta.seq(), codec.encode(delta));
    }

    private void logged(RobotId origin, long seq, byte[] encoded) {
        maps.log().put(new long[] {origin.key(), seq}, encoded);
        marks.put(origin, seq);
        maps.marks().put(origin.name(), seq);
        vector = vector.with(origin, seq);
    }

    private boolean causallyReady(Delta delta) {
        for (Map.Entry<RobotId, Long> needed : delta.context().marks().entrySet()) {
            if (!needed.getKey().equals(delta.origin()) && mark(needed.getKey()) < needed.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void readLog(RobotId origin, long from, long to, int max, List<Delta> into) {
        long key = origin.key();
        for (var entry : maps.log().subMap(new long[] {key, from}, true, new long[] {key, to}, true).entrySet()) {
            if (max-- <= 0) {
                return;
            }
            try {
                Delta delta = codec.decode(entry.getValue());
                if (delta.origin().equals(origin)) { // origin keys are hashes: a colliding origin's entry is not ours
                    into.add(delta);
                }
            } catch (CorruptRecordException e) {
                log.error("fleet log entry {}#{} does not decode: {}", origin, entry.getKey()[1], e.getMessage());
            }
        }
    }

    private long mark(RobotId origin) {
        return marks.getOrDefault(origin, 0L);
    }

    private interface Writing {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] hash(char kind, Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeChar(kind);
            writing.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sha256().digest(bytes.toByteArray());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
