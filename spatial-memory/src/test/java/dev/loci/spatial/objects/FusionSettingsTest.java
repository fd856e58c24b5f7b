package dev.loci.spatial.objects;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FusionSettingsTest {

    @Test
    void refusesNonPositiveOrNonFiniteSettings() {
        assertRefused(() -> new FusionSettings(0, 1, 0.8, 0.1), "gateMeters", "0.0", "must be positive");
        assertRefused(() -> new FusionSettings(Double.NaN, 1, 0.8, 0.1), "gateMeters", "NaN", "must be finite");
        assertRefused(() -> new FusionSettings(0.5, -1, 0.8, 0.1), "cellMeters", "-1.0", "must be positive");
        assertRefused(() -> new FusionSettings(0.5, Double.POSITIVE_INFINITY, 0.8, 0.1), "cellMeters", "Infinity");
    }

    @Test
    void defaultGatesAtHalfAMetreWithOneMetreCells() {
        assertThat(FusionSettings.DEFAULT.gateMeters()).isEqualTo(0.5);
        assertThat(FusionSettings.DEFAULT.cellMeters()).isEqualTo(1.0);
    }
}
