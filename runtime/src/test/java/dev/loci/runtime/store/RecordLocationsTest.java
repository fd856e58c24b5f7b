package dev.loci.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordLocationsTest {
    private static final int STRIDE = RecordLocations.STRIDE;

    private static long locationOf(long id) {
        return id * 1_000 + 7;
    }

    @Test
    void keepsEveryLocationAfterTheMarkAndOnePerStrideBeforeIt() {
        RecordLocations locations = new RecordLocations();
        long ids = 10L * STRIDE + 123;
        for (long id = 1; id <= ids; id++) {
            locations.remember(id, locationOf(id));
        }
        locations.releaseBefore(6L * STRIDE + 10); // rounds down to the stride: 6 * STRIDE + 1 stays dense

        for (long id = 1; id <= ids; id++) {
            long exact = locations.exact(id);
            if (id > 6L * STRIDE) {
                assertThat(exact).as("id %d", id).isEqualTo(locationOf(id));
            } else {
                assertThat(exact).as("id %d", id).isEqualTo(-1);
                assertThat(locations.anchor(id)).as("anchor of %d", id)
                        .isEqualTo(locationOf(RecordLocations.anchorId(id)));
            }
        }
        // The dense part kept, a stride of room to append, one anchor per retired stride: not one entry per id.
        assertThat(locations.heldEntries()).isEqualTo((ids - 6L * STRIDE) + STRIDE + 6);
    }

    @Test
    void keepsRememberingAfterARelease() {
        RecordLocations locations = new RecordLocations();
        for (long id = 1; id <= 3L * STRIDE; id++) {
            locations.remember(id, locationOf(id));
        }
        locations.releaseBefore(2L * STRIDE + 1);
        for (long id = 3L * STRIDE + 1; id <= 9L * STRIDE; id++) {
            locations.remember(id, locationOf(id));
        }

        assertThat(locations.exact(2L * STRIDE + 1)).isEqualTo(locationOf(2L * STRIDE + 1));
        assertThat(locations.exact(9L * STRIDE)).isEqualTo(locationOf(9L * STRIDE));
        assertThat(locations.anchor(STRIDE + 5)).isEqualTo(locationOf(STRIDE + 1));
    }

    @Test
    void neverReleasesPastWhatWasRemembered() {
        RecordLocations locations = new RecordLocations();
        for (long id = 1; id <= STRIDE + 10; id++) {
            locations.remember(id, locationOf(id));
        }
        locations.releaseBefore(Long.MAX_VALUE / 2);

        assertThat(locations.exact(STRIDE + 1)).isEqualTo(locationOf(STRIDE + 1));
        assertThat(locations.exact(STRIDE + 10)).isEqualTo(locationOf(STRIDE + 10));
        assertThat(locations.exact(STRIDE)).isEqualTo(-1);
        locations.remember(STRIDE + 11, locationOf(STRIDE + 11));
        assertThat(locations.exact(STRIDE + 11)).isEqualTo(locationOf(STRIDE + 11));
    }
}
