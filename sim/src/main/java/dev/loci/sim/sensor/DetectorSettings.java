package dev.loci.sim.sensor;

import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.validation.Require;

/**
 * How the simulated object detector errs.
 *
 * @param view              its field of view (also what the frame tells Loci it could see)
 * @param positionSigma     standard deviation of the reported centre, metres (per axis)
 * @param missProbability   chance that a visible object is not reported
 * @param minVisibleFraction an object is seen when at least this fraction of its sample rays is unoccluded
 */
public record DetectorSettings(FieldOfView view, double positionSigma, double missProbability,
                               double minVisibleFraction) {
    public static final DetectorSettings DEFAULT = new DetectorSettings(
            new FieldOfView(Math.toRadians(87), Math.toRadians(58), 0.2, 4.5), 0.02, 0.05, 0.2);
    public static final DetectorSettings PERFECT = new DetectorSettings(DEFAULT.view(), 0, 0, 0.2);

    public DetectorSettings {
        Require.present("view", view);
        Require.inRange("positionSigma", positionSigma, 0, 1);
        Require.inRange("missProbability", missProbability, 0, 1);
        Require.inRange("minVisibleFraction", minVisibleFraction, 0.01, 1);
    }
}
