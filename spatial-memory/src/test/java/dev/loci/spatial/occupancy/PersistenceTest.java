package dev.loci.spatial.occupancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PersistenceTest {
    private static final ZBand ROBOT_BAND = new ZBand(0.1, 1.5);

    @Test
    void aMapReopenedFromTheSameStoreGivesIdenticalProjectionsAndVoxels() {
        TreeMap<Long, byte[]> store = new TreeMap<>();
        VoxelMap map = VoxelMap.open(store, OccupancySettings.DEFAULT);
        for (RangeScan scan : FloorPlan.routeScans(1.0, 360, 10)) {
            map.integrate(scan);
        }
        map.writeDirtyChunks();

        VoxelMap reopened = VoxelMap.open(store, OccupancySettings.DEFAULT);

        assertThat(reopened.project(ROBOT_BAND)).isEqualTo(map.project(ROBOT_BAND));
        assertThat(reopened.project(new ZBand(0.3, 0.4))).isEqualTo(map.project(new ZBand(0.3, 0.4)));
        assertThat(reopened.latestTime()).isEqualTo(map.latestTime());
        assertThat(reopened.chunkCount()).isEqualTo(map.chunkCount());
        Random random = new Random(3);
        for (int i = 0; i < 5000; i++) {
            Vec3 p = new Vec3(random.nextDouble() * 13 - 0.5, random.nextDouble() * 9 - 0.5, random.nextDouble());
            assertThat(reopened.logOddsAt(p)).isEqualTo(map.logOddsAt(p));
        }
    }

    @Test
    void writeDirtyChunksWritesOnlyWhatChangedSinceTheLastCall() {
        TreeMap<Long, byte[]> store = new TreeMap<>();
        VoxelMap map = VoxelMap.open(store, OccupancySettings.DEFAULT);
        List<RangeScan> scans = FloorPlan.routeScans(1.0, 360, 10);
        map.integrate(scans.get(0));
        int first = map.writeDirtyChunks();
        assertThat(first).isPositive();
        assertThat(store).hasSize(first + 1); // chunks and the header

        assertThat(map.writeDirtyChunks()).isZero();

        Map<Long, byte[]> before = new TreeMap<>(store);
        ScanResult far = map.integrate(RangeScan.builder(99, Timestamp.ofSeconds(100), 40.05, 40.05, 0.35)
                .hit(40.55, 40.05, 0.35).build());
        assertThat(far.touchedTiles()).hasSize(1);
        assertThat(map.writeDirtyChunks()).isEqualTo(1);
        assertThat(store).hasSize(before.size() + 1);
        for (Map.Entry<Long, byte[]> entry : before.entrySet()) {
            if (entry.getKey() >= 0) {
                assertThat(store.get(entry.getKey())).as("untouched chunk rewritten").isSameAs(entry.getValue());
            }
        }
    }

    @Test
    void everyStoredValueStartsWithAFormatVersionByte() {
        TreeMap<Long, byte[]> store = new TreeMap<>();
        VoxelMap map = VoxelMap.open(store, OccupancySettings.DEFAULT);
        map.integrate(FloorPlan.routeScans(1.0, 360, 10).get(0));
        map.writeDirtyChunks();

        assertThat(store).isNotEmpty();
        assertThat(store.values()).allSatisfy(value -> assertThat(value[0]).isEqualTo((byte) 1));
        // Mostly-uniform chunks are run-length encoded, far below the 4 KiB raw size.
        assertThat(store.values().stream().mapToInt(v -> v.length).average().orElseThrow()).isLessThan(1024);
    }

    @Test
    void reopeningAtAnotherResolutionIsRefused() {
        TreeMap<Long, byte[]> store = new TreeMap<>();
        VoxelMap map = VoxelMap.open(store, OccupancySettings.DEFAULT);
        map.integrate(FloorPlan.routeScans(1.0, 36, 10).get(0));
        map.writeDirtyChunks();

        assertThatThrownBy(() -> VoxelMap.open(store, OccupancySettings.DEFAULT.withResolution(0.05)))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("occupancy.resolution");
    }

    @Test
    void aChunkWithAnUnknownFormatVersionIsReportedWhenRead() {
        TreeMap<Long, byte[]> store = new TreeMap<>();
        VoxelMap map = VoxelMap.open(store, OccupancySettings.DEFAULT);
        map.integrate(RangeScan.builder(1, Timestamp.ZERO, 0.05, 0.05, 0.05).hit(1.05, 0.05, 0.05).build());
        map.writeDirtyChunks();
        long chunkKey = store.ceilingKey(0L);
        store.get(chunkKey)[0] = 9;

        VoxelMap reopened = VoxelMap.open(store, OccupancySettings.DEFAULT);

        assertThatThrownBy(() -> reopened.stateAt(new Vec3(1.05, 0.05, 0.05)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unknown format version 9");
    }
}
