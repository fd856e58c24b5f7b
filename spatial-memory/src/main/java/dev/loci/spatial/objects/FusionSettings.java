package dev.loci.spatial.objects;

import dev.loci.spatial.validation.Require;

/**
 * @param gateMeters  an observation whose box centre is within this distance of a known object of the
 *                    same class updates that object; farther, it is a moved or a new object
 * @param cellMeters  side of the spatial index columns
 * @param missFactor  confidence is multiplied by this each time an object's place is in view without it
 * @param goneBelow   an object whose confidence falls below this is marked gone (about 11 straight misses
 *                    from full confidence with the defaults, so a detector's occasional miss does not do it)
 */
public record FusionSettings(double gateMeters, double cellMeters, double missFactor, double goneBelow) {
    public static final FusionSettings DEFAULT = new FusionSettings(0.5, 1.0, 0.8, 0.1);

    public FusionSettings {
        Require.positive("gateMeters", gateMeters);
        Require.positive("cellMeters", cellMeters);
        Require.inRange("missFactor", missFactor, 0, 1);
        Require.inRange("goneBelow", goneBelow, 0, 1);
    }
}
