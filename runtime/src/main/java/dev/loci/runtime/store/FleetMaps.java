package dev.loci.runtime.store;

import org.mapdb.BTreeMap;

/**
 * The durable state of fleet memory, committed with the writes it describes.
 *
 * @param log   every delta this runtime made or applied: {origin key, seq} -> DeltaCodec bytes
 * @param marks per origin name, the contiguous high-water mark of deltas applied (the version vector)
 * @param meta  this runtime's own origin name ("self") and, per robot, which origin wrote its current profile
 */
public record FleetMaps(BTreeMap<long[], byte[]> log, BTreeMap<String, Long> marks, BTreeMap<String, String> meta) {
}
