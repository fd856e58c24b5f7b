package dev.loci.runtime.fleet;

/**
 * What became of a batch of received deltas.
 *
 * @param applied    applied now (including buffered ones this batch unblocked)
 * @param duplicates already applied before: ignored
 * @param waiting    deltas buffered behind a gap or a missing causal predecessor, over all origins
 */
public record Receipt(int applied, int duplicates, int waiting) {
}
