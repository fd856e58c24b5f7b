package dev.loci.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.loci.runtime.TestObservations;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Observation;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;

/**
 * Fuzzes what {@link ObservationJournal} and {@link BlobStore} read back from their segment files. The fuzz
 * input describes records that the harness frames (valid checksums unless the input says otherwise, so the
 * fuzzer gets past them) followed by raw trailing bytes. The property: opening either succeeds or is refused
 * with {@link CorruptRecordException}; an opened store reads every record it indexed or refuses it with
 * CorruptRecordException / EOFException, and still takes and returns a new write.
 */
class SegmentFuzzTest {
    private static final int JOURNAL_MAGIC = 0x4C4F4F42;
    private static final int BLOB_MAGIC = 0x4C4F4342;
    private static final LongAdder JOURNAL_EXECUTIONS = new LongAdder();
    private static final LongAdder BLOB_EXECUTIONS = new LongAdder();

    /** Both readers in one target, so one bounded fuzzing run in CI covers them. */
    @FuzzTest(maxDuration = "20s")
    void anySegment(FuzzedDataProvider data) throws IOException {
        if (data.consumeBoolean()) {
            journalSegment(data);
        } else {
            blobSegments(data);
        }
    }

    @FuzzTest
    void journalSegment(FuzzedDataProvider data) throws IOException {
        JOURNAL_EXECUTIONS.increment();
        Path dir = tempDirectory("journal-fuzz");
        try {
            long committed = data.consumeInt(0, 4);
            int records = data.consumeInt(0, 4);
            ByteBuffer file = ByteBuffer.allocate(64 * 1024);
            for (int i = 0; i < records; i++) {
                byte[] payload = data.consumeBytes(data.consumeInt(0, 2048));
                int crc = data.consumeBoolean() ? crc(payload) : data.consumeInt();
                long id = data.consumeBoolean() ? i + 1 : data.consumeLong();
                int length = data.consumeBoolean() ? payload.length : data.consumeInt();
                file.putInt(JOURNAL_MAGIC).putInt(length).putInt(crc).putLong(id).put(payload);
            }
            file.put(data.consumeBytes(file.remaining()));
            Files.write(dir.resolve("segment-000001.log"), java.util.Arrays.copyOf(file.array(), file.position()));

            ObservationJournal journal;
            try {
                journal = ObservationJournal.open(dir, committed);
            } catch (CorruptRecordException refused) {
                return;
            }
            try (journal) {
                assertThat(journal.size()).isEqualTo(committed);
                for (long id = 1; id <= journal.size(); id++) {
                    try {
                        assertThat(journal.get(id)).isPresent();
                    } catch (UncheckedIOException e) {
                        assertThat(e.getCause()).isInstanceOfAny(CorruptRecordException.class, EOFException.class);
                    }
                }
                Observation next = TestObservations.numbered(1, 1);
                long id = journal.append(next);
                assertThat(id).isEqualTo(committed + 1);
                assertThat(journal.get(id)).contains(next);
            }
        } finally {
            delete(dir);
        }
    }

    @FuzzTest
    void blobSegments(FuzzedDataProvider data) throws IOException {
        BLOB_EXECUTIONS.increment();
        Path dir = tempDirectory("blob-fuzz");
        try {
            int segments = data.consumeInt(1, 2);
            for (int segment = 1; segment <= segments; segment++) {
                ByteBuffer file = ByteBuffer.allocate(16 * 1024);
                int records = data.consumeInt(0, 3);
                for (int i = 0; i < records; i++) {
                    byte[] payload = data.consumeBytes(data.consumeInt(0, 1024));
                    int crc = data.consumeBoolean() ? crc(payload) : data.consumeInt();
                    long id = data.consumeBoolean() ? 3L * segment + i : data.consumeLong();
                    int length = data.consumeBoolean() ? payload.length : data.consumeInt();
                    byte format = data.consumeBoolean() ? 1 : data.consumeByte();
                    file.putInt(BLOB_MAGIC).put(format).putLong(id).putInt(length).putInt(crc).put(payload);
                }
                file.put(data.consumeBytes(data.consumeInt(0, 64)));
                Files.write(dir.resolve(String.format("segment-%06d.blob", segment)),
                        java.util.Arrays.copyOf(file.array(), file.position()));
            }

            BlobStore blobs;
            try {
                blobs = new BlobStore(dir);
            } catch (CorruptRecordException refused) {
                return;
            }
            try (blobs) {
                Set<Long> known = new HashSet<>();
                for (long id = 0; id < 12; id++) {
                    if (blobs.get(new BlobId(id)).isPresent()) {
                        known.add(id);
                    }
                }
                byte[] image = {1, 2, 3};
                BlobId fresh = blobs.put(image);
                assertThat(known).as("a new blob never reuses a stored id").doesNotContain(fresh.value());
                assertThat(blobs.get(fresh)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(image));
            }
        } finally {
            delete(dir);
        }
    }

    @AfterAll
    static void printExecutions() {
        System.out.println("segment fuzz executions: journal=" + JOURNAL_EXECUTIONS + " blobs=" + BLOB_EXECUTIONS);
    }

    /** In memory when the machine has /dev/shm: a disk-backed /tmp makes each execution ~20 ms. */
    private static Path tempDirectory(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, prefix)
                : Files.createTempDirectory(prefix);
    }

    private static int crc(byte[] payload) {
        CRC32 crc = new CRC32();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
