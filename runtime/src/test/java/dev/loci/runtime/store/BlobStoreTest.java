package dev.loci.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.observation.BlobId;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
    @TempDir
    Path dir;

    @Test
    void reopensWithEveryBlobAndTakesNewOnes() throws IOException {
        BlobId first;
        try (BlobStore blobs = new BlobStore(dir)) {
            first = blobs.put(new byte[] {1, 2});
            blobs.sync();
        }
        try (BlobStore blobs = new BlobStore(dir)) {
            assertThat(blobs.get(first)).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
            BlobId second = blobs.put(new byte[] {3});
            assertThat(second.value()).isGreaterThan(first.value());
        }
    }

    /** Regression (found by reading SegmentFuzzTest's property): a stored id of Long.MAX_VALUE overflowed the next id. */
    @Test
    void aRecordWithTheLargestIdIsDamageAndDoesNotBreakLaterPuts() throws IOException {
        Files.write(dir.resolve("segment-000001.blob"), concat(record(1, new byte[] {7}),
                record(Long.MAX_VALUE, new byte[] {8})));

        try (BlobStore blobs = new BlobStore(dir)) {
            assertThat(blobs.size()).isEqualTo(1);
            BlobId next = blobs.put(new byte[] {9});
            assertThat(next.value()).isEqualTo(2);
            assertThat(blobs.get(next)).hasValueSatisfying(b -> assertThat(b).containsExactly(9));
            assertThat(blobs.get(new BlobId(1))).hasValueSatisfying(b -> assertThat(b).containsExactly(7));
        }
    }

    /** Regression: a repeated id silently replaced the earlier blob's bytes. */
    @Test
    void aRepeatedIdDoesNotReplaceTheEarlierBlob() throws IOException {
        Files.write(dir.resolve("segment-000001.blob"), concat(record(1, new byte[] {7}), record(1, new byte[] {8})));

        try (BlobStore blobs = new BlobStore(dir)) {
            assertThat(blobs.get(new BlobId(1))).hasValueSatisfying(b -> assertThat(b).containsExactly(7));
            assertThat(blobs.put(new byte[] {9}).value()).isEqualTo(2);
        }
    }

    private static byte[] record(long id, byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return ByteBuffer.allocate(21 + payload.length).putInt(0x4C4F4342).put((byte) 1).putLong(id)
                .putInt(payload.length).putInt((int) crc.getValue()).put(payload).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
