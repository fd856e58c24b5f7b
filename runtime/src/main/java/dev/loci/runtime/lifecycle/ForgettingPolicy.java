package dev.loci.runtime.lifecycle;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.time.Duration;

/**
 * When an episode's detail may go (MemoryBank's forgetting curve): its retention is
 * {@code exp(-elapsed / (strength * (1 + recalls)))}, where elapsed runs from its end or its last recall,
 * whichever is later. Below {@code threshold}, and older than {@code minAge}, its events are removed; its
 * summary, vector, span, places and objects stay, so the gist can still be recalled.
 */
public record ForgettingPolicy(Duration strength, double threshold, Duration minAge) {
    public ForgettingPolicy {
        Require.present("strength", strength);
        if (strength.isNegative() || strength.isZero()) {
            throw new InvalidValueException("strength", strength, "must be positive");
        }
        Require.inRange("threshold", threshold, 0, 1);
        Require.present("minAge", minAge);
        if (minAge.isNegative()) {
            throw new InvalidValueException("minAge", minAge, "must not be negative");
        }
    }

    double retention(long elapsedNanos, long recalls) {
        return Math.exp(-Math.max(0, elapsedNanos) / (strength.toNanos() * (1.0 + recalls)));
    }
}
