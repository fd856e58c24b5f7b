package dev.loci.runtime.fleet;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Per origin runtime, the highest sequence number up to which every delta of that origin has been applied
 * (a contiguous high-water mark, never a maximum over gaps). Origins not present count as 0.
 */
public record VersionVector(SortedMap<RobotId, Long> marks) {
    /** Origins a vector may name: a fleet is tens of robots, this bounds what a peer can make us allocate. */
    public static final int MAX_ORIGINS = 256;
    public static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

    public VersionVector {
        Require.present("marks", marks);
        if (marks.size() > MAX_ORIGINS) {
            throw new InvalidValueException("marks", marks.size(), "names more than " + MAX_ORIGINS + " origins");
        }
        for (Map.Entry<RobotId, Long> mark : marks.entrySet()) {
            Require.present("origin", mark.getKey());
            if (mark.getValue() == null || mark.getValue() < 0) {
                throw new InvalidValueException("marks." + mark.getKey(), mark.getValue(), "must be >= 0");
            }
        }
        marks = Collections.unmodifiableSortedMap(new TreeMap<>(marks));
    }

    public long get(RobotId origin) {
        return marks.getOrDefault(origin, 0L);
    }

    public VersionVector with(RobotId origin, long mark) {
        TreeMap<RobotId, Long> next = new TreeMap<>(marks);
        next.put(origin, mark);
        return new VersionVector(next);
    }

    /** Whether everything this vector has seen, {@code other} has seen too (every mark at most other's). */
    public boolean coveredBy(VersionVector other) {
        return marks.entrySet().stream().allMatch(e -> other.get(e.getKey()) >= e.getValue());
    }

    /** Total deltas counted, over all origins. */
    public long total() {
        return marks.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        marks.forEach((origin, mark) -> out.append(out.length() > 1 ? "," : "").append(origin).append(':').append(mark));
        return out.append('}').toString();
    }
}
