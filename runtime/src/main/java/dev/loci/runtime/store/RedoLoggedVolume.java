package dev.loci.runtime.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.mapdb.DataInput2;
import org.mapdb.volume.Volume;

/**
 * The main MapDB file, made crash-atomic. MapDB 3.1.0's {@code StoreWAL.commit()} syncs its WAL and then copies
 * the transaction into the main file in place (header, index table, then records) with no replay of that WAL on
 * open: a kill inside the copy leaves index entries pointing at records never written, and the store does not
 * open. This volume holds every write back until MapDB calls {@link #sync()} (which it does exactly once, at the
 * end of each commit's copy), then writes them to a redo log, fsyncs it, applies them to the file and syncs the
 * file. {@link #recover} replays a complete redo log before the store is opened; an incomplete one belongs to a
 * commit that never touched the file and is dropped.
 *
 * <p>Threads: writes and {@link #sync()} come only from {@code StoreWAL.commit()} (and store creation), which
 * holds all of MapDB's segment write locks; every read runs under a segment read lock. MapDB's locks therefore
 * already order reads against held writes, and reads take no monitor here (one would serialize all queries).
 *
 * <p>Redo log format: version byte, then entries {@code (long offset, int length, bytes)}, then an end marker
 * {@code (long -1, int 0)} and the CRC32C of everything before it. Replaying is idempotent.
 */
final class RedoLoggedVolume extends Volume {
    static final byte FORMAT_VERSION = 1;
    private static final long END_MARKER = -1L;

    private record PendingWrite(long offset, byte[] bytes) {
    }

    private final Volume file;
    private final Path redoLog;
    private final FileChannel redo;
    /** The main file's own channel, to sync it in one call (see {@link #syncFile()}). */
    private final FileChannel data;
    private final List<PendingWrite> pending = new ArrayList<>();
    private long pendingBytes;

    RedoLoggedVolume(Volume file, Path redoLog) {
        this.file = file;
        this.redoLog = redoLog;
        try {
            this.redo = FileChannel.open(redoLog, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            this.data = FileChannel.open(file.getFile().toPath(), StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open redo log " + redoLog, e);
        }
    }

    /**
     * Completes a commit that a crash interrupted while it was being copied into {@code dbFile}: applies
     * {@code redoLog} if it is complete, then removes it. Returns whether anything was replayed.
     */
    static boolean recover(Path dbFile, Path redoLog) throws IOException {
        if (!Files.exists(redoLog)) {
            return false;
        }
        ByteBuffer log = ByteBuffer.wrap(Files.readAllBytes(redoLog));
        List<PendingWrite> writes = parse(log);
        if (writes != null && !writes.isEmpty()) {
            try (FileChannel db = FileChannel.open(dbFile, StandardOpenOption.WRITE)) {
                for (PendingWrite write : writes) {
                    ByteBuffer bytes = ByteBuffer.wrap(write.bytes());
                    long position = write.offset();
                    while (bytes.hasRemaining()) {
                        position += db.write(bytes, position);
                    }
                }
                db.force(true);
            }
        }
        Files.delete(redoLog);
        return writes != null && !writes.isEmpty();
    }

    /** The writes of a complete log, or null if it is torn (its commit never reached the file). */
    private static List<PendingWrite> parse(ByteBuffer log) {
        if (log.remaining() < 1 || log.get() != FORMAT_VERSION) {
            return null;
        }
        List<PendingWrite> writes = new ArrayList<>();
        while (log.remaining() >= 12) {
            long offset = log.getLong();
            int length = log.getInt();
            if (offset == END_MARKER) {
                int end = log.position();
                if (log.remaining() != 4) {
                    return null;
                }
                CRC32C crc = new CRC32C();
                crc.update(log.array(), 0, end);
                return (int) crc.getValue() == log.getInt() ? writes : null;
            }
            if (offset < 0 || length < 0 || length > log.remaining()) {
                return null;
            }
            byte[] bytes = new byte[length];
            log.get(bytes);
            writes.add(new PendingWrite(offset, bytes));
        }
        return null;
    }

    private void hold(long offset, byte[] bytes) {
        pending.add(new PendingWrite(offset, bytes));
        pendingBytes += bytes.length;
    }

    /** Patches {@code bytes} (read from the file at {@code offset}) with writes not yet synced, oldest first. */
    private void overlay(long offset, byte[] bytes, int bytesPos, int size) {
        for (PendingWrite write : pending) {
            long from = Math.max(offset, write.offset());
            long to = Math.min(offset + size, write.offset() + write.bytes().length);
            if (from < to) {
                System.arraycopy(write.bytes(), (int) (from - write.offset()), bytes,
                        bytesPos + (int) (from - offset), (int) (to - from));
            }
        }
    }

    @Override
    public synchronized void sync() {
        if (pending.isEmpty()) {
            syncFile();
            return;
        }
        try {
            writeRedoLog();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write redo log " + redoLog, e);
        }
        for (PendingWrite write : pending) {
            file.putData(write.offset(), write.bytes(), 0, write.bytes().length);
        }
        pending.clear();
        pendingBytes = 0;
        syncFile();
        try {
            // No fsync needed: a stale complete log only repeats writes the file already holds, and the next
            // commit overwrites the log (and fsyncs it) before it touches the file.
            redo.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot truncate redo log " + redoLog, e);
        }
    }

    /**
     * One fdatasync of the main file. MapDB's own {@code sync()} msyncs every 1 MB slice of the mapping, and on
     * Linux each msync is a sync of that range of the file: a 32 MB file cost 32+ syncs per commit, most of them
     * of clean slices. Pages written through the mapping are the file's page cache, so one fdatasync of the file
     * writes them all.
     */
    private void syncFile() {
        try {
            data.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot sync " + file.getFile(), e);
        }
    }

    private void writeRedoLog() throws IOException {
        ByteBuffer log = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 64,
                1 + pendingBytes + 12L * pending.size() + 12 + 4));
        log.put(FORMAT_VERSION);
        for (PendingWrite write : pending) {
            log.putLong(write.offset()).putInt(write.bytes().length).put(write.bytes());
        }
        log.putLong(END_MARKER).putInt(0);
        CRC32C crc = new CRC32C();
        crc.update(log.array(), 0, log.position());
        log.putInt((int) crc.getValue());
        log.flip();
        redo.truncate(0);
        long position = 0;
        while (log.hasRemaining()) {
            position += redo.write(log, position);
        }
        redo.force(false);
    }

