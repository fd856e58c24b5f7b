package dev.loci.episodic.segment;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * Where a segment begins and how that was decided.
 *
 * @param eventId           the first event of the segment, after refinement
 * @param tentativeEventId  the event the surprise test put the boundary before
 * @param shift             events the refinement moved the boundary by (negative: earlier)
 * @param cause             why there is a boundary at all
 * @param surprise          the surprise features of the tentative boundary event
 * @param threshold         the threshold that surprise was compared with
 * @param refined           whether refinement ran (false for the first segment and where radius is 0)
 * @param modularityBefore  modularity of the refinement window with the boundary at its tentative place
 * @param modularityAfter   modularity with the boundary where refinement put it; never below before
 */
public record Boundary(long eventId, long tentativeEventId, int shift, BoundaryCause cause,
                       SurpriseFeatures surprise, double threshold, boolean refined, double modularityBefore,
                       double modularityAfter) {
    public Boundary {
        Require.nonNegative("eventId", eventId);
        Require.nonNegative("tentativeEventId", tentativeEventId);
        Require.present("cause", cause);
        Require.present("surprise", surprise);
        Require.finite("threshold", threshold);
        Require.finite("modularityBefore", modularityBefore);
        Require.finite("modularityAfter", modularityAfter);
        if (refined && modularityAfter < modularityBefore) {
            throw new InvalidValueException("modularityAfter", modularityAfter,
                    "must not be below modularityBefore " + modularityBefore);
        }
    }

    static Boundary first(long eventId) {
        return new Boundary(eventId, eventId, 0, BoundaryCause.FIRST_EVENT, SurpriseFeatures.NONE, 0, false, 0, 0);
    }
}
