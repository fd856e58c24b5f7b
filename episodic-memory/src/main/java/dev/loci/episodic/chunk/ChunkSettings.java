package dev.loci.episodic.chunk;

import dev.loci.episodic.segment.SegmentationSettings;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * @param segmentation          how events are cut into episodes
 * @param sessionGapSeconds     an episode starting at least this long after the open session's last event
 *                              starts a new session
 * @param maxEpisodesPerSession a session is closed when it has this many episodes, so descending into one stays
 *                              cheap
 * @param summaryVector         what chunk vectors are made from
 */
public record ChunkSettings(SegmentationSettings segmentation, double sessionGapSeconds, int maxEpisodesPerSession,
                            SummaryVector summaryVector) {
    public static final ChunkSettings DEFAULT = new ChunkSettings(SegmentationSettings.DEFAULT, 1800, 64,
            SummaryVector.MEAN_OF_MEMBERS);

    public ChunkSettings {
        Require.present("segmentation", segmentation);
        Require.positive("sessionGapSeconds", sessionGapSeconds);
        if (maxEpisodesPerSession < 1 || maxEpisodesPerSession > 10_000) {
            throw new InvalidValueException("maxEpisodesPerSession", maxEpisodesPerSession,
                    "must be in [1, 10000]");
        }
        Require.present("summaryVector", summaryVector);
    }

    public ChunkSettings withSummaryVector(SummaryVector newSummaryVector) {
        return new ChunkSettings(segmentation, sessionGapSeconds, maxEpisodesPerSession, newSummaryVector);
    }
}
