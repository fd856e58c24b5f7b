package dev.loci.bench.peers;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import dev.loci.runtime.semantic.SemanticMemory;
import dev.loci.runtime.semantic.index.Hit;
import dev.loci.runtime.semantic.index.ItemKind;
import dev.loci.runtime.semantic.index.VectorFilter;
import dev.loci.runtime.semantic.index.VectorIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Loci through its public runtime API, with its default 50 ms group commit. */
final class LociPeer implements PeerStore {
    /** The default config; a bulk submitter may wait longer for room in the writer's queue. */
    /** The peers index objects and events; Loci's semantic memory also holds episode summaries and places. */
    static final VectorFilter OBJECTS_AND_EVENTS = VectorFilter.ANY.ofKinds(Set.of(ItemKind.OBJECT, ItemKind.EVENT));
    static final LociConfig CONFIG = LociConfig.DEFAULT.withOfferTimeout(Duration.ofMinutes(1));

    private final Path directory;
    private final long heapBefore;
    private LociRuntime runtime;
    private SemanticMemory semantic;

    LociPeer(Path directory) throws IOException {
        this.directory = directory;
        this.heapBefore = Heap.usedAfterGc();
        this.runtime = LociRuntime.open(directory, CONFIG);
    }

    @Override
    public String name() {
        return "Loci";
    }

    @Override
    public CompletableFuture<Void> ingest(List<Observation> batch) {
        return runtime.ingestAll(batch).thenApply(acks -> null);
    }

    @Override
    public void finish() {
        runtime.flush();
    }

    @Override
    public void record(List<Event> events) {
        for (Event event : events) {
            runtime.record(event);
        }
    }

    @Override
    public long objectCount() {
        return runtime.stats().objects();
    }

    @Override
    public List<Long> within(Vec3 center, double radius) {
        return ids(runtime.objectsWithin(center, radius));
    }

    @Override
    public List<Long> nearestOfClass(Vec3 center, String label, int k) {
        return ids(runtime.nearestOfClass(center, label, k));
    }

    @Override
    public List<EventKey> eventWindow(RobotId robot, long fromNanos, long toNanos, int limit) {
        List<StoredEvent> events = runtime.events(new EventQuery(Timestamp.ofNanos(fromNanos), Timestamp.ofNanos(toNanos),
                Optional.of(robot), Set.of(), Optional.empty(), Optional.empty(), limit));
        List<EventKey> keys = new ArrayList<>(events.size());
        for (StoredEvent e : events) {
            keys.add(new EventKey(e.event().time().nanos(), e.event().description()));
        }
        return keys;
    }

    @Override
    public Map<String, Long> indexTexts(TextCorpus corpus) {
        semantic = runtime.semantic(corpus);
        semantic.awaitIndexed();
        awaitSketchClusters();
        Map<String, Long> counts = new HashMap<>();
        for (String label : runtime.objectClasses()) {
            counts.merge(TextCorpus.objectText(label), (long) runtime.objectsOfClass(label).size(), Long::sum);
        }
        Set<Long> seen = new HashSet<>();
        long from = 0;
        while (true) {
            List<StoredEvent> page = runtime.events(new EventQuery(Timestamp.ofNanos(from), Timestamp.ofNanos(Long.MAX_VALUE),
                    Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), EventQuery.MAX_LIMIT));
            for (StoredEvent e : page) {
                if (seen.add(e.id())) {
                    counts.merge(TextCorpus.eventText(e.event().description()), 1L, Long::sum);
                }
            }
            if (page.size() < EventQuery.MAX_LIMIT) {
                return counts;
            }
            from = page.get(page.size() - 1).event().time().nanos();
        }
    }

    /**
     * A large text index fits its sketch clusters in the background after the first search that needs them; until
     * then searches read every sketch. A robot is in that state for the first second or so after start; the timed
     * queries measure the state after it, so wait for it here, in the untimed indexing phase.
     */
    private void awaitSketchClusters() {
        if (semantic.index().size() < VectorIndex.PARTITION_FROM) {
            return;
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!semantic.index().partitioned() && System.nanoTime() < deadline) {
            semantic.search("warming up the text index", OBJECTS_AND_EVENTS, 10);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public List<String> textSearch(String question, int k) {
        List<Hit> hits = semantic.search(question, OBJECTS_AND_EVENTS, k);
        List<String> texts = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            texts.add(hit.item().text());
        }
        return texts;
    }

    @Override
    public void reopen() throws IOException {
        runtime.close();
        runtime = LociRuntime.open(directory, CONFIG);
    }

    @Override
    public long bytesOnDisk() {
        return runtime.bytesOnDisk();
    }

    @Override
    public long memoryBytes() {
        return Heap.usedAfterGc() - heapBefore;
    }

    @Override
    public String memoryNote() {
        return "JVM heap held by the open runtime (used heap after GC, minus before it opened; includes any "
                + "peer JVM objects open at the time, which are small)";
    }

    @Override
    public void close() throws IOException {
        runtime.close();
    }

    private static List<Long> ids(List<RememberedObject> objects) {
        List<Long> ids = new ArrayList<>(objects.size());
        for (RememberedObject o : objects) {
            ids.add(o.id());
        }
        return ids;
    }
}
