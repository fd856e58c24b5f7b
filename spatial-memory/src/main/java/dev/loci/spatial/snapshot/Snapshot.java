package dev.loci.spatial.snapshot;

import dev.loci.spatial.frame.FrameRecord;
import java.util.List;
import java.util.SortedSet;

/**
 * A memory snapshot: one stored frame chosen because it shows a group of co-visible objects well, with the
 * objects it is the best view of and their classes.
 */
public record Snapshot(FrameRecord frame, List<Long> objects, SortedSet<String> classes) {
    public Snapshot {
        objects = List.copyOf(objects);
        classes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(classes));
    }
}
