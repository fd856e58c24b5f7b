package dev.loci.runtime.semantic;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.objects.RememberedObject;
import java.util.List;
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

    @Override
    public synchronized void close() {
        if (memory != null) {
            memory.close();
        }
    }
}
