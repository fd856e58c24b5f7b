package dev.loci.spatial.provenance;

import dev.loci.spatial.validation.Require;
import java.time.Duration;

/** A point in time as nanoseconds since the Unix epoch (or since simulation start); never negative. */
public record Timestamp(long nanos) implements Comparable<Timestamp> {
    public static final Timestamp ZERO = new Timestamp(0);

    public Timestamp {
        Require.nonNegative("time", nanos);
    }

    public static Timestamp ofNanos(long nanos) {
        return new Timestamp(nanos);
    }

    public static Timestamp ofSeconds(double seconds) {
        Require.nonNegative("time", seconds);
        return new Timestamp(Math.round(seconds * 1e9));
    }

    public Timestamp plus(Duration duration) {
        return new Timestamp(Math.addExact(nanos, duration.toNanos()));
    }

    public double seconds() {
        return nanos / 1e9;
    }

    public boolean isBefore(Timestamp other) {
        return nanos < other.nanos;
    }

    @Override
    public int compareTo(Timestamp other) {
        return Long.compare(nanos, other.nanos);
    }
}
