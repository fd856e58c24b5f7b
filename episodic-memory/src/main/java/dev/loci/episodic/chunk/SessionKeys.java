package dev.loci.episodic.chunk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retrieval keys of a session: one per task it holds (the normalised mean of the unit vectors of that
 * task's episodes; episodes without a task are grouped by their main place, or stand alone). A session is
 * scored by its best key.
 *
 * <p>Why not the session's single mean vector: a shift of ten tasks averages ten topics, so a question about
 * one of them sees a tenth of its signal, and the sessions that spent the most time in the question's room
 * outrank the one where it happened (measured in README-segmentation.md). One key per task keeps each topic
 * whole at the cost of a few more dot products per session. Keys are derived from stored episode chunks, so
 * nothing extra is stored.
 */
final class SessionKeys {
    private SessionKeys() {
    }

    static float[][] of(List<EpisodeNode> episodes, int dimensions) {
        Map<String, float[]> groups = new LinkedHashMap<>();
        for (EpisodeNode episode : episodes) {
            Vectors.add(groups.computeIfAbsent(episode.group, g -> new float[dimensions]), episode.vector);
        }
        float[][] keys = new float[groups.size()][];
        int i = 0;
        for (float[] sum : groups.values()) {
            keys[i++] = Vectors.normalised(sum);
        }
        return keys;
    }

    /** What groups an episode under one key: its first task, else its main place, else itself. */
    static String group(Chunk episode) {
        if (!episode.tasks().isEmpty()) {
            return "task:" + episode.tasks().get(0);
        }
        if (!episode.places().isEmpty()) {
            return "place:" + episode.places().get(0);
        }
        return "episode:" + episode.id();
    }
}
