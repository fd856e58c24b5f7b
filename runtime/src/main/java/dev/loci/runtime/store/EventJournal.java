package dev.loci.runtime.store;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventKeys;
import dev.loci.episodic.event.EventRecords;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.runtime.store.codec.EventCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.zip.CRC32C;

/**
 * The event log's events in one append-only, checksummed file ({@code events.log}): every change is a record,
 * a put (key and event) or a removal (key), and opening replays them in order.
 *
 * <p>Why not a MapDB B-tree: its values sit inline in the leaves, so every append decoded, re-validated and
 * re-encoded the whole leaf it landed in (about 40% of the writer's time when recording events), and every
 * read after open comes from the event log's in-memory copy anyway. Record: magic "LOEV", payload length,
 * CRC-32C of the payload, then the payload: format-version byte, kind (1 put, 2 removal), robotKey, time, id,
 * and for a put the event ({@link EventCodec}, its own version byte first).
 *
 * <p>Recovery as for the observation journal: the file is synced before every MapDB commit, and MapDB records
 * how many of its bytes that commit covers. On open the file is cut back to exactly that many bytes (a torn tail,
 * or records whose commit never happened, were never acknowledged); a shorter file, or a bad record inside the
 * committed bytes, means committed data was lost, and open fails instead of serving a history with holes.
 * Removed events' bytes stay in the file (as in MapDB, whose transactional store never compacts). Appends come
 * from the store's writer thread only.
 */
public final class EventJournal implements EventRecords, AutoCloseable {
    static final int FORMAT = 1;
    private static final int MAGIC = 0x4C4F4556;
    private static final int HEADER = 4 + 4 + 4;
    private static final int MAX_RECORD = 1 << 20;
    private static final byte PUT = 1;
    private static final byte REMOVE = 2;

    private final Path file;
    private final FileChannel channel;
    private final EventCodec codec = new EventCodec();
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream(512);
    private final DataOutputStream payloadOut = new DataOutputStream(payload);
    private final CRC32C crc = new CRC32C();
    /**
     * Records appended since the last write to the file, written in one call when the next record does not fit
     * or at the next sync. Written before a record is added, never after: a put that throws has changed nothing.
     */
    private ByteBuffer pending = ByteBuffer.allocate(1 << 20);
    /** Bytes in the file, pending ones included: what the next commit covers once synced. */
    private long length;
    /** Bytes known to be on disk: {@link #sync()} has nothing to force while {@code length} equals it. */
    private long syncedLength;
    /** What the file holds, until the event log takes it ({@link #load}); kept up to date until then. */
    private ConcurrentSkipListMap<long[], Event> loaded;

