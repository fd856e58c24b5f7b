package dev.loci.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.runtime.testing.FleetWrites;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FleetWireTest {
    private static final RobotId A = RobotId.of("robot_a");
    private static final RobotId B = RobotId.of("robot_b");
    private final DeltaCodec codec = new DeltaCodec();
    private final FleetWire wire = new FleetWire();

    private static Delta delta(long seq, DeltaPayload payload) {
        return new Delta(A, seq, new VersionVector(new TreeMap<>(Map.of(A, seq - 1, B, 7L))), payload);
    }

    private static Observation observation(int i) {
        return Observation.of(A, Timestamp.ofNanos(100 + i), "camera", Pose.of(1, 2, 0.5, 0), "mug",
                Aabb.centered(new Vec3(i, 2, 0.8), new Vec3(0.1, 0.1, 0.1)), 0.9);
    }

    @Test
    void everyPayloadKindRoundTrips() throws Exception {
        List<Delta> deltas = List.of(
                delta(1, new DeltaPayload.ObservationsWritten(List.of(observation(1), observation(2)))),
                delta(2, new DeltaPayload.EventRecorded(Event.of(A, Timestamp.ofNanos(5), EventType.ACTION, "tasks",
                        "picked the mug").at(new Vec3(1, 2, 0)))),
                delta(3, new DeltaPayload.ProfileWritten(new Versioned<>(FleetWrites.profile(A, 0.5,
                        Timestamp.ofNanos(9)), 4, new Provenance(A, "state", Timestamp.ofNanos(9))))));
        for (Delta d : deltas) {
            assertThat(codec.decode(codec.encode(d))).isEqualTo(d);
        }
        List<byte[]> packets = wire.packDeltas(A, deltas);
        assertThat(packets).hasSize(1);
        FleetWire.Packet packet = wire.decode(packets.get(0));
        assertThat(packet.sender()).isEqualTo(A);
        assertThat(packet.deltas()).isEqualTo(deltas);
        VersionVector vector = new VersionVector(new TreeMap<>(Map.of(A, 3L, B, 9L)));
        assertThat(wire.decode(wire.vectorPacket(B, vector))).isEqualTo(new FleetWire.Packet(B, List.of(), vector));
    }

    @Test
    void observationsEncodedOnceGiveTheSameBytesAsTheirDelta() throws Exception {
        List<Observation> batch = List.of(observation(1), observation(2).withImage(new BlobId(7)), observation(3));
        Delta delta = delta(5, new DeltaPayload.ObservationsWritten(batch));
        List<byte[]> encoded = new ArrayList<>();
        dev.loci.runtime.store.codec.ObservationCodec observations = new dev.loci.runtime.store.codec.ObservationCodec();
        for (Observation o : batch) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
                observations.write(out, DeltaPayload.ObservationsWritten.withoutImage(o));
            }
            encoded.add(bytes.toByteArray());
        }
        byte[] once = codec.encodeObservations(A, 5, delta.context(), encoded);
        assertThat(once).isEqualTo(codec.encode(delta));
        assertThat(codec.decode(once)).isEqualTo(delta);
        assertThatThrownBy(() -> codec.encodeObservations(A, 6, delta.context(), List.of()))
                .hasMessageContaining("observations");
    }

    @Test
    void localReferencesDoNotTravel() {
        Observation withImage = observation(1).withImage(new BlobId(42));
        assertThat(new DeltaPayload.ObservationsWritten(List.of(withImage)).observations().get(0).image()).isEmpty();
        Event withObjects = Event.of(A, Timestamp.ofNanos(5), EventType.ACTION, "tasks", "x").involving(List.of(3L));
        assertThat(new DeltaPayload.EventRecorded(withObjects).event().objects()).isEmpty();
    }

    @Test
    void largeBatchesSplitIntoPacketsUnderTheBound() throws Exception {
        List<Delta> deltas = new ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            deltas.add(delta(i, new DeltaPayload.ObservationsWritten(List.of(observation(i)))));
        }
        List<byte[]> packets = wire.packDeltas(A, deltas);
        assertThat(packets.size()).isGreaterThan(1);
        List<Delta> back = new ArrayList<>();
        for (byte[] packet : packets) {
            assertThat(packet.length).isLessThanOrEqualTo(FleetWire.MAX_PACKET_BYTES);
            back.addAll(wire.decode(packet).deltas());
        }
        assertThat(back).isEqualTo(deltas);
    }

    @Test
    void malformedBytesAreRefusedNamingWhatIsWrong() {
        byte[] good = codec.encode(delta(1, new DeltaPayload.ObservationsWritten(List.of(observation(1), observation(2)))));
        byte[] newer = good.clone();
        newer[0] = 2;
        assertThatThrownBy(() -> codec.decode(newer)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("delta format version 2");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(good, good.length - 5)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("truncated");
        byte[] packet = wire.vectorPacket(A, VersionVector.EMPTY);
        byte[] unknownKind = packet.clone();
        unknownKind[1] = 9;
        assertThatThrownBy(() -> wire.decode(unknownKind)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("kind 9");
        assertThatThrownBy(() -> wire.decode(new byte[FleetWire.MAX_PACKET_BYTES + 1]))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("more than");
        assertThatThrownBy(() -> new Delta(A, 3, VersionVector.EMPTY, new DeltaPayload.ObservationsWritten(List.of(observation(1), observation(2)))))
                .hasMessageContaining("context.robot_a");
    }
}
