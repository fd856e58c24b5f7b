package dev.loci.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventJournalTest {
    private static final RobotId ROBOT = RobotId.of("rover");

    @TempDir
    Path dir;

    private static Event event(int i) {
        return new Event(ROBOT, Timestamp.ofNanos(1_000L * i), EventType.ACTION, "controller", "pick object " + i,
                new TreeMap<>(Map.of("n", Integer.toString(i))), Optional.of(new Vec3(i, -i, 0.5)), List.of(7L, (long) i));
    }

    private static long[] key(int i) {
        return new long[] {ROBOT.key(), 1_000L * i, i};
    }

    @Test
    void replaysPutsReplacementsAndRemovalsInOrderAfterReopen() throws Exception {
        Path file = dir.resolve("events.log");
        long committed;
        try (EventJournal journal = EventJournal.open(file, 0)) {
            assertThat(journal.load()).isEmpty();
            for (int i = 1; i <= 5000; i++) {
                journal.put(key(i), event(i));
            }
            journal.put(key(3), event(33)); // consolidation replaces an event under its key
            journal.remove(key(4)); // forgetting removes one
            journal.remove(key(9999)); // removing what is not there changes nothing
            journal.sync();
            committed = journal.length();
        }
        try (EventJournal journal = EventJournal.open(file, committed)) {
            var events = journal.load();
            assertThat(events).hasSize(4999);
            assertThat(events.get(key(1))).isEqualTo(event(1));
            assertThat(events.get(key(3))).isEqualTo(event(33));
            assertThat(events.containsKey(key(4))).isFalse();
            assertThat(events.get(key(5000))).isEqualTo(event(5000));
            assertThat(events.firstKey()).isEqualTo(key(1));
            assertThatThrownBy(journal::load).isInstanceOf(IllegalStateException.class);
            assertThat(journal.length()).isEqualTo(committed);
        }
    }

    @Test
    void cutsBackWhatNoCommitCoveredAndAppendsAfterIt() throws Exception {
        Path file = dir.resolve("events.log");
        long committed;
        try (EventJournal journal = EventJournal.open(file, 0)) {
            journal.put(key(1), event(1));
            journal.sync();
            committed = journal.length();
            journal.put(key(2), event(2)); // synced but never committed by MapDB
            journal.sync();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(new byte[] {0x4C, 0x4F, 0x45})); // and a torn header after it
        }
        long appended;
        try (EventJournal journal = EventJournal.open(file, committed)) {
            assertThat(Files.size(file)).isEqualTo(committed);
            assertThat(journal.load()).containsOnlyKeys(key(1));
            journal.put(key(3), event(3));
            journal.sync();
            appended = journal.length();
        }
        try (EventJournal journal = EventJournal.open(file, appended)) {
            var events = journal.load();
            assertThat(events.keySet()).containsExactly(key(1), key(3));
            assertThat(events.get(key(3))).isEqualTo(event(3));
        }
    }

    @Test
    void refusesToOpenWhenCommittedBytesAreMissingOrDamaged() throws Exception {
        Path file = dir.resolve("events.log");
        long committed;
        try (EventJournal journal = EventJournal.open(file, 0)) {
            journal.put(key(1), event(1));
            journal.put(key(2), event(2));
            journal.sync();
            committed = journal.length();
        }
        assertThatThrownBy(() -> EventJournal.open(file, committed + 1)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("refusing to open a history with holes");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 3] ^= 0x40; // inside the second event's payload
        Files.write(file, bytes);
        assertThatThrownBy(() -> EventJournal.open(file, committed)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("checksum mismatch");
        assertThat(Files.size(file)).as("a damaged journal is left as it is").isEqualTo(committed);
    }
}
