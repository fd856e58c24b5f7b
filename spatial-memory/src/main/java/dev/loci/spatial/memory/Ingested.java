package dev.loci.spatial.memory;

import dev.loci.spatial.objects.FusionResult;

/** One stored observation: its id and what fusing it did. */
public record Ingested(long observationId, FusionResult fusion) {
}
