package dev.loci.runtime.fleet;

import dev.loci.runtime.store.StoreWriter;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The fleet facet of a runtime, for a transport: every call runs on the writer thread and completes only after
 * the commit that follows it, so whatever it returns (own deltas, the vector) is durable before it is sent: a
 * peer never learns of a write that a crash could still take back.
 */
public final class FleetSync {
    /** Most deltas one call returns: callers page. */
    public static final int MAX_BATCH = 10_000;

    private final StoreWriter writer;
    private final FleetMemory memory;

    public FleetSync(StoreWriter writer, FleetMemory memory) {
        this.writer = writer;
        this.memory = memory;
    }

    public RobotId self() {
        return memory.self();
    }

    /** Own committed deltas after {@code seq} (at most {@code max}): what to publish. */
    public CompletableFuture<List<Delta>> localDeltasAfter(long seq, int max) {
        checkMax(max);
        return writer.submit(() -> memory.localAfter(seq, max));
    }

    /** The committed version vector: what this runtime asks peers for and acknowledges. */
    public CompletableFuture<VersionVector> vector() {
        return writer.submit(memory::vector);
    }

    /** Deltas (own and relayed) that a peer with {@code peer} lacks, at most {@code max}. */
    public CompletableFuture<List<Delta>> missingFor(VersionVector peer, int max) {
        Require.present("peer", peer);
        checkMax(max);
        return writer.submit(() -> memory.missingFor(peer, max));
    }

    /** Applies peers' deltas in any order, duplicates allowed; completes when what was applied is committed. */
    public CompletableFuture<Receipt> receive(List<Delta> deltas) {
        Require.present("deltas", deltas);
        List<Delta> copy = List.copyOf(deltas);
        return writer.submit(() -> memory.receive(copy));
    }

    public CompletableFuture<MemoryDigest> digest() {
        return writer.submit(memory::digest);
    }

    public FleetStats stats() {
        return memory.stats();
    }

    private static void checkMax(int max) {
        if (max < 1 || max > MAX_BATCH) {
            throw new InvalidValueException("max", max, "must be in [1, " + MAX_BATCH + "]");
        }
    }
}
