package dev.loci.episodic.event;

import dev.loci.spatial.validation.Require;
import java.time.Duration;

/**
 * When two events in a row of one robot say the same thing and may be merged (MemoryVLA-style consolidation):
 * same type, source, description and objects, places within {@code placeMeters} (or both without a place),
 * and at most {@code maxGap} apart. A robot reporting "battery ok" every second for an hour becomes one event.
 */
public record ConsolidationPolicy(double placeMeters, Duration maxGap) {
    public static final ConsolidationPolicy DEFAULT = new ConsolidationPolicy(0.5, Duration.ofSeconds(30));

    public ConsolidationPolicy {
        Require.nonNegative("placeMeters", placeMeters);
        Require.present("maxGap", maxGap);
        if (maxGap.isNegative()) {
            throw new dev.loci.spatial.validation.InvalidValueException("maxGap", maxGap, "must not be negative");
        }
    }

    boolean redundant(Event earlier, Event later) {
        return earlier.robot().equals(later.robot()) && earlier.type() == later.type()
                && earlier.source().equals(later.source()) && earlier.description().equals(later.description())
                && earlier.objects().equals(later.objects())
                && later.time().nanos() - earlier.time().nanos() <= maxGap.toNanos()
                && earlier.place().map(p -> later.place().map(q -> p.distanceTo(q) <= placeMeters).orElse(false))
                        .orElse(later.place().isEmpty());
    }
}
