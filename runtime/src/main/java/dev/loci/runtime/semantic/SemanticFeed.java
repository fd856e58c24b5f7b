package dev.loci.runtime.semantic;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.objects.RememberedObject;
import java.util.List;
import dev.loci.spatial.place.PlaceMap;
import java.util.function.Supplier;

/**
 * The runtime's writer thread tells this what changed; until semantic memory is started it does nothing, so a
 * memory that never asks questions in words never loads a model.
 */
public final class SemanticFeed implements AutoCloseable {
    private volatile SemanticMemory memory;

    /** Starts semantic memory with {@code start} on the first call; later calls return the same one. */
    public synchronized SemanticMemory attachIfAbsent(Supplier<SemanticMemory> start) {
        if (memory == null) {
            memory = start.get();
        }
        return memory;
    }

    public void object(RememberedObject object) {
        SemanticMemory m = memory;
        if (m != null) {
            m.objectChanged(object);
        }
    }

    public void event(StoredEvent event) {
        SemanticMemory m = memory;
        if (m != null) {
            m.eventRecorded(event);
        }
    }

    public void chunks(List<Chunk> closed) {
        SemanticMemory m = memory;
        if (m != null) {
            closed.forEach(m::chunkClosed);
        }
    }

    /**
     * A scan was integrated: the place map may have been re-segmented. {@code current} is asked only when
     * semantic memory is on, so a memory without it never pays for the place map's rebuild here.
     */
    public void places(Supplier<PlaceMap> current) {
        SemanticMemory m = memory;
        if (m != null) {
            m.placesSeen(current.get());
        }
    }

    @Override
    public synchronized void close() {
        if (memory != null) {
            memory.close();
        }
    }
}
