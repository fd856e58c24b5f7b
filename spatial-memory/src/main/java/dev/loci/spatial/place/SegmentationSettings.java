package dev.loci.spatial.place;

import dev.loci.spatial.occupancy.CellThresholds;
import dev.loci.spatial.validation.Require;

/**
 * @param mergeRatio     two neighbouring regions stay apart only if the passage between them is narrower than this
 *                       fraction of the smaller region's widest point (see the package documentation)
 * @param maxDoorWidthM  ... and no wider than this: a wider opening joins regions into one place however big
 *                       they are (a room around a pillar, an open-plan space)
 * @param minPlaceAreaM2 smaller regions are merged into the neighbour they connect to most widely, or dropped
 *                       when they have no neighbour
 * @param thresholds     which cell values count as free space
 */
public record SegmentationSettings(double mergeRatio, double maxDoorWidthM, double minPlaceAreaM2,
        CellThresholds thresholds) {
    /** Ratio 0.8 keeps a 0.9 m door off a 1.2 m corridor; 1.3 m covers double doors. */
    public static final SegmentationSettings DEFAULT =
            new SegmentationSettings(0.8, 1.3, 1.0, CellThresholds.EVEN_ODDS);

    public SegmentationSettings {
        Require.inRange("segmentation.mergeRatio", mergeRatio, 0, 1);
        Require.inRange("segmentation.maxDoorWidthM", maxDoorWidthM, 0, 1e3);
        Require.inRange("segmentation.minPlaceAreaM2", minPlaceAreaM2, 0, 1e8);
        Require.present("segmentation.thresholds", thresholds);
    }
}
