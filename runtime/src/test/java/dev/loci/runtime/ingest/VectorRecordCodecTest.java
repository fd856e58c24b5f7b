package dev.loci.runtime.semantic.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.runtime.semantic.index.ItemKey;
import dev.loci.runtime.semantic.index.ItemKind;
import dev.loci.runtime.semantic.index.SemanticItem;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.spatial.embedding.Int8Vector;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VectorRecordCodecTest {
    private final VectorRecordCodec codec = new VectorRecordCodec();

    static VectorRecord sample(Optional<Vec3> position) {
        float[] v = new float[384];
        Random random = new Random(3);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return new VectorRecord(new SemanticItem(new ItemKey(ItemKind.OBJECT, 42), RobotId.of("rover"),
                Timestamp.ofSeconds(12.5), position, "mug", "red mug"), "MiniLmEmbedder/384", Int8Vector.quantize(v));
    }

    @Test
    void roundTripsWithAndWithoutPosition() throws Exception {
        for (VectorRecord r : new VectorRecord[] {sample(Optional.of(new Vec3(1, 2, 3))), sample(Optional.empty())}) {
            byte[] bytes = codec.encode(r);
            assertThat(bytes[0]).isEqualTo((byte) 1);
            assertThat(codec.decode(bytes)).isEqualTo(r);
        }
    }

    @Test
    void refusesUnknownVersionTruncationAndTrailingBytes() {
        byte[] bytes = codec.encode(sample(Optional.empty()));
        byte[] future = bytes.clone();
        future[0] = 2;

        assertThatThrownBy(() -> codec.decode(future)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("format version 2");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length - 3)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(bytes, bytes.length + 1)))
                .isInstanceOf(CorruptRecordException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(CorruptRecordException.class);
    }

    @Test
    void refusesAnInvalidKindOrValueInside() {
        byte[] bytes = codec.encode(sample(Optional.empty()));
        byte[] badKind = bytes.clone();
        badKind[1] = 9;

        assertThatThrownBy(() -> codec.decode(badKind)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("item kind");
    }
}
