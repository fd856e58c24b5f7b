package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.loci.runtime.fleet.DeltaCodec;
import dev.loci.runtime.fleet.FleetWire;
import dev.loci.runtime.semantic.ingest.VectorRecord;
import dev.loci.runtime.semantic.ingest.VectorRecordCodec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of every store codec, the fleet's wire codecs ({@link DeltaCodec}, {@link FleetWire})
 * and the semantic {@link VectorRecordCodec} (jazzer). The property: any bytes either decode to a valid
 * value that round trips, or are refused with {@link CorruptRecordException} (bad content) or
 * {@link EOFException} (cut short); never another exception, a hang or a huge allocation.
 * {@code mvn verify} replays the seeds in {@code CodecFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes (see .ci/run).
 */
class CodecFuzzTest {
    enum Target {
        OBSERVATION(new ObservationCodec()), EVENT(new EventCodec()), EVENT_TRACE(new EventTraceCodec()),
        CHUNK(new ChunkCodec()), FRAME(new FrameCodec()), OBJECT_STATE(new ObjectStateCodec()),
        PROFILE(new ProfileCodec()), REMEMBERED_OBJECT(new RememberedObjectCodec()),
        // Bytes from other runtimes (fleet sync) and the semantic vectors' store records.
        DELTA(new DeltaCodec()), FLEET_PACKET(new FleetPacketBytes()), VECTOR_RECORD(new VectorRecordBytes());

        final Codec<?> codec;

        Target(Codec<?> codec) {
            this.codec = codec;
        }
    }

    /** {@link FleetWire} as a codec over the whole input: a packet is all the bytes there are. */
    private static final class FleetPacketBytes implements Codec<FleetWire.Packet> {
        private final FleetWire wire = new FleetWire();

        @Override
        public void write(DataOutput out, FleetWire.Packet packet) throws IOException {
            List<byte[]> packets = packet.isVector() ? List.of(wire.vectorPacket(packet.sender(), packet.vector()))
                    : wire.packDeltas(packet.sender(), packet.deltas());
            assertThat(packets).as("a decoded packet re-packs into one").hasSize(1);
            out.write(packets.get(0));
        }

        @Override
        public FleetWire.Packet read(DataInput in) throws IOException {
            return wire.decode(allBytes(in));
        }
    }

    /** {@link VectorRecordCodec} as a codec over the whole input. */
    private static final class VectorRecordBytes implements Codec<VectorRecord> {
        private final VectorRecordCodec records = new VectorRecordCodec();

        @Override
        public void write(DataOutput out, VectorRecord value) throws IOException {
            out.write(records.encode(value));
        }

        @Override
        public VectorRecord read(DataInput in) throws IOException {
            return records.decode(allBytes(in));
        }
    }

    private static byte[] allBytes(DataInput in) throws IOException {
        return ((DataInputStream) in).readAllBytes();
    }

    private static final Map<Target, LongAdder> EXECUTIONS = new EnumMap<>(Target.class);

    static {
        for (Target target : Target.values()) {
            EXECUTIONS.put(target, new LongAdder());
        }
    }

    @FuzzTest
    void observation(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.OBSERVATION, bytes);
    }

    @FuzzTest
    void event(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.EVENT, bytes);
    }

    @FuzzTest
    void eventTrace(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.EVENT_TRACE, bytes);
    }

    @FuzzTest
    void chunk(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.CHUNK, bytes);
    }

    @FuzzTest
    void frame(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.FRAME, bytes);
    }

    @FuzzTest
    void objectState(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.OBJECT_STATE, bytes);
    }

    @FuzzTest
    void profile(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.PROFILE, bytes);
    }

    @FuzzTest
    void rememberedObject(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.REMEMBERED_OBJECT, bytes);
    }

    @FuzzTest
    void delta(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.DELTA, bytes);
    }

    @FuzzTest
    void fleetPacket(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.FLEET_PACKET, bytes);
    }

    @FuzzTest
    void vectorRecord(byte[] bytes) throws IOException {
        decodeOrRefuse(Target.VECTOR_RECORD, bytes);
    }

    /** All codecs in one target, so one bounded fuzzing run in CI covers them (the first byte picks the codec). */
    @FuzzTest(maxDuration = "20s")
    void anyCodec(FuzzedDataProvider data) throws IOException {
        Target target = data.pickValue(Target.values());
        decodeOrRefuse(target, data.consumeRemainingAsBytes());
    }

    @AfterAll
    static void printExecutions() {
        System.out.println("codec fuzz executions: " + EXECUTIONS);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void decodeOrRefuse(Target target, byte[] bytes) throws IOException {
        EXECUTIONS.get(target).increment();
        Codec codec = target.codec;
        Object decoded;
        try {
            decoded = codec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (CorruptRecordException | EOFException refused) {
            return;
        }
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        codec.write(new DataOutputStream(again), decoded);
        assertThat(codec.read(new DataInputStream(new ByteArrayInputStream(again.toByteArray()))))
                .as("%s decoded from fuzz input round trips", target).isEqualTo(decoded);
    }
}
