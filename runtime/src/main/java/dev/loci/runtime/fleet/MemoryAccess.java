package dev.loci.runtime.fleet;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.embodiment.ProfileBook;
import dev.loci.spatial.observation.Observation;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What fleet memory may do to the runtime's memories, all on the writer thread: apply a peer's observation or
 * event exactly as a local one is applied (fusion, indexes, semantic feed), adopt profiles, and read
 * everything back for digests.
 */
public record MemoryAccess(Consumer<Observation> observe, Consumer<Event> record, ProfileBook profiles,
                           LongSupplier observationCount, LongFunction<Optional<Observation>> observation,
                           Supplier<List<StoredEvent>> allEvents) {
}
