package dev.loci.episodic.segment;

import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.provenance.RobotId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Boundary precision, recall and F1 with a tolerance: a predicted boundary matches a scripted one of the same
 * robot at most {@code tolerance} of that robot's events away; each boundary matches at most once (greedy, in
 * stream order). The robots' first events are left out: every segmentation starts there.
 */
record BoundaryScore(int truePositives, int predicted, int scripted) {
    static BoundaryScore of(List<StoredEvent> events, Set<Long> scriptedStarts, Set<Long> predictedStarts,
                            int tolerance) {
        Map<RobotId, List<Long>> streams = new HashMap<>();
        for (StoredEvent e : events) {
            streams.computeIfAbsent(e.event().robot(), r -> new ArrayList<>()).add(e.id());
        }
        int tp = 0;
        int predicted = 0;
        int scripted = 0;
        for (List<Long> stream : streams.values()) {
            List<Integer> truth = new ArrayList<>();
            List<Integer> guess = new ArrayList<>();
            for (int i = 1; i < stream.size(); i++) {
                if (scriptedStarts.contains(stream.get(i))) {
                    truth.add(i);
                }
                if (predictedStarts.contains(stream.get(i))) {
                    guess.add(i);
                }
            }
            predicted += guess.size();
            scripted += truth.size();
            int g = 0;
            for (int t : truth) {
                while (g < guess.size() && guess.get(g) < t - tolerance) {
                    g++;
                }
                if (g < guess.size() && guess.get(g) <= t + tolerance) {
                    tp++;
                    g++;
                }
            }
        }
        return new BoundaryScore(tp, predicted, scripted);
    }

    double precision() {
        return predicted == 0 ? 0 : (double) truePositives / predicted;
    }

    double recall() {
        return scripted == 0 ? 0 : (double) truePositives / scripted;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "P %.3f R %.3f F1 %.3f (%d of %d scripted, %d predicted)",
                precision(), recall(), f1(), truePositives, scripted, predicted);
    }
}
