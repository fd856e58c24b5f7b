package dev.loci.spatial.objects;

import dev.loci.spatial.validation.Require;

/**
 * @param gateMeters  an observation whose box centre is within this distance of a known object of the
 *                    same class updates that object; farther, it becomes a new object
 * @param cellMeters  side of the spatial index columns
 */
public record FusionSettings(double gateMeters, double cellMeters) {
    public static final FusionSettings DEFAULT = new FusionSettings(0.5, 1.0);

    public FusionSettings {
        Require.positive("gateMeters", gateMeters);
        Require.positive("cellMeters", cellMeters);
    }
}
