package dev.loci.episodic.chunk;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;

/**
 * An event a recall returned: a hit (one of the top k) or temporal context around a hit.
 *
 * @param score  cosine of the event's vector with the query
 * @param hit    true for the top-k hits, false for context
 * @param anchor the hit this event is context for (its own id for a hit)
 */
public record RecalledEvent(long eventId, RobotId robot, Timestamp time, double score, boolean hit, long anchor) {
    public RecalledEvent {
        Require.present("robot", robot);
        Require.present("time", time);
        Require.finite("score", score);
    }
}
