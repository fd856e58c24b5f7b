package dev.loci.episodic.chunk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The retrieval keys of a session: one per task it holds (the normalised mean of the unit vectors of that
 * task's episodes; episodes without a task are grouped by their main place, or stand alone), then one per place
 * where its episodes saw objects (scored by the best of the labels seen there, see {@link ObjectLabels}). A
 * session is scored by its best key, and recall descends from the best sessions into their best keys' episodes.
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
     * The task keys' vectors; for every key (task keys first, then objects-seen keys) the positions of its
     * episodes in the session's list; for each objects-seen key the distinct labels seen under it.
     */
    record Keys(float[][] taskVectors, int[][] members, int[][] seenLabels) {
        int taskKeys() {
            return taskVectors.length;
        }
    }

    static Keys of(List<EpisodeNode> episodes, int dimensions) {
        Map<String, float[]> sums = new LinkedHashMap<>();
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeNode episode = episodes.get(i);
            episode.store.addTo(sums.computeIfAbsent(episode.group, g -> new float[dimensions]), episode.index);
            members.computeIfAbsent(episode.group, g -> new ArrayList<>()).add(i);
        }
        Map<String, TreeSet<Integer>> labels = new LinkedHashMap<>();
        for (int i = 0; i < episodes.size(); i++) {
            EpisodeNode episode = episodes.get(i);
            if (episode.labels != null) {
                String group = "seen:" + episode.place;
                TreeSet<Integer> seen = labels.computeIfAbsent(group, g -> new TreeSet<>());
                for (int label : episode.labels) {
                    seen.add(label);
                }
                members.computeIfAbsent(group, g -> new ArrayList<>()).add(i);
            }
        }
        float[][] vectors = new float[sums.size()][];
        int k = 0;
        for (float[] sum : sums.values()) {
            vectors[k++] = Vectors.normalised(sum);
        }
        int[][] positions = new int[members.size()][];
        k = 0;
        for (List<Integer> group : members.values()) {
            positions[k++] = group.stream().mapToInt(Integer::intValue).toArray();
        }
        int[][] seenLabels = new int[labels.size()][];
        k = 0;
        for (TreeSet<Integer> seen : labels.values()) {
            seenLabels[k++] = seen.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Keys(vectors, positions, seenLabels);
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
