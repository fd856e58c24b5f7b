package dev.loci.runtime.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.chunk.Chunk;
import dev.loci.episodic.chunk.ChunkLevel;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.Timestamp;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChunkCodecTest extends CodecContractTest<Chunk> {
    private static final Chunk ORIGINAL = new Chunk(4, ChunkLevel.EPISODE, Samples.ROBOT, Timestamp.ofSeconds(10),
            Timestamp.ofSeconds(30), List.of(1L, 2L, 3L), 3, 1, 3, 2, Optional.of(new Vec3(1, 2, 0)),
            Optional.of(Aabb.centered(new Vec3(1, 2, 0), new Vec3(0.5, 0.5, 0))), List.of("kitchen"),
            List.of(7L, 3L), List.of("fetch the red mug"), List.of("finished fetch the red mug"),
            "robot in kitchen", new Embedding(new float[] {0.6f, 0.8f}));
    private static final Chunk CONSOLIDATED = new Chunk(4, ChunkLevel.EPISODE, Samples.ROBOT,
            Timestamp.ofSeconds(10), Timestamp.ofSeconds(50), List.of(1L, 2L, 3L, 4L), 4, 1, 4, 0, Optional.empty(),
            Optional.empty(), List.of(), List.of(), List.of(), List.of(), "merged", new Embedding(new float[] {1, 0}),
            List.of(4L, 5L), 2);

    @Override
    Codec<Chunk> codec() {
        return new ChunkCodec();
    }

    @Override
    List<Chunk> samples() {
        return List.of(ORIGINAL, CONSOLIDATED);
    }

    @Override
    int formatVersion() {
        return 2;
    }

    @Override
    boolean readsFormat(int version) {
        return version == 1 || version == 2;
    }

    @Test
    void roundTripsProvenanceOfConsolidatedChunks() throws IOException {
        Chunk decoded = decode(encode(CONSOLIDATED));

        assertThat(decoded).isEqualTo(CONSOLIDATED);
        assertThat(decoded.derivedFrom()).containsExactly(4L, 5L);
        assertThat(decoded.version()).isEqualTo(2);
    }

    @Test
    void readsFormatOneAsAnOriginalChunk() throws IOException {
        byte[] current = encode(ORIGINAL);
        // Format 1 is format 2 without the trailing derived-from list (int count, empty) and version (int).
        byte[] formatOne = java.util.Arrays.copyOf(current, current.length - 4 - 4);
        formatOne[0] = 1;

        Chunk decoded = decode(formatOne);

        assertThat(decoded).isEqualTo(ORIGINAL);
        assertThat(decoded.derivedFrom()).isEmpty();
        assertThat(decoded.version()).isEqualTo(1);
    }
}
