package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;

/**
 * Coverage-guided fuzzing of every store codec (jazzer). The property: any bytes either decode to a valid
 * value that round trips, or are refused with {@link CorruptRecordException} (bad content) or
 * {@link EOFException} (cut short); never another exception, a hang or a huge allocation.
 * {@code mvn verify} replays the seeds in {@code CodecFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes (see .ci/run).
 */
class CodecFuzzTest {
    enum Target {
        OBSERVATION(ObservationCodec::new), EVENT(EventCodec::new), EVENT_TRACE(EventTraceCodec::new),
        CHUNK(ChunkCodec::new), FRAME(FrameCodec::new), OBJECT_STATE(ObjectStateCodec::new),
        PROFILE(ProfileCodec::new), REMEMBERED_OBJECT(RememberedObjectCodec::new);

        final Codec<?> codec;

        Target(Supplier<Codec<?>> codec) {
            this.codec = codec.get();
        }
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
