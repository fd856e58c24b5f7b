package dev.loci.runtime.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses writes while the store's file system has less than a reserve free, before anything is changed, so a
 * full disk gives a clear, counted refusal instead of a commit that fails half way (which would leave the store
 * read-only until reopened). The reserve must cover what one commit can need: MapDB grows {@code memory.db} in
 * 32 MB steps, plus its WAL, the redo log, the journal and blob appends of one group commit.
 * The free space is re-read at most every {@link #RECHECK_NANOS} (a statfs call per write would cost).
 */
public final class DiskSpaceGuard {
    static final long RECHECK_NANOS = 5_000_000L;

    private final Path directory;
    private final FileStore fileStore;
    private final long reserveBytes;
    private volatile long checkedAtNanos;
    private volatile long usableBytes = Long.MAX_VALUE;

    public DiskSpaceGuard(Path directory, long reserveBytes) {
        this.directory = directory;
        this.reserveBytes = reserveBytes;
        try {
            this.fileStore = Files.getFileStore(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the file system of " + directory, e);
        }
        this.checkedAtNanos = System.nanoTime() - RECHECK_NANOS;
    }

    /** Throws {@link DiskFullException} naming the free space and the reserve if {@code what} may not be written. */
    public void check(String what) {
        if (reserveBytes <= 0) {
            return;
        }
        long now = System.nanoTime();
        if (now - checkedAtNanos >= RECHECK_NANOS) {
            try {
                usableBytes = fileStore.getUsableSpace();
            } catch (IOException e) {
                usableBytes = 0; // unknown: refuse rather than risk a failed commit
            }
            checkedAtNanos = now;
        }
        if (usableBytes < reserveBytes) {
            throw new DiskFullException("disk full: " + usableBytes + " bytes free on the file system of "
                    + directory + ", below the reserve of " + reserveBytes + " bytes that a commit may need; "
                    + what + " was refused, nothing changed; writes resume once space is freed");
        }
    }

    public long reserveBytes() {
        return reserveBytes;
    }
}
