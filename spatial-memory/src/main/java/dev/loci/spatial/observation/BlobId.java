package dev.loci.spatial.observation;

import dev.loci.spatial.validation.Require;

/** Reference to a large binary (a snapshot image) kept in the store's blob file, not inline. */
public record BlobId(long value) {
    public BlobId {
        Require.nonNegative("blob", value);
    }
}