    private EventJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating if needed) {@code file}, keeping exactly its first {@code committed} bytes. */
    public static EventJournal open(Path file, long committed) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        EventJournal journal = new EventJournal(file, channel);
        try {
            journal.recover(committed);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return journal;
    }

    @Override
    public void put(long[] key, Event event) {
        try {
            begin(PUT, key);
            codec.write(payloadOut, event);
            append();
            if (loaded != null) {
                loaded.put(key.clone(), event); // written before the log took them (moving a format-1 store's)
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the event journal " + file, e);
        }
    }

    @Override
    public void remove(long[] key) {
        try {
            begin(REMOVE, key);
            append();
            if (loaded != null) {
                loaded.remove(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the event journal " + file, e);
        }
    }

    @Override
    public ConcurrentSkipListMap<long[], Event> load() {
        ConcurrentSkipListMap<long[], Event> events = loaded;
        if (events == null) {
            throw new IllegalStateException("the event journal " + file + " was already loaded");
        }
        loaded = null;
        return events;
    }

    /** Bytes written so far (the committed ones and those since): what a commit records after {@link #sync}. */
    long length() {
        return length;
    }

    /** Forces appended records to disk; called before every MapDB commit. */
    void sync() throws IOException {
        if (length == syncedLength) {
            return; // nothing appended since the last sync
        }
        long appended = length;
        writePending();
        channel.force(false);
        syncedLength = appended;
    }

    @Override
    public void close() throws IOException {
        try {
            writePending(); // not forced: only a commit's sync makes records durable
        } finally {
            channel.close();
        }
    }

    private void begin(byte kind, long[] key) throws IOException {
        payload.reset();
        payloadOut.writeByte(FORMAT);
        payloadOut.writeByte(kind);
        payloadOut.writeLong(key[0]);
        payloadOut.writeLong(key[1]);
        payloadOut.writeLong(key[2]);
    }

    private void append() throws IOException {
        int size = payload.size();
        byte[] bytes = payload.toByteArray();
        crc.reset();
        crc.update(bytes, 0, size);
        if (pending.remaining() < HEADER + size) {
            writePending();
            if (pending.capacity() < HEADER + size) {
                pending = ByteBuffer.allocate(HEADER + size);
            }
        }
        pending.putInt(MAGIC).putInt(size).putInt((int) crc.getValue()).put(bytes, 0, size);
        length += HEADER + size;
    }

    /** Writes the pending records at the end of the file. */
    private void writePending() throws IOException {
        pending.flip();
        long at = length - pending.remaining();
        try {
            while (pending.hasRemaining()) {
                at += channel.write(pending, at);
            }
        } catch (IOException e) {
            // A full disk: keep what was not written at the front of the buffer, so a retry continues at the
            // right offset instead of writing it twice or leaving a hole.
            pending.compact();
            throw e;
        }
        pending.clear();
    }

    private void recover(long committed) throws IOException {
        long size = channel.size();
        if (size < committed) {
            throw new CorruptRecordException("the event journal " + file + " holds " + size + " bytes but "
                    + committed + " were committed: refusing to open a history with holes");
        }
        loaded = new ConcurrentSkipListMap<>(EventKeys.ORDER);
        if (committed > 0) {
            replay(committed);
        }
        if (size > committed) {
            // Never acknowledged: a torn tail, or records whose MapDB commit did not happen.
            channel.truncate(committed);
            channel.force(false);
        }
        length = committed;
        syncedLength = committed;
    }

    private void replay(long committed) throws IOException {
        if (committed > Integer.MAX_VALUE) {
            // One mapping per open keeps this simple; ~10 million events fit. Segments are the way past it.
            throw new IOException("the event journal " + file + " is larger than 2 GB");
        }
        ByteBuffer records = channel.map(FileChannel.MapMode.READ_ONLY, 0, committed);
        BufferInput in = new BufferInput(records);
        CRC32C check = new CRC32C();
        int offset = 0;
        while (offset < committed) {
            if (committed - offset < HEADER) {
                throw corrupt(offset, "a record header is cut short");
            }
            records.limit((int) committed).position(offset);
            int magic = records.getInt();
            int size = records.getInt();
            int expected = records.getInt();
            if (magic != MAGIC || size < 1 + 1 + 24 || size > MAX_RECORD || offset + HEADER + size > committed) {
                throw corrupt(offset, "no valid record header");
            }
            int end = offset + HEADER + size;
            records.limit(end);
            check.reset();
            check.update(records);
            if ((int) check.getValue() != expected) {
                throw corrupt(offset, "checksum mismatch");
            }
            records.position(offset + HEADER);
            int format = records.get();
            if (format != FORMAT) {
                throw corrupt(offset, "record format " + format + " (this Loci reads " + FORMAT + ")");
            }
            byte kind = records.get();
            long[] key = {records.getLong(), records.getLong(), records.getLong()};
            if (kind == PUT) {
                try {
                    loaded.put(key, codec.read(in));
                } catch (EOFException cut) {
                    throw corrupt(offset, "event cut short");
                }
                if (records.position() != end) {
                    throw corrupt(offset, "event does not fill its record");
                }
            } else if (kind == REMOVE && records.position() == end) {
                loaded.remove(key);
            } else {
                throw corrupt(offset, "unknown record kind " + kind);
            }
            offset = end;
        }
    }

    private CorruptRecordException corrupt(long offset, String what) {
        return new CorruptRecordException("the event journal " + file + " is damaged at byte " + offset
                + " of its committed part: " + what);
    }
}
