package dev.loci.episodic.chunk;

import dev.loci.spatial.provenance.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Times in summaries: wall-clock times (after 2000-01-01) as ISO-8601 UTC to the second, simulation times
 * (seconds since the simulation began) as {@code t=12.5s}. Never reads the clock or the default locale, so a
 * summary is the same on every machine.
 */
public final class TimeText {
    private static final long YEAR_2000_NANOS = 946_684_800L * 1_000_000_000L;

    private TimeText() {
    }

    public static String of(Timestamp time) {
        if (time.nanos() >= YEAR_2000_NANOS) {
            return Instant.ofEpochSecond(time.nanos() / 1_000_000_000L).truncatedTo(ChronoUnit.SECONDS).toString();
        }
        return String.format(Locale.ROOT, "t=%.1fs", time.seconds());
    }

    public static String duration(Timestamp start, Timestamp end) {
        long seconds = Math.max(0, end.nanos() - start.nanos()) / 1_000_000_000L;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
