package dev.loci.episodic.segment;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * Online segmentation: a boundary goes before an event whose surprise exceeds
 * {@code max(minSurprise, mean + gamma * std)} of the robot's last {@code window} surprises, provided the current
 * segment has at least {@code minLength} events; a segment that reaches {@code maxLength} events is cut
 * regardless, so no episode grows without bound.
 */
public record SegmentationSettings(int window, double gamma, double minSurprise, int minLength, int maxLength,
                                   SurpriseSettings surprise, RefinementSettings refinement, AttributeKeys keys) {
    public static final SegmentationSettings DEFAULT = new SegmentationSettings(64, 1.5, 1.0, 4, 128,
            SurpriseSettings.DEFAULT, RefinementSettings.DEFAULT, AttributeKeys.DEFAULT);

    public SegmentationSettings {
        if (window < 2 || window > 4096) {
            throw new InvalidValueException("window", window, "must be in [2, 4096]");
        }
        Require.nonNegative("gamma", gamma);
        Require.nonNegative("minSurprise", minSurprise);
        if (minLength < 1) {
            throw new InvalidValueException("minLength", minLength, "must be at least 1");
        }
        if (maxLength < 2 * minLength || maxLength > 100_000) {
            throw new InvalidValueException("maxLength", maxLength, "must be in [2 * minLength = "
                    + 2 * minLength + ", 100000]");
        }
        Require.present("surprise", surprise);
        Require.present("refinement", refinement);
        Require.present("keys", keys);
        if (refinement.context() < refinement.radius() + minLength) {
            throw new InvalidValueException("refinement.context", refinement.context(),
                    "must be at least radius + minLength = " + (refinement.radius() + minLength)
                            + " so a moved boundary still sees a whole minimal segment after it");
        }
    }

    public SegmentationSettings withGamma(double newGamma) {
        return new SegmentationSettings(window, newGamma, minSurprise, minLength, maxLength, surprise, refinement,
                keys);
    }

    public SegmentationSettings withRefinement(RefinementSettings newRefinement) {
        return new SegmentationSettings(window, gamma, minSurprise, minLength, maxLength, surprise, newRefinement,
                keys);
    }
}
