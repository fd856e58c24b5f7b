package dev.loci.spatial.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ScanValidationTest {

    private static void refusedNaming(String field, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo(field);
    }

    @Test
    void nonFiniteOriginIsRefusedNamingTheAxis() {
        refusedNaming("scan.origin.y", () -> RangeScan.builder(1, Timestamp.ZERO, 0, Double.NaN, 0));
        refusedNaming("scan.origin.z", () -> RangeScan.builder(1, Timestamp.ZERO, 0, 0, Double.POSITIVE_INFINITY));
        refusedNaming("scan.origin.x", () -> RangeScan.builder(1, Timestamp.ZERO, 2e5, 0, 0));
    }

    @Test
    void nonFiniteEndpointsAndDirectionsAreRefusedNamingTheBeam() {
        RangeScan.Builder builder = RangeScan.builder(1, Timestamp.ZERO, 0, 0, 0).hit(1, 1, 1);
        refusedNaming("scan.endpoints[1].z", () -> builder.hit(1, 1, Double.NEGATIVE_INFINITY));
        refusedNaming("scan.directions[1].x", () -> builder.noReturn(Double.NaN, 0, 0));
        refusedNaming("scan.directions[1]", () -> builder.noReturn(0, 0, 0));
    }

    @Test
    void aNanRangeInALaserScanIsRefusedNamingTheBeam() {
        float[] ranges = {1, 2, 3, Float.NaN};
        refusedNaming("scan.ranges[3]", () -> RangeScan.planar(1, Timestamp.ZERO, Pose.IDENTITY, 0, 0.1, ranges, 0.1, 10));
    }

    @Test
    void laserScanRangesFollowRep117() {
        float[] ranges = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.01f, 2.0f, 30f};
        RangeScan scan = RangeScan.planar(1, Timestamp.ZERO, Pose.of(1, 2, 0.3, Math.PI / 2), 0, Math.PI / 2,
                ranges, 0.1, 10);

        // +Inf and beyond rangeMax: no return; -Inf and below rangeMin: skipped.
        assertThat(scan.beamCount()).isEqualTo(3);
        assertThat(scan.hasReturn(0)).isFalse();
        assertThat(scan.hasReturn(1)).isTrue();
        assertThat(scan.hasReturn(2)).isFalse();
        // Range 2 at 3 pi/2 in a sensor yawed by pi/2 points along map +x, from (1, 2).
        assertThat(scan.beam(1).x()).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(scan.beam(1).y()).isCloseTo(2, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(scan.beam(1).z()).isCloseTo(0.3, org.assertj.core.api.Assertions.within(1e-6));
    }

    @Test
    void aScanOlderThanTheMapIsRefusedAndChangesNothing() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        map.integrate(RangeScan.builder(1, Timestamp.ofSeconds(5), 0, 0, 0).hit(1, 0, 0).build());
        int dirty = map.dirtyChunkCount();

        refusedNaming("scan.time", () -> map.integrate(
                RangeScan.builder(2, Timestamp.ofSeconds(4), 0, 0, 0).hit(-1, 0, 0).build()));
        assertThat(map.dirtyChunkCount()).isEqualTo(dirty);
        assertThat(map.latestTime()).isEqualTo(Timestamp.ofSeconds(5));
    }

    @Test
    void settingsOutsideTheirRangesAreRefusedNamingTheSetting() {
        OccupancySettings d = OccupancySettings.DEFAULT;
        refusedNaming("occupancy.resolution", () -> d.withResolution(0.001));
        refusedNaming("occupancy.maxRange", () -> d.withMaxRange(Double.NaN));
        refusedNaming("occupancy.decayPerSecond", () -> d.withDecayPerSecond(-1));
        refusedNaming("occupancy.hitProbability", () -> new OccupancySettings(0.1, 10, 0.5, 0.4, 0.12, 0.97, 0));
        refusedNaming("occupancy.missProbability", () -> new OccupancySettings(0.1, 10, 0.7, 0.6, 0.12, 0.97, 0));
        refusedNaming("occupancy.maxProbability", () -> new OccupancySettings(0.1, 10, 0.7, 0.4, 0.12, 1.0, 0));
    }

    @Test
    void aGridWhoseDataDoesNotMatchItsSizeIsRefused() {
        refusedNaming("grid.data", () -> new OccupancyGrid(0.1, 2, 2, 0, 0, new byte[3]));
        refusedNaming("grid.data[1]", () -> new OccupancyGrid(0.1, 2, 1, 0, 0, new byte[] {0, 101}));
    }
}
