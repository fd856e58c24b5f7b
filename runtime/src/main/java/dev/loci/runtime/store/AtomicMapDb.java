package dev.loci.runtime.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.mapdb.CC;
import org.mapdb.DB;
import org.mapdb.StoreWAL;
import org.mapdb.volume.ByteArrayVol;
import org.mapdb.volume.MappedFileVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * Opens a transactional MapDB file whose commits are atomic under kill -9 (see {@link RedoLoggedVolume}): the
 * same store DBMaker builds for {@code transactionEnable().fileMmapEnableIfSupported().allocateIncrement(n)},
 * except that the main file is wrapped. DBMaker offers no hook for a file store's volume, hence the direct
 * {@link StoreWAL#make} call with DBMaker's defaults spelled out.
 */
final class AtomicMapDb {
    private AtomicMapDb() {
    }

    static Path redoLogOf(Path dbFile) {
        return dbFile.resolveSibling(dbFile.getFileName() + ".redo");
    }

    /** Finishes an interrupted commit if there is one, then opens (or creates) {@code dbFile}. */
    static DB open(Path dbFile, long allocateIncrement) throws IOException {
        if (!Files.exists(dbFile)) {
            createWhole(dbFile, allocateIncrement);
        }
        return openExisting(dbFile, allocateIncrement);
    }

    /**
     * MapDB grows a new file before it writes the header, and a file without a header never opens again: so
     * a new store is made under a temporary name and moved into place only once its header is synced.
     */
    private static void createWhole(Path dbFile, long allocateIncrement) throws IOException {
        Path fresh = dbFile.resolveSibling(dbFile.getFileName() + ".new");
        Files.deleteIfExists(fresh); // left by a kill during an earlier first open: it never held data
        Files.deleteIfExists(redoLogOf(fresh));
        openExisting(fresh, allocateIncrement).close();
        Files.move(fresh, dbFile, StandardCopyOption.ATOMIC_MOVE);
        try (FileChannel directory = FileChannel.open(dbFile.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            directory.force(true); // make the rename durable
        }
    }

    private static DB openExisting(Path dbFile, long allocateIncrement) throws IOException {
        Path redoLog = redoLogOf(dbFile);
        RedoLoggedVolume.recover(dbFile, redoLog);
        // What fileMmapEnableIfSupported() picks on a 64-bit JVM, the only kind Loci runs on.
        VolumeFactory plain = new MappedFileVol.MappedFileFactory(false, false);
        String mainFile = dbFile.toFile().getPath();
        VolumeFactory atomicMain = new VolumeFactory() {
            @Override
            public Volume makeVolume(String file, boolean readOnly, long fileLockWait, int sliceShift,
                                     long initSize, boolean fixedSize) {
                if (mainFile.equals(file)) {
                    return new RedoLoggedVolume(plain.makeVolume(file, readOnly, fileLockWait, sliceShift, initSize,
                            fixedSize), redoLog);
                }
                // MapDB's own WAL: it holds a transaction until commit copies it into the main file, and MapDB
                // never replays it on open (the redo log is what makes a commit atomic and durable). On disk it
                // cost a new zero-filled file, an msync and a truncate per commit, about half of the writer's
                // time when recording events; in memory it costs none of them.
                return new ByteArrayVol(sliceShift, 0L);
            }

            @Override
            public boolean exists(String file) {
                return plain.exists(file);
            }

            @Override
            public boolean handlesReadonly() {
                return plain.handlesReadonly();
            }
        };
        boolean existed = atomicMain.exists(mainFile);
        StoreWAL store = StoreWAL.make(mainFile, atomicMain, 0L, true, CC.STORE_DIRECT_CONC_SHIFT,
                allocateIncrement, 0L, false, false, false, true, false);
        return new DB(store, existed, true, Thread.currentThread().getContextClassLoader(), 0);
    }
}
