package dev.loci.runtime.semantic;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.place.Place;
import java.util.List;
import java.util.function.Supplier;

/**
 * Everything in memory that has text, read once on the writer thread when semantic memory starts (backfill:
 * whatever has no stored vector yet gets embedded).
 */
public record SemanticSources(Supplier<Iterable<RememberedObject>> objects, Supplier<Iterable<StoredEvent>> events,
                              Supplier<Iterable<Chunk>> chunks, Supplier<List<Place>> places) {
}
