package dev.loci.spatial.memory;

import dev.loci.spatial.objects.FusionSettings;
import dev.loci.spatial.snapshot.SnapshotSettings;
import dev.loci.spatial.validation.Require;

/** Settings of the spatial memory: object fusion and change, snapshots, and the raw-observation index. */
public record SpatialSettings(FusionSettings fusion, SnapshotSettings snapshots, double indexCellMeters) {
    public static final SpatialSettings DEFAULT = new SpatialSettings(FusionSettings.DEFAULT, SnapshotSettings.DEFAULT,
            1.0);

    public SpatialSettings {
        Require.present("fusion", fusion);
        Require.present("snapshots", snapshots);
        Require.positive("indexCellMeters", indexCellMeters);
    }
}
