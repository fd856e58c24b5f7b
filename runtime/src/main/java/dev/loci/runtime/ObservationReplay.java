package dev.loci.runtime;

import dev.loci.spatial.observation.ObservationIndex;
import dev.loci.spatial.observation.ObservationStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Rebuilds the in-memory observation index from the observation journal on a thread of its own, so that the
 * runtime loads objects, frames, events and chunks meanwhile: the replay is most of the work of reopening a
 * large memory, and a robot's computer has more than one core. The index is used only after {@link #await()}.
 */
final class ObservationReplay {
    private final ObservationIndex index;
    private final CompletableFuture<Void> done;

    private ObservationReplay(ObservationIndex index, CompletableFuture<Void> done) {
        this.index = index;
        this.done = done;
    }

    /** Starts indexing the observations from id {@code from} on (older ones are retired). */
    static ObservationReplay start(ObservationStore observations, long from, double cellMeters) {
        ObservationIndex index = new ObservationIndex(cellMeters);
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                    // Gathered first, then indexed at once: each grid cell is then sized once (ObservationIndex.Pending).
                    ObservationIndex.Pending pending = index.pending((int) Math.min(Integer.MAX_VALUE - 8,
                            Math.max(0, observations.size() - from + 1)));
                    observations.forEachPlacement(from, pending::add);
                    index.addAll(pending);
                },
                task -> {
                    Thread thread = new Thread(task, "loci-observation-replay");
                    thread.setDaemon(true);
                    thread.start();
                });
        return new ObservationReplay(index, done);
    }

    /** The index being filled; complete once {@link #await()} returns. */
    ObservationIndex index() {
        return index;
    }

    /** Waits until every observation is indexed; rethrows what stopped the replay (a corrupt journal, say). */
    void await() {
        try {
            done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Waits for the replay when opening failed elsewhere, so nothing reads the store after it is closed. */
    void awaitQuietly() {
        try {
            done.join();
        } catch (CompletionException ignored) {
            // Opening already failed; its own error is the one to report.
        }
    }
}
