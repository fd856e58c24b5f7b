package dev.loci.episodic.chunk;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When two consecutive episodes of one session are redundant and may be merged (MemoryVLA-style consolidation
 * of chunks): the same task (or both without one), the same main place (name, and centroids within
 * {@code placeMeters}), the same objects (Jaccard overlap of their object sets at least {@code minObjectOverlap};
 * two empty sets are the same), and at most {@code maxGap} from the end of one to the start of the next. A robot
 * standing in the kitchen watching the same table, cut into episodes by the segment length cap, becomes one.
 */
public record ChunkConsolidationPolicy(double placeMeters, Duration maxGap, double minObjectOverlap) {
    public static final ChunkConsolidationPolicy DEFAULT =
            new ChunkConsolidationPolicy(2.0, Duration.ofSeconds(60), 0.75);

    public ChunkConsolidationPolicy {
        Require.nonNegative("placeMeters", placeMeters);
        Require.present("maxGap", maxGap);
        if (maxGap.isNegative()) {
            throw new InvalidValueException("maxGap", maxGap, "must not be negative");
        }
        if (!(minObjectOverlap >= 0 && minObjectOverlap <= 1)) {
            throw new InvalidValueException("minObjectOverlap", minObjectOverlap, "must be in [0, 1]");
        }
    }

    boolean redundant(Chunk earlier, Chunk later) {
        return earlier.level() == ChunkLevel.EPISODE && later.level() == ChunkLevel.EPISODE
                && earlier.robot().equals(later.robot())
                && earlier.tasks().equals(later.tasks())
                && first(earlier.places()).equals(first(later.places()))
                && nearby(earlier, later)
                && overlap(earlier.objects(), later.objects()) >= minObjectOverlap
                && later.start().nanos() - earlier.end().nanos() <= maxGap.toNanos();
    }

    private boolean nearby(Chunk a, Chunk b) {
        if (a.centroid().isEmpty() || b.centroid().isEmpty()) {
            return a.centroid().isEmpty() && b.centroid().isEmpty();
        }
        return a.centroid().get().distanceTo(b.centroid().get()) <= placeMeters;
    }

    private static String first(List<String> names) {
        return names.isEmpty() ? "" : names.get(0);
    }

    private static double overlap(List<Long> a, List<Long> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        Set<Long> union = new HashSet<>(a);
        union.addAll(b);
        Set<Long> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / union.size();
    }
}
