package dev.loci.runtime.semantic.index;

/** A search result: the item and its cosine similarity to the query (from the int8 vectors). */
public record Hit(SemanticItem item, double score) {
}
