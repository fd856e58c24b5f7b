package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.validation.InvalidValueException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ObservationCodecTest extends CodecContractTest<Observation> {

    @Override
    Codec<Observation> codec() {
        return new ObservationCodec();
    }

    @Override
    List<Observation> samples() {
        return Samples.observations();
    }

    @Test
    void roundTripsWithoutOptionalParts() throws IOException {
        Observation plain = Samples.observation(new TreeMap<>(), Optional.empty(), Optional.empty());

        Observation decoded = decode(encode(plain));

        assertThat(decoded).isEqualTo(plain);
        assertThat(decoded.embedding()).isEmpty();
        assertThat(decoded.image()).isEmpty();
        assertThat(decoded.attributes()).isEmpty();
    }

    @Test
    void roundTripsEmbeddingImageAndAttributes() throws IOException {
        Observation full = Samples.observation(Samples.attributes(Map.of("color", "red", "size", "large")),
                Optional.of(Samples.embedding(768)), Optional.of(new BlobId(12345)));

        Observation decoded = decode(encode(full));

        assertThat(decoded).isEqualTo(full);
        assertThat(decoded.embedding().orElseThrow().toArray()).containsExactly(full.embedding().get().toArray());
        assertThat(decoded.image()).contains(new BlobId(12345));
        assertThat(decoded.attributes()).containsExactly(Map.entry("color", "red"), Map.entry("size", "large"));
    }

    @Test
    void roundTripsEmbeddingWithoutImageAndImageWithoutEmbedding() throws IOException {
        Observation embeddingOnly = Samples.observation(new TreeMap<>(), Optional.of(Samples.embedding(1)),
                Optional.empty());
        Observation imageOnly = Samples.observation(new TreeMap<>(), Optional.empty(), Optional.of(new BlobId(1)));

        assertThat(decode(encode(embeddingOnly))).isEqualTo(embeddingOnly);
        assertThat(decode(encode(imageOnly))).isEqualTo(imageOnly);
    }

    @Test
    void refusesAbsurdAttributeCountBeforeAllocating() {
        byte[] bytes = encode(Samples.observation(Samples.attributes(Map.of("zz_marker", "v")), Optional.empty(),
                Optional.empty()));
        int count = indexOf(bytes, utf("zz_marker")) - 2;
        assertThat(bytes[count + 1]).as("count of one attribute").isEqualTo((byte) 1);

        putShort(bytes, count, 60_000);
        assertCorrupt(bytes, "attributes count 60000 is outside [0, 16]");
        putShort(bytes, count, 17);
        assertCorrupt(bytes, "attributes count 17 is outside [0, 16]");
        putShort(bytes, count, 0xffff);
        assertCorrupt(bytes, "attributes count 65535");
    }

    @Test
    void refusesAbsurdEmbeddingDimension() {
        Observation without = Samples.observation(new TreeMap<>(), Optional.empty(), Optional.empty());
        byte[] bytes = encode(Samples.observation(new TreeMap<>(), Optional.of(Samples.embedding(4)),
                Optional.empty()));
        int dims = encode(without).length;
        assertThat(bytes[dims + 1]).as("dimension of the embedding").isEqualTo((byte) 4);

        putShort(bytes, dims, 60_000);
        assertCorrupt(bytes, "embedding dimension count 60000 is outside [0, 4096]");
        putShort(bytes, dims, Embedding.MAX_DIMENSIONS + 1);
        assertCorrupt(bytes, "embedding dimension count 4097");
    }

    @Test
    void refusesZeroEmbeddingDimensionAsCorrupt() {
        Observation without = Samples.observation(new TreeMap<>(), Optional.empty(), Optional.empty());
        byte[] bytes = encode(Samples.observation(new TreeMap<>(), Optional.of(Samples.embedding(4)),
                Optional.empty()));
        putShort(bytes, encode(without).length, 0);

        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(CorruptRecordException.class);
    }

    @Test
    void refusesInvalidDecodedValueAsCorruptNamingTheField() {
        Observation o = Samples.observation(new TreeMap<>(), Optional.empty(), Optional.empty());
        byte[] bytes = encode(o);
        int confidence = indexOf(bytes, doubleBytes(o.confidence()));

        putDouble(bytes, confidence, 1.5);

        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("observation does not decode: confidence must be in [0.0, 1.0]: 1.5")
                .hasCauseInstanceOf(InvalidValueException.class);
        putDouble(bytes, confidence, Double.NaN);
        assertCorrupt(bytes, "confidence must be finite");
    }

    @Test
    void refusesBadRobotNameAsCorrupt() {
        byte[] bytes = encode(Samples.minimalObservation());
        int name = indexOf(bytes, utf(Samples.ROBOT.name()));
        bytes[name + 2] = '9';

        assertCorrupt(bytes, "robot must match");
    }
}
