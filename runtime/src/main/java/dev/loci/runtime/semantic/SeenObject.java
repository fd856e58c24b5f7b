package dev.loci.runtime.semantic;

import dev.loci.runtime.Sighting;

/** An object found by words: where and when it was last seen, the text that matched, and how well. */
public record SeenObject(Sighting sighting, String matchedText, double score) {
}
