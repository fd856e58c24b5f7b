package dev.loci.episodic.chunk;

/**
 * The k best (score, event) pairs seen so far, best first; ties go to the higher (newer) event id, so two
 * searches that score the same events with the same scores keep the same k whatever order they met them in.
 */
final class TopEvents {
    private final double[] scores;
    private final long[] ids;
    private final RobotHistory[] histories;
    private final int[] ordinals;
    private int size;

    TopEvents(int k) {
        scores = new double[k];
        ids = new long[k];
        histories = new RobotHistory[k];
        ordinals = new int[k];
    }

    void offer(double score, RobotHistory history, int ordinal) {
        int k = scores.length;
        if (size == k && score < scores[k - 1]) {
            return; // most offers: decided without reading the event's id
        }
        long id = history.id(ordinal);
        if (size == k && !better(score, id, scores[k - 1], ids[k - 1])) {
            return;
        }
        int at = size < k ? size++ : k - 1;
        while (at > 0 && better(score, id, scores[at - 1], ids[at - 1])) {
            scores[at] = scores[at - 1];
            ids[at] = ids[at - 1];
            histories[at] = histories[at - 1];
            ordinals[at] = ordinals[at - 1];
            at--;
        }
        scores[at] = score;
        ids[at] = id;
        histories[at] = history;
        ordinals[at] = ordinal;
    }

    private static boolean better(double score, long id, double otherScore, long otherId) {
        return score > otherScore || (score == otherScore && id > otherId);
    }

    int size() {
        return size;
    }

    double score(int rank) {
        return scores[rank];
    }

    RobotHistory history(int rank) {
        return histories[rank];
    }

    int ordinal(int rank) {
        return ordinals[rank];
    }
}
