package dev.loci.runtime.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.volume.MappedFileVol;
import org.mapdb.volume.Volume;

class RedoLoggedVolumeTest {
    @TempDir
    Path dir;

    private Volume mapped(Path file) {
        Volume volume = new MappedFileVol.MappedFileFactory(false, false).makeVolume(file.toString(), false, 0L,
                20, 0L, false);
        volume.ensureAvailable(1 << 20);
        return volume;
    }

    @Test
    void writesReachTheFileOnlyWhenMapDbSyncsAndAreReadableBefore() throws IOException {
        Path file = dir.resolve("memory.db");
        Path redo = dir.resolve("memory.db.redo");
        try (RedoLoggedVolume volume = new RedoLoggedVolume(mapped(file), redo)) {
            volume.putLong(4096, 0x1122334455667788L);
            volume.putData(8000, new byte[] {7, 8, 9}, 0, 3);

            assertThat(volume.getLong(4096)).isEqualTo(0x1122334455667788L);
            byte[] straddling = new byte[5];
            volume.getData(7999, straddling, 0, 5);
            assertThat(straddling).containsExactly(0, 7, 8, 9, 0);
            assertThat(longInFile(file, 4096)).as("held back until sync").isZero();

            volume.sync();

            assertThat(longInFile(file, 4096)).isEqualTo(0x1122334455667788L);
            assertThat(Files.size(redo)).as("log emptied once the file is synced").isZero();
        }
        assertThat(redo).doesNotExist();
    }

    @Test
    void recoveryAppliesACompleteLogAndDropsATornOne() throws IOException {
        Path file = dir.resolve("memory.db");
        Files.write(file, new byte[8192]);
        Path redo = dir.resolve("memory.db.redo");
        byte[] log = redoLog(100, new byte[] {1, 2, 3, 4});

        Files.write(redo, Arrays.copyOf(log, log.length - 1));
        assertThat(RedoLoggedVolume.recover(file, redo)).as("torn log: its commit never touched the file").isFalse();
        assertThat(Files.readAllBytes(file)).containsOnly(0);
        assertThat(redo).doesNotExist();

        Files.write(redo, log);
        assertThat(RedoLoggedVolume.recover(file, redo)).isTrue();
        assertThat(Arrays.copyOfRange(Files.readAllBytes(file), 99, 105)).containsExactly(0, 1, 2, 3, 4, 0);
        assertThat(redo).doesNotExist();
    }

    @Test
    void recoveryRejectsALogWhoseChecksumDoesNotMatch() throws IOException {
        Path file = dir.resolve("memory.db");
        Files.write(file, new byte[8192]);
        Path redo = dir.resolve("memory.db.redo");
        byte[] log = redoLog(100, new byte[] {1, 2, 3, 4});
        log[1 + 8 + 4] ^= 1; // flip a bit of the payload

        Files.write(redo, log);

        assertThat(RedoLoggedVolume.recover(file, redo)).isFalse();
        assertThat(Files.readAllBytes(file)).containsOnly(0);
    }

    /** A one-entry log in the documented format, written independently of the class under test. */
    private static byte[] redoLog(long offset, byte[] bytes) {
        ByteBuffer log = ByteBuffer.allocate(1 + 12 + bytes.length + 12 + 4);
        log.put(RedoLoggedVolume.FORMAT_VERSION).putLong(offset).putInt(bytes.length).put(bytes)
                .putLong(-1L).putInt(0);
        CRC32C crc = new CRC32C();
        crc.update(log.array(), 0, log.position());
        log.putInt((int) crc.getValue());
        return log.array();
    }

    private static long longInFile(Path file, long offset) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file), (int) offset, 8).getLong();
    }

    @Test
    void aNewStoreReplacesWhatAKilledFirstOpenLeftAndHasItsHeader() throws IOException {
        Path file = dir.resolve("memory.db");
        Files.write(dir.resolve("memory.db.new"), new byte[4096]); // a first open killed before its header

        AtomicMapDb.open(file, 1L << 20).close();

        assertThat(dir.resolve("memory.db.new")).doesNotExist();
        assertThat(longInFile(file, 0)).as("MapDB file header").isNotZero();
        AtomicMapDb.open(file, 1L << 20).close();
    }
}
