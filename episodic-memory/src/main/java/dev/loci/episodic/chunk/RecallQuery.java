package dev.loci.episodic.chunk;

import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.Optional;

/**
 * A hierarchical recall: the {@code k} events most similar to {@code vector}, of one robot or all.
 *
 * @param sessionBeam sessions descended into (the best by their best key)
 * @param groupBeam   session keys (task groups), across those sessions, whose episodes are scored
 * @param episodeBeam episodes, across those groups, whose events are scored
 * @param neighbours  events either side of each hit (same robot) added as temporal context
 */
public record RecallQuery(Embedding vector, Optional<RobotId> robot, int k, int sessionBeam, int groupBeam,
                          int episodeBeam, int neighbours) {
    public static final int MAX_K = 1000;
    public static final int DEFAULT_SESSION_BEAM = 48;
    public static final int DEFAULT_GROUP_BEAM = 256;
    public static final int DEFAULT_EPISODE_BEAM = 96;
    public static final int DEFAULT_NEIGHBOURS = 2;

    public RecallQuery {
        Require.present("vector", vector);
        Require.present("robot", robot);
        within("k", k, 1, MAX_K);
        within("sessionBeam", sessionBeam, 1, 1_000_000);
        within("groupBeam", groupBeam, 1, 10_000_000);
        within("episodeBeam", episodeBeam, 1, 10_000_000);
        within("neighbours", neighbours, 0, 100);
    }

    /**
     * Fixed beams, fit for small memories; {@link ChunkMemory#query} sizes them to a memory instead (what the
     * measurements in README-segmentation.md use).
     */
    public static RecallQuery of(Embedding vector, int k) {
        return new RecallQuery(vector, Optional.empty(), k, DEFAULT_SESSION_BEAM, DEFAULT_GROUP_BEAM,
                DEFAULT_EPISODE_BEAM, DEFAULT_NEIGHBOURS);
    }

    public RecallQuery ofRobot(RobotId id) {
        return new RecallQuery(vector, Optional.of(id), k, sessionBeam, groupBeam, episodeBeam, neighbours);
    }

    public RecallQuery beams(int sessions, int groups, int episodes) {
        return new RecallQuery(vector, robot, k, sessions, groups, episodes, neighbours);
    }

    public RecallQuery withNeighbours(int count) {
        return new RecallQuery(vector, robot, k, sessionBeam, groupBeam, episodeBeam, count);
    }

    private static void within(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, value, "must be in [" + min + ", " + max + "]");
        }
    }
}
