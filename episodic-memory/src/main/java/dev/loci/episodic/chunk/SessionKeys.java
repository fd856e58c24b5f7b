package dev.loci.episodic.chunk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retrieval keys of a session: one per task it holds (the normalised mean of the unit vectors of that
 * task's episodes; episodes without a task are grouped by their main place, or stand alone). A session is
 * scored by its best key, and recall descends from the best sessions into their best keys' episodes.
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

    /**
     * The keys of a session and, for each key, the positions of its episodes in the session's list, and whether
     * they are scored by the objects they saw ({@link EpisodeNode#objectsSeen}) rather than their mean vector.
     */
    record Keys(float[][] vectors, int[][] members, boolean[] byObjectsSeen) {
    }

    /**
     * One key per task (the mean of its episodes' vectors), then one per place where objects were seen (the
     * mean of those episodes' objects-seen vectors: a place-centric key, so an item seen in one room during a
     * ten-task shift is not a tenth of a task key's signal).
     */
    static Keys of(List<EpisodeNode> episodes, int dimensions) {
        Map<String, float[]> sums = new LinkedHashMap<>();
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeNode episode = episodes.get(i);
            episode.store.addTo(sums.computeIfAbsent(episode.group, g -> new float[dimensions]), episode.index);
            members.computeIfAbsent(episode.group, g -> new ArrayList<>()).add(i);
        }
        int taskKeys = sums.size();
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeNode episode = episodes.get(i);
            if (episode.objectsSeen != null) {
                String group = "seen:" + episode.place;
                Vectors.add(sums.computeIfAbsent(group, g -> new float[dimensions]), episode.objectsSeen);
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
            }
        }
        float[][] vectors = new float[sums.size()][];
        int[][] positions = new int[sums.size()][];
        boolean[] byObjectsSeen = new boolean[sums.size()];
        int k = 0;
        for (Map.Entry<String, float[]> group : sums.entrySet()) {
            vectors[k] = Vectors.normalised(group.getValue());
            positions[k] = members.get(group.getKey()).stream().mapToInt(Integer::intValue).toArray();
            byObjectsSeen[k] = k >= taskKeys;
            k++;
        }
        return new Keys(vectors, positions, byObjectsSeen);
    }

    /** The main place of an episode ("" if none): what its objects-seen key groups it by. */
    static String place(Chunk episode) {
        return episode.places().isEmpty() ? "" : episode.places().get(0);
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
