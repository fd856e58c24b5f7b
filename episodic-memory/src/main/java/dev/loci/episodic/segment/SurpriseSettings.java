package dev.loci.episodic.segment;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * How an event's surprise is put together: each feature lies in [0, 1] and is weighted; the surprise is the
 * weighted sum (see README-segmentation.md).
 *
 * @param place           weight of the distance from the segment's mean place, over {@code placeScaleMetres}
 * @param placeName       weight of a place name (room) the segment has not had
 * @param objects         weight of the share of the event's objects the segment has not seen
 * @param task            weight of a task change (task attribute differs, a task starts, or the last one ended)
 * @param embedding       weight of the cosine distance from the segment's mean text vector
 * @param timeGap         weight of the time since the robot's previous event, over {@code gapScaleSeconds}
 * @param placeScaleMetres distance at which the place feature saturates at 1
 * @param gapScaleSeconds  gap at which the time feature saturates at 1
 */
public record SurpriseSettings(double place, double placeName, double objects, double task, double embedding,
                               double timeGap, double placeScaleMetres, double gapScaleSeconds) {
    public static final SurpriseSettings DEFAULT = new SurpriseSettings(1.0, 1.0, 0.5, 1.5, 1.0, 0.5, 4.0, 120.0);

    public SurpriseSettings {
        Require.nonNegative("place", place);
        Require.nonNegative("placeName", placeName);
        Require.nonNegative("objects", objects);
        Require.nonNegative("task", task);
        Require.nonNegative("embedding", embedding);
        Require.nonNegative("timeGap", timeGap);
        double total = place + placeName + objects + task + embedding + timeGap;
        if (total <= 0) {
            throw new InvalidValueException("surprise weights", total, "must not all be zero");
        }
        Require.positive("placeScaleMetres", placeScaleMetres);
        Require.positive("gapScaleSeconds", gapScaleSeconds);
    }
}
