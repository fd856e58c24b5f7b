package dev.loci.spatial.objects;

/** What fusing one observation did: the object as it now is, and whether it was new. */
public record FusionResult(RememberedObject object, boolean created) {
}
