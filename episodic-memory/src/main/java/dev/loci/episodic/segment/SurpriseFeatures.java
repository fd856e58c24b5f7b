package dev.loci.episodic.segment;

import dev.loci.spatial.validation.Require;

/**
 * Why an event was (or was not) surprising, feature by feature, each in [0, 1], and the weighted total.
 */
public record SurpriseFeatures(double place, double placeName, double objects, double task, double embedding,
                               double timeGap, double total) {
    public static final SurpriseFeatures NONE = new SurpriseFeatures(0, 0, 0, 0, 0, 0, 0);

    public SurpriseFeatures {
        Require.inRange("place", place, 0, 1);
        Require.inRange("placeName", placeName, 0, 1);
        Require.inRange("objects", objects, 0, 1);
        Require.inRange("task", task, 0, 1);
        Require.inRange("embedding", embedding, 0, 1);
        Require.inRange("timeGap", timeGap, 0, 1);
        Require.nonNegative("total", total);
    }

    static SurpriseFeatures weigh(SurpriseSettings w, double place, double placeName, double objects, double task,
                                  double embedding, double timeGap) {
        double total = w.place() * place + w.placeName() * placeName + w.objects() * objects + w.task() * task
                + w.embedding() * embedding + w.timeGap() * timeGap;
        return new SurpriseFeatures(place, placeName, objects, task, embedding, timeGap, total);
    }

    /** The name of the feature that contributed most, for logs and summaries. */
    public String strongest(SurpriseSettings w) {
        String[] names = {"place", "placeName", "objects", "task", "embedding", "timeGap"};
        double[] parts = {w.place() * place, w.placeName() * placeName, w.objects() * objects, w.task() * task,
                w.embedding() * embedding, w.timeGap() * timeGap};
        int best = 0;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i] > parts[best]) {
                best = i;
            }
        }
        return names[best];
    }
}
