package dev.loci.runtime.semantic;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.semantic.index.Hit;
import dev.loci.runtime.semantic.index.ItemKind;
import dev.loci.runtime.semantic.index.SemanticItem;
import dev.loci.runtime.semantic.index.VectorFilter;
import dev.loci.runtime.semantic.index.VectorIndex;
import dev.loci.runtime.semantic.ingest.EmbeddingWorker;
import dev.loci.runtime.semantic.ingest.EmbeddingWorker.Embedded;
import dev.loci.runtime.semantic.ingest.ItemTexts;
import dev.loci.runtime.semantic.ingest.VectorRecord;
import dev.loci.runtime.semantic.ingest.VectorRecordCodec;
import dev.loci.runtime.store.StoreWriter;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.place.Place;
import dev.loci.spatial.place.PlaceMap;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions in words over everything in memory that has text: object labels and attributes, event
 * descriptions, episode and session summaries, place names. Each text gets a vector off the ingest path (one
 * background {@link EmbeddingWorker}); vectors are stored as int8 through the runtime's single writer and kept
 * in one {@link VectorIndex} for the whole fleet, searched with filters on robot, time, place and class, and
 * combined with the spatial and temporal indexes in the hybrid queries below.
 */
public final class SemanticMemory implements AutoCloseable {
    /** Texts embedded per model call. */
    public static final int BATCH = 64;
    /** Texts waiting for the model before new ones are dropped (and picked up by the next backfill). */
    public static final int BACKLOG = 1_000_000;
    /** Hits within this much of the best score count as equally good matches ("something to drink"). */
    public static final double SAME_MATCH_MARGIN = 0.08;

    private static final Logger log = LoggerFactory.getLogger(SemanticMemory.class);

