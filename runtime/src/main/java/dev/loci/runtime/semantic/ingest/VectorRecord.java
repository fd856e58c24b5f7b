package dev.loci.runtime.semantic.ingest;

import dev.loci.runtime.semantic.index.SemanticItem;
import dev.loci.spatial.embedding.Int8Vector;
import dev.loci.spatial.validation.Require;

/** What is stored per text: the item, the model that embedded it, and its int8 vector. */
public record VectorRecord(SemanticItem item, String model, Int8Vector vector) {
    public VectorRecord {
        Require.present("item", item);
        Require.label("model", model);
        Require.present("vector", vector);
    }
}
