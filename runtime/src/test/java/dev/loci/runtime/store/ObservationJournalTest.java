package dev.loci.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.runtime.TestObservations;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.observation.Observation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationJournalTest {
    @TempDir
    Path dir;

    private List<Observation> write(int count, long committedAfter) throws Exception {
        List<Observation> written = new ArrayList<>();
        try (ObservationJournal journal = ObservationJournal.open(dir, 0)) {
            for (int i = 0; i < count; i++) {
                Observation o = TestObservations.numbered(3, i);
                assertThat(journal.append(o)).isEqualTo(i + 1);
                written.add(o);
            }
            journal.sync();
        }
        return written;
    }

    @Test
    void placementsMatchWholeObservationsFromAnyStartingId() throws Exception {
        try (ObservationJournal journal = ObservationJournal.open(dir, 0)) {
            List<Observation> written = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Observation o = TestObservations.numbered(5, i)
                        .withAttributes(i % 3 == 0 ? Map.of() : Map.of("i", "" + i, "colour", "red", "size", "x".repeat(i)));
                if (i % 4 == 0) {
                    o = new Observation(o.robot(), o.time(), o.sensor(), o.sensorPose(), o.label(), o.attributes(),
                            o.box(), o.confidence(), Optional.of(new Embedding(new float[] {i, 1, 2})), o.image());
                }
                if (i % 5 == 0) {
                    o = o.withImage(new BlobId(i));
                }
                journal.append(o);
                written.add(o);
                if (i == 150) {
                    journal.sync(); // some records in the file, the rest still pending
                }
            }
            for (long from : new long[] {1, 2, 151, 300, 301}) {
                List<String> placements = new ArrayList<>();
                journal.forEachPlacement(from, (id, robot, label, at) -> placements.add(id + " " + robot + " " + label
                        + " " + at));
                List<String> expected = new ArrayList<>();
                for (long id = from; id <= written.size(); id++) {
                    Observation o = written.get((int) id - 1);
                    expected.add(id + " " + o.robot() + " " + o.label() + " " + o.box().center());
                }
                assertThat(placements).as("from %d", from).isEqualTo(expected);
            }
        }
    }

    @Test
    void readsRetiredObservationsBackAcrossSegmentsWithSparseLocations() throws Exception {
        int count = 3 * RecordLocations.STRIDE + 500;
        long retired = 2L * RecordLocations.STRIDE + 77;
        List<Observation> written = new ArrayList<>();
        long denseEntries;
        try (ObservationJournal journal = ObservationJournal.open(dir, 0, 0, 64 << 10)) {
            for (int i = 0; i < count; i++) {
                Observation o = TestObservations.numbered(11, i);
                journal.append(o);
                written.add(o);
            }
            journal.sync();
            denseEntries = journal.locationEntries();
            journal.releaseLocationsThrough(retired);

            long sparse = (count - 2L * RecordLocations.STRIDE) + RecordLocations.STRIDE + 2;
            assertThat(denseEntries).isGreaterThanOrEqualTo(count);
            assertThat(journal.locationEntries()).isEqualTo(sparse);
            assertEveryReadMatches(journal, written);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.count()).as("segments").isGreaterThan(20);
        }
        try (ObservationJournal reopened = ObservationJournal.open(dir, count, retired, 64 << 10)) {
            assertThat(reopened.locationEntries()).isLessThan(denseEntries - RecordLocations.STRIDE);
            assertEveryReadMatches(reopened, written);
            Observation next = TestObservations.numbered(12, 1);
            assertThat(reopened.append(next)).isEqualTo(count + 1);
            assertThat(reopened.get(count + 1)).contains(next);
        }
    }

    private static void assertEveryReadMatches(ObservationJournal journal, List<Observation> written) {
        // Every id after the first strides, a sample before them (each of those walks up to a stride of headers).
        for (int id = 1; id <= written.size(); id += id < 2 * RecordLocations.STRIDE && id % RecordLocations.STRIDE > 2
                && id % RecordLocations.STRIDE < RecordLocations.STRIDE - 2 ? 61 : 1) {
            assertThat(journal.get(id)).as("observation %d", id).contains(written.get(id - 1));
        }
        List<Observation> visited = new ArrayList<>();
        journal.forEach((id, o) -> visited.add(o));
        assertThat(visited).isEqualTo(written);
        for (long from : new long[] {1, 2, RecordLocations.STRIDE, RecordLocations.STRIDE + 1, 2L * RecordLocations.STRIDE + 500,
                written.size()}) {
            List<Long> ids = new ArrayList<>();
            journal.forEachPlacement(from, (id, robot, label, at) -> {
                Observation o = written.get((int) id - 1);
                assertThat(label).isEqualTo(o.label());
                assertThat(at).isEqualTo(o.box().center());
                ids.add(id);
            });
            assertThat(ids).as("from %d", from).hasSize(written.size() - (int) from + 1);
            assertThat(ids.get(0)).isEqualTo(from);
        }
    }

    @Test
    void readsRecordsBeforeAndAfterTheyReachTheFile() throws Exception {
        try (ObservationJournal journal = ObservationJournal.open(dir, 0)) {
            Observation first = TestObservations.numbered(1, 1);
            Observation second = TestObservations.numbered(1, 2);
            journal.append(first);
            journal.append(second);
            assertThat(journal.get(2)).contains(second);
            journal.sync();
            assertThat(journal.get(1)).contains(first);
            assertThat(journal.get(2)).contains(second);
            assertThat(journal.get(3)).isEmpty();
            assertThat(journal.get(0)).isEmpty();
        }
    }

    @Test
    void cutsBackToWhatTheLastMapDbCommitCovered() throws Exception {
        List<Observation> written = write(10, 10);
        try (ObservationJournal journal = ObservationJournal.open(dir, 6)) {
            assertThat(journal.size()).isEqualTo(6);
            assertThat(journal.get(6)).contains(written.get(5));
            assertThat(journal.get(7)).isEmpty();
            Observation next = TestObservations.numbered(9, 9);
            assertThat(journal.append(next)).isEqualTo(7);
            journal.sync();
        }
        try (ObservationJournal journal = ObservationJournal.open(dir, 7)) {
            List<Observation> visited = new ArrayList<>();
            journal.forEach((id, o) -> visited.add(o));
            assertThat(visited).hasSize(7).startsWith(written.subList(0, 6).toArray(new Observation[0]));
            assertThat(visited.get(6)).isEqualTo(TestObservations.numbered(9, 9));
        }
    }

    @Test
    void dropsATornRecordAtTheEnd() throws Exception {
        write(5, 5);
        Path segment = dir.resolve("segment-000001.log");
        long intact = Files.size(segment);
        Files.write(segment, new byte[] {0x4C, 0x4F, 0x4F, 0x42, 0, 0, 1}, StandardOpenOption.APPEND);
        try (ObservationJournal journal = ObservationJournal.open(dir, 5)) {
            assertThat(journal.size()).isEqualTo(5);
        }
        assertThat(Files.size(segment)).isEqualTo(intact);
    }

    @Test
    void refusesToOpenWhenCommittedObservationsAreMissing() throws Exception {
        write(5, 5);
        assertThatThrownBy(() -> ObservationJournal.open(dir, 8)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("holds 5 observations but 8 were committed");
    }

    @Test
    void stopsAtACorruptedRecordAndRefusesIfItWasCommitted() throws Exception {
        write(5, 5);
        Path segment = dir.resolve("segment-000001.log");
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length - 3] ^= 0x5A; // flip bits in the last record's payload: its CRC no longer matches
        Files.write(segment, bytes);
        assertThatThrownBy(() -> ObservationJournal.open(dir, 5)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("holds 4 observations but 5 were committed");
        assertThat(Files.readAllBytes(segment)).as("evidence is left as it was").isEqualTo(bytes);
    }
}
