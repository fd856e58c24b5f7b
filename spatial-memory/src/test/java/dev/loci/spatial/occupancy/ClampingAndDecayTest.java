package dev.loci.spatial.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ClampingAndDecayTest {
    private static final Vec3 WALL = new Vec3(2.05, 0.05, 0.05);
    private static final Vec3 FLOOR = new Vec3(1.05, 0.05, 0.05);

    private static RangeScan wallScan(long id, double seconds) {
        return RangeScan.builder(id, Timestamp.ofSeconds(seconds), 0.05, 0.05, 0.05).hit(WALL).build();
    }

    /** The wall has gone: the beam now returns behind where it stood. */
    private static RangeScan throughWallScan(long id, double seconds) {
        return RangeScan.builder(id, Timestamp.ofSeconds(seconds), 0.05, 0.05, 0.05).hit(4.05, 0.05, 0.05).build();
    }

    @Test
    void repeatedHitsAndMissesStopAtTheClamps() {
        OccupancySettings settings = OccupancySettings.DEFAULT;
        VoxelMap map = VoxelMap.open(new TreeMap<>(), settings);
        for (int i = 0; i < 200; i++) {
            map.integrate(wallScan(i, i));
        }

        assertThat(map.probabilityAt(WALL).getAsDouble()).isEqualTo(settings.clampedMaxProbability());
        assertThat(map.probabilityAt(FLOOR).getAsDouble()).isEqualTo(settings.clampedMinProbability());
        assertThat(settings.clampedMaxProbability()).isCloseTo(0.97, within(0.003));
        assertThat(settings.clampedMinProbability()).isCloseTo(0.12, within(0.003));
    }

    @Test
    void aClampedWallThatDisappearsTurnsFreeAfterExactlyNineScans() {
        // Clamp 0.97 is 70 steps, a miss is -8 steps: 9 misses take it below even odds, 8 do not.
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        for (int i = 0; i < 100; i++) {
            map.integrate(wallScan(i, i));
        }
        for (int i = 0; i < 8; i++) {
            map.integrate(throughWallScan(100 + i, 100 + i));
        }
        assertThat(map.stateAt(WALL)).isEqualTo(VoxelState.OCCUPIED);

        map.integrate(throughWallScan(108, 108));

        assertThat(map.stateAt(WALL)).isEqualTo(VoxelState.FREE);
    }

    @Test
    void withoutDecayAnObservationStaysForever() {
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT);
        map.integrate(wallScan(1, 0));
        double before = map.logOddsAt(WALL).getAsDouble();

        map.advanceClock(Timestamp.ofSeconds(1e6));

        assertThat(map.logOddsAt(WALL).getAsDouble()).isEqualTo(before);
    }

    @Test
    void decayMovesVoxelsTowardEvenOddsAtTheConfiguredRateThenBackToUnknown() {
        // Hit: 17 steps = 0.85 nats; miss: -8 steps = -0.40 nats. Decay 0.25 nats/s = 5 steps/s.
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT.withDecayPerSecond(0.25));
        map.integrate(wallScan(1, 10));
        assertThat(map.logOddsAt(WALL).getAsDouble()).isCloseTo(0.85, within(1e-9));

        map.advanceClock(Timestamp.ofSeconds(11));
        assertThat(map.logOddsAt(WALL).getAsDouble()).isCloseTo(0.60, within(1e-9));
        assertThat(map.logOddsAt(FLOOR).getAsDouble()).isCloseTo(-0.15, within(1e-9));

        map.advanceClock(Timestamp.ofSeconds(11.7));
        assertThat(map.stateAt(FLOOR)).isEqualTo(VoxelState.UNKNOWN);
        assertThat(map.logOddsAt(WALL).getAsDouble()).isCloseTo(0.45, within(1e-9));

        map.advanceClock(Timestamp.ofSeconds(13.5));
        assertThat(map.stateAt(WALL)).isEqualTo(VoxelState.UNKNOWN);
    }

    @Test
    void decayIsAppliedLazilyAndKeepsFractionsOfAStepAcrossWrites() {
        // 0.1 nats/s = 2 steps/s: scans every 0.3 s each leave a fraction of a step pending.
        Vec3 nearWall = new Vec3(1.05, 0.05, 0.05); // in the same chunk as the voxels the later scans touch
        VoxelMap map = VoxelMap.open(new TreeMap<>(), OccupancySettings.DEFAULT.withDecayPerSecond(0.1));
        map.integrate(RangeScan.builder(1, Timestamp.ZERO, 0.05, 0.05, 0.05).hit(nearWall).build());
        for (int i = 1; i <= 10; i++) {
            map.integrate(RangeScan.builder(1 + i, Timestamp.ofSeconds(0.3 * i), 0.05, 0.05, 0.05)
                    .hit(0.35, 0.05, 0.05).build());
        }
        // 3 s at 2 steps/s: 17 - 6 = 11 steps, however the time was sliced between writes.
        assertThat(map.logOddsAt(nearWall).getAsDouble()).isCloseTo(11 * 0.05, within(1e-9));
    }

    @Test
    void decayedStateSurvivesAReopen() {
        TreeMap<Long, byte[]> store = new TreeMap<>();
        OccupancySettings settings = OccupancySettings.DEFAULT.withDecayPerSecond(0.25);
        VoxelMap map = VoxelMap.open(store, settings);
        map.integrate(wallScan(1, 0));
        map.advanceClock(Timestamp.ofSeconds(1));
        map.writeDirtyChunks();

        VoxelMap reopened = VoxelMap.open(store, settings);

        assertThat(reopened.latestTime()).isEqualTo(Timestamp.ofSeconds(1));
        assertThat(reopened.logOddsAt(WALL).getAsDouble()).isCloseTo(0.60, within(1e-9));
        reopened.advanceClock(Timestamp.ofSeconds(4));
        assertThat(reopened.stateAt(WALL)).isEqualTo(VoxelState.UNKNOWN);
    }
}
