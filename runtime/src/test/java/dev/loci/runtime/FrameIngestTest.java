package dev.loci.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.runtime.store.codec.FrameCodec;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.memory.FrameResult;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.snapshot.Snapshot;
import dev.loci.spatial.validation.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameIngestTest {
    private static final RobotId ROBOT = RobotId.of("scout");
    private static final Vec3 MUG = new Vec3(3, 0, 0.8);
    private static final Vec3 BOOK = new Vec3(3, 1, 0.8);

    @TempDir
    Path dir;

    private static SensorFrame frame(long tick, Pose pose, Vec3... seen) {
        Timestamp time = Timestamp.ofNanos(tick * 100_000_000L);
        List<Observation> observations = new ArrayList<>();
        for (Vec3 p : seen) {
            observations.add(Observation.of(ROBOT, time, "camera", pose, p == MUG ? "mug" : "book",
                    Aabb.centered(p, new Vec3(0.1, 0.1, 0.1)), 0.9));
        }
        return new SensorFrame(ROBOT, time, "camera", pose, FieldOfView.RGBD, observations, Optional.empty());
    }

    @Test
    void keepsFramesSnapshotsAndChangesAcrossReopen() throws Exception {
        Pose lookingAtTable = Pose.of(0, 0.5, 0.8, 0);
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            for (int tick = 1; tick <= 5; tick++) {
                runtime.ingestFrame(frame(tick, lookingAtTable, MUG, BOOK));
            }
            FrameResult last = runtime.ingestFrame(frame(6, lookingAtTable, BOOK)).get();
            assertThat(last.missed()).extracting(o -> o.label()).containsExactly("mug");
            assertThat(runtime.snapshots()).hasSize(1);
        }
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            assertThat(runtime.stats().frames()).isEqualTo(6);
            List<Snapshot> snapshots = runtime.snapshotsFor(Set.of("mug"), 5);
            assertThat(snapshots).hasSize(1);
            assertThat(snapshots.get(0).classes()).containsExactly("book", "mug");
            assertThat(runtime.framesSeeing(MUG, 10, Optional.of(ROBOT))).extracting(FrameRecord::id)
                    .containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
            assertThat(runtime.framesSeeing(MUG, 10, Optional.of(RobotId.of("other")))).isEmpty();
            var mug = runtime.nearestOfClass(MUG, "mug", 1).get(0);
            assertThat(mug.status()).isEqualTo(ObjectStatus.MISSING);
            assertThat(mug.misses()).isEqualTo(1);
            assertThat(runtime.observationsWithin(MUG, 0.2, Optional.of(ROBOT))).hasSize(5);
            assertThat(runtime.observationsInBox(Aabb.centered(BOOK, new Vec3(0.5, 0.5, 0.5)), Optional.empty()))
                    .hasSize(6).allSatisfy(o -> assertThat(o.label()).isEqualTo("book"));
        }
    }

    @Test
    void refusesAFrameWhoseObservationsDisagreeWithItsHeaderNamingTheField() {
        Pose pose = Pose.of(0, 0, 1, 0);
        Observation fromElsewhere = Observation.of(ROBOT, Timestamp.ofNanos(99), "camera", pose, "mug",
                Aabb.centered(MUG, new Vec3(0.1, 0.1, 0.1)), 0.9);
        assertThatThrownBy(() -> new SensorFrame(ROBOT, Timestamp.ofNanos(1), "camera", pose, FieldOfView.RGBD,
                List.of(fromElsewhere), Optional.empty()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("observations[0].time")
                .hasMessageContaining("99");
    }

    @Test
    void frameCodecRoundTripsAndRefusesUnknownVersions() throws Exception {
        FrameRecord frame = new FrameRecord(7, ROBOT, Timestamp.ofNanos(5), "camera", Pose.of(1, 2, 3, 0.4),
                FieldOfView.RGBD, Optional.of(new dev.loci.spatial.observation.BlobId(3)), 40, List.of(1L, 2L),
                List.of(0.5, 0.25));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new FrameCodec().write(new DataOutputStream(bytes), frame);
        byte[] encoded = bytes.toByteArray();
        assertThat(encoded[0]).isEqualTo((byte) 1);
        assertThat(new FrameCodec().read(new DataInputStream(new ByteArrayInputStream(encoded)))).isEqualTo(frame);
        encoded[0] = 9;
        assertThatThrownBy(() -> new FrameCodec().read(new DataInputStream(new ByteArrayInputStream(encoded))))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("frame format version 9");
    }
}
