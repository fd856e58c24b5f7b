package dev.loci.runtime.fleet;

/**
 * A fingerprint of the shared part of a memory: the multiset of observations (images stripped), events (object
 * references stripped) and current profiles (with version and provenance), independent of arrival order and
 * local ids. Two runtimes with equal digests hold the same of each.
 */
public record MemoryDigest(long observations, long events, long profiles, String sha256) {
}
