package dev.loci.bench.peers;

import dev.loci.episodic.event.Event;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One store under comparison, driven through the same calls with the same data: Loci itself, or a peer a robot
 * developer would pick instead (SQLite, Redis), used the way a competent user of that store would use it.
 * Answers are object ids (nearest first, ties by lower id) and event keys, so the harness can check that every
 * store gives the same answer to the same question.
 */
interface PeerStore extends AutoCloseable {
    String name();

    /**
     * Stores a batch of observations and fuses each into the objects (nearest object of its class within the
     * gate, else a new object). The future completes when the batch is durable at the store's commit cadence.
     */
    CompletableFuture<Void> ingest(List<Observation> batch);

    /** Makes everything ingested or recorded so far durable and waits for it. */
    void finish();

    /** Stores events (not timed as a workload: they feed the time-window query). Call {@link #finish()} after. */
    void record(List<Event> events);

    long objectCount();

    /** Ids of objects within {@code radius} of {@code center}, nearest first. */
    List<Long> within(Vec3 center, double radius);

    /** Ids of the {@code k} objects of class {@code label} nearest to {@code center}, nearest first. */
    List<Long> nearestOfClass(Vec3 center, String label, int k);

    /** Events of {@code robot} with {@code from <= time <= to}, oldest first, at most {@code limit}. */
    List<EventKey> eventWindow(RobotId robot, long fromNanos, long toNanos, int limit);

    /**
     * Indexes the text of every object (its label) and event (its description) the store holds, with the
     * corpus' shared embeddings, the way this store's users search text; returns each text's item count.
     */
    Map<String, Long> indexTexts(TextCorpus corpus) throws IOException;

    /**
     * Texts of the {@code k} objects or events whose text best matches {@code question}, best first. The
     * question is embedded by the corpus' model inside this call, as a user's query would be.
     */
    List<String> textSearch(String question, int k);

    /** Closes the store cleanly and opens it again from disk, rebuilding whatever it keeps in memory. */
    void reopen() throws IOException;

    long bytesOnDisk() throws IOException;

    /** Memory the store holds for its data, as that store can report it; see {@link #memoryNote()}. */
    long memoryBytes();

    /** What {@link #memoryBytes()} counts. */
    String memoryNote();

    /** CPU time used outside this JVM by the store (a server process), nanoseconds so far; 0 if none. */
    default long externalCpuNanos() {
        return 0;
    }

    @Override
    void close() throws IOException;
}
