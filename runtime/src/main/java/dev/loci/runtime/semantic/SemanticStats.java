package dev.loci.runtime.semantic;

/** Texts indexed, waiting to be embedded, dropped (queue full) and failed batches of the embedding worker. */
public record SemanticStats(int indexed, int backlog, long embedded, long dropped, long failedBatches) {
}