    @Override
    public synchronized void putLong(long offset, long value) {
        hold(offset, ByteBuffer.allocate(8).putLong(value).array());
    }

    @Override
    public synchronized void putInt(long offset, int value) {
        hold(offset, ByteBuffer.allocate(4).putInt(value).array());
    }

    @Override
    public synchronized void putByte(long offset, byte value) {
        hold(offset, new byte[] {value});
    }

    @Override
    public synchronized void putData(long offset, byte[] src, int srcPos, int srcSize) {
        byte[] bytes = new byte[srcSize];
        System.arraycopy(src, srcPos, bytes, 0, srcSize);
        hold(offset, bytes);
    }

    @Override
    public synchronized void putData(long offset, ByteBuffer buf) {
        byte[] bytes = new byte[buf.remaining()];
        buf.duplicate().get(bytes);
        hold(offset, bytes);
    }

    @Override
    public synchronized void clear(long startOffset, long endOffset) {
        hold(startOffset, new byte[Math.toIntExact(endOffset - startOffset)]);
    }

    @Override
    public long getLong(long offset) {
        if (pending.isEmpty()) {
            return file.getLong(offset);
        }
        byte[] bytes = new byte[8];
        getData(offset, bytes, 0, 8);
        return ByteBuffer.wrap(bytes).getLong();
    }

    @Override
    public int getInt(long offset) {
        if (pending.isEmpty()) {
            return file.getInt(offset);
        }
        byte[] bytes = new byte[4];
        getData(offset, bytes, 0, 4);
        return ByteBuffer.wrap(bytes).getInt();
    }

    @Override
    public byte getByte(long offset) {
        if (pending.isEmpty()) {
            return file.getByte(offset);
        }
        byte[] bytes = new byte[1];
        getData(offset, bytes, 0, 1);
        return bytes[0];
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        if (pending.isEmpty()) {
            return file.getDataInput(offset, size);
        }
        byte[] bytes = new byte[size];
        getData(offset, bytes, 0, size);
        return new DataInput2.ByteArray(bytes);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        file.getData(offset, bytes, bytesPos, size);
        overlay(offset, bytes, bytesPos, size);
    }

    @Override
    public void ensureAvailable(long offset) {
        file.ensureAvailable(offset); // growing the file changes no byte a reader can reach
    }

    @Override
    public void truncate(long size) {
        throw new UnsupportedOperationException("the transactional store never truncates its file");
    }

    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pending.clear(); // only a commit in progress holds writes; MapDB never closes in the middle of one
        try {
            redo.close();
            data.close();
            Files.deleteIfExists(redoLog);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close redo log " + redoLog, e);
        } finally {
            file.close();
        }
    }

    @Override
    public int sliceSize() {
        return file.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return file.isSliced();
    }

    @Override
    public long length() {
        return file.length();
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return file.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return file.getFileLocked();
    }

    @Override
    public boolean fileLoad() {
        return file.fileLoad();
    }
}