    private final TextEmbedder embedder;
    private final String model;
    private final VectorIndex index;
    /** Fits the index's sketch clusters off the query path (see {@link VectorIndex#PARTITION_FROM}). */
    private final ExecutorService clusterTrainer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "loci-text-clusters");
        thread.setDaemon(true);
        return thread;
    });
    private final EmbeddingWorker worker;
    private final NavigableMap<long[], byte[]> records;
    private final VectorRecordCodec codec = new VectorRecordCodec();
    private final StoreWriter writer;
    private final LociRuntime runtime;
    private final AtomicLong corruptRecords = new AtomicLong();
    /** The place map last embedded from (writer thread only). */
    private PlaceMap lastPlaces;

    private SemanticMemory(TextEmbedder embedder, StoreWriter writer, NavigableMap<long[], byte[]> records,
                           LociRuntime runtime) {
        this.embedder = embedder;
        this.model = modelName(embedder);
        this.index = new VectorIndex(embedder.dimensions(), VectorIndex.SKETCH_FROM, VectorIndex.RESCORE_PER_RESULT,
                VectorIndex.PARTITION_FROM, clusterTrainer);
        this.records = records;
        this.writer = writer;
        this.runtime = runtime;
        this.worker = new EmbeddingWorker(embedder, this::persist, BATCH, BACKLOG);
    }

    /**
     * Starts semantic memory over a runtime's store: loads stored vectors of this model, queues every text
     * without one, and from then on hears of every change through {@code feedConnection} (run on the writer
     * thread, after the backfill, so no change falls between the two). Blocks until the backfill is queued.
     */
    public static SemanticMemory start(TextEmbedder embedder, StoreWriter writer, NavigableMap<long[], byte[]> records,
                                       SemanticSources sources, LociRuntime runtime) {
        Require.present("embedder", embedder);
        SemanticMemory memory = new SemanticMemory(embedder, writer, records, runtime);
        try {
            writer.submit(() -> {
                memory.backfill(sources);
                return null;
            }).join();
        } catch (RuntimeException e) {
            memory.close();
            throw e;
        }
        return memory;
    }

    private static String modelName(TextEmbedder embedder) {
        return embedder.getClass().getSimpleName() + "/" + embedder.dimensions();
    }

    // ---- ingest (writer thread) ----------------------------------------------------------------------------

    private void backfill(SemanticSources sources) {
        long started = System.nanoTime();
        int loaded = 0;
        for (Map.Entry<long[], byte[]> entry : records.entrySet()) {
            try {
                VectorRecord record = codec.decode(entry.getValue());
                if (record.model().equals(model) && record.vector().dimensions() == index.dimensions()) {
                    index.put(record.item(), record.vector());
                    loaded++;
                }
            } catch (CorruptRecordException e) {
                corruptRecords.incrementAndGet();
                log.warn("skipping a stored text vector: {}", e.getMessage());
            }
        }
        for (RememberedObject object : sources.objects().get()) {
            objectChanged(object);
        }
        for (StoredEvent event : sources.events().get()) {
            eventRecorded(event);
        }
        for (Chunk chunk : sources.chunks().get()) {
            chunkClosed(chunk);
        }
        for (Place place : sources.places().get()) {
            placeSeen(place);
        }
        log.info("semantic memory ({}): {} stored vectors loaded, {} texts queued, in {} ms", model, loaded,
                worker.backlog(), (System.nanoTime() - started) / 1_000_000);
    }

    /** An object was created or seen again: re-embed if its text changed, else just move it in the index. */
    void objectChanged(RememberedObject object) {
        SemanticItem item = ItemTexts.of(object);
        Optional<SemanticItem> known = index.item(item.key());
        if (known.isPresent() && known.get().text().equals(item.text())) {
            index.update(item.key(), item.robot(), item.time(), item.position());
        } else {
            worker.offer(item);
        }
    }

    /** The place map as it stands after a scan: new or renamed places are embedded, moved ones moved. */
    void placesSeen(PlaceMap map) {
        if (map == lastPlaces) {
            return; // not re-segmented since the last look
        }
        lastPlaces = map;
        map.places().forEach(this::placeSeen);
    }

    private void placeSeen(Place place) {
        SemanticItem item = ItemTexts.of(place, Timestamp.ZERO); // a place has no time of its own
        Optional<SemanticItem> known = index.item(item.key());
        if (known.isPresent() && known.get().text().equals(item.text())) {
            index.update(item.key(), item.robot(), item.time(), item.position());
        } else {
            worker.offer(item);
        }
    }

    void eventRecorded(StoredEvent event) {
        offerIfNew(ItemTexts.of(event));
    }

    void chunkClosed(Chunk chunk) {
        offerIfNew(ItemTexts.of(chunk));
    }

    private void offerIfNew(SemanticItem item) {
        Optional<SemanticItem> known = index.item(item.key());
        if (known.isEmpty() || !known.get().text().equals(item.text())) {
            worker.offer(item);
        }
    }

    /** Embedded texts go to the store and the index through the single writer, like every other write. */
    private CompletableFuture<?> persist(List<Embedded> batch) {
        return writer.submit(() -> {
            for (Embedded e : batch) {
                records.put(new long[] {e.item().key().kind().code(), e.item().key().id()},
                        codec.encode(new VectorRecord(e.item(), model, e.vector())));
                index.put(e.item(), e.vector());
            }
            return null;
        });
    }

    // ---- queries (any thread) ------------------------------------------------------------------------------

    /** The top {@code k} texts like {@code text} that the filter accepts, best first. */
    public List<Hit> search(String text, VectorFilter filter, int k) {
        try {
            Require.text("text", text, Require.MAX_TEXT_CHARS);
            Require.present("filter", filter);
            VectorIndex.checkK(k);
        } catch (InvalidValueException refused) {
            throw runtime.countRejection(refused);
        }
        return index.search(embedder.embed(text).toArray(), filter, k);
    }

    /**
     * "Where did I last see something to drink": objects whose text matches {@code what} about as well as the
     * best match (within {@link #SAME_MATCH_MARGIN}); of those, the one seen most recently, with where and when.
     */
    public Optional<SeenObject> whereLastSeen(String what, VectorFilter filter) {
        List<Hit> hits = search(what, filter.ofKinds(Set.of(ItemKind.OBJECT)), 10);
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        double best = hits.get(0).score();
        return hits.stream()
                .filter(h -> h.score() >= best - SAME_MATCH_MARGIN)
                .flatMap(h -> runtime.lastSeen(h.item().key().id())
                        .map(s -> new SeenObject(s, h.item().text(), h.score())).stream())
                .max(Comparator.comparing((SeenObject s) -> s.sighting().seenBy().time())
                        .thenComparingDouble(SeenObject::score));
    }

    /**
     * "What was on the kitchen table this morning": the object or place best matching {@code anchor} gives a
     * position; the spatial index gives the observations within {@code radius} of it, kept if made in
     * {@code [from, to]}; one entry per class (other than the anchor's), latest sighting first.
     */
    public List<SeenThere> seenNear(String anchor, Timestamp from, Timestamp to, double radius) {
        Require.present("from", from);
        Require.present("to", to);
        Require.positive("radius", radius);
        if (to.isBefore(from)) {
            throw new InvalidValueException("to", to.nanos(), "is before from " + from.nanos());
        }
        List<Hit> anchors = search(anchor, VectorFilter.ANY.ofKinds(Set.of(ItemKind.OBJECT, ItemKind.PLACE)), 1);
        if (anchors.isEmpty() || anchors.get(0).item().position().isEmpty()) {
            return List.of();
        }
        SemanticItem found = anchors.get(0).item();
        Vec3 center = found.position().get();
        Map<String, SeenThere> latest = new LinkedHashMap<>();
        for (Observation o : runtime.observationsWithin(center, radius, Optional.empty())) {
            if (o.time().isBefore(from) || to.isBefore(o.time()) || o.label().equals(found.label())) {
                continue;
            }
            SeenThere seen = new SeenThere(o.label(), o.box().center(), o.time(), o.robot());
            latest.merge(o.label(), seen, (a, b) -> a.when().isBefore(b.when()) ? b : a);
        }
        List<SeenThere> result = new ArrayList<>(latest.values());
        result.sort(Comparator.comparing((SeenThere s) -> s.when().nanos()).reversed());
        return result;
    }

    /** Blocks until every text handed in so far is embedded, stored and searchable. */
    public void awaitIndexed() {
        try {
            worker.awaitIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for embeddings", e);
        }
    }

    public SemanticStats stats() {
        return new SemanticStats(index.size(), worker.backlog(), worker.embeddedCount(), worker.droppedCount(),
                worker.failedBatches());
    }

    /** The index itself, for callers that embed their own queries. */
    public VectorIndex index() {
        return index;
    }

    public TextEmbedder embedder() {
        return embedder;
    }

    /** Stops the embedding worker; texts not yet embedded are embedded by the next start's backfill. */
    @Override
    public void close() {
        worker.close();
        clusterTrainer.shutdownNow();
    }
}
