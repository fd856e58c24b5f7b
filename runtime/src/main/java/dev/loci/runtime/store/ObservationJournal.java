package dev.loci.runtime.store;

import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.runtime.store.codec.ObservationCodec;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.observation.ObservationStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Raw observations in append-only, checksummed segment files under {@code observations/}.
 *
 * <p>Observations are the high-volume stream and never change, so they are journalled, not inserted into a
 * B-tree: appending to a file and one fsync per group commit measured ~100x cheaper than MapDB's transactional
 * commit here. Record: magic "LOOB", payload length, CRC-32 of the payload, id, payload (ObservationCodec).
 *
 * <p>Recovery: the journal is synced before every MapDB commit, and MapDB records how many observations that
 * commit covers. On open the journal is cut back to that count: a torn tail or records whose MapDB commit never
 * happened were never acknowledged. A journal shorter than the count means committed data was lost, and open
 * fails loudly instead of serving a memory with holes. Appends come from the store's writer thread only.
 */
public final class ObservationJournal implements ObservationStore, AutoCloseable {
    private static final int MAGIC = 0x4C4F4F42;
    private static final int HEADER = 4 + 4 + 4 + 8;
    private static final int MAX_RECORD = 1 << 20;
    static final long SEGMENT_BYTES = 256L << 20;
    private static final int SEGMENT_BITS = 40;

    private final Path directory;
    private final ObservationCodec codec = new ObservationCodec();
    private final List<Segment> segments = new ArrayList<>();
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream(512);
    /**
     * Records appended since the last write to the file: one write syscall per group of records instead of
     * one per record. Guarded by {@code this}, since readers may ask for an observation still in it.
     */
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 20);
    /** File offset, in the current segment, where the pending bytes will go. */
    private long pendingOffset;
    private final DataOutputStream scratchOut = new DataOutputStream(scratch);
    /** (segment index << 40) | offset of each record, by id; sparse before the release mark. */
    private final RecordLocations locations = new RecordLocations();
    /** Ids before this keep only sparse locations (observations retired from the in-memory index). */
    private long releasedBefore = 1;
    private volatile long size;
    /** Observations known to be on disk: {@link #sync()} has nothing to force while {@code size} equals it. */
    private long syncedSize = -1;

    private record Segment(int number, Path path, FileChannel channel) {
    }

    private final long segmentBytes;

    private ObservationJournal(Path directory, long segmentBytes) {
        this.directory = directory;
        this.segmentBytes = segmentBytes;
    }

    /** Opens the journal in {@code directory}, keeping exactly the first {@code committed} observations. */
    public static ObservationJournal open(Path directory, long committed) throws IOException {
        return open(directory, committed, 0);
    }

    /**
     * As {@link #open(Path, long)}, keeping only sparse locations for the observations up to
     * {@code retiredThrough} (see {@link #releaseLocationsThrough}).
     */
    public static ObservationJournal open(Path directory, long committed, long retiredThrough) throws IOException {
        return open(directory, committed, retiredThrough, SEGMENT_BYTES);
    }

    /** With segments of {@code segmentBytes}: small ones let tests cross many segment boundaries. */
    static ObservationJournal open(Path directory, long committed, long retiredThrough, long segmentBytes)
            throws IOException {
        Files.createDirectories(directory);
        ObservationJournal journal = new ObservationJournal(directory, segmentBytes);
        journal.releasedBefore = Math.max(1, retiredThrough + 1);
        try {
            journal.recover(committed);
            journal.locations.releaseBefore(journal.releasedBefore);
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    @Override
    public long append(Observation observation) {
        try {
            scratch.reset();
            codec.write(scratchOut, observation);
            int length = scratch.size();
            byte[] payload = scratch.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(payload, 0, length);
            long id = size + 1;
            synchronized (this) {
                if (pending.remaining() < HEADER + length) {
                    writePending();
                }
                Segment segment = current();
                long offset = pendingOffset + pending.position();
                if (offset + HEADER + length > segmentBytes && offset > 0) {
                    writePending();
                    segment.channel.force(false);
                    openSegment(segment.number + 1);
                    pendingOffset = 0;
                    offset = 0;
                }
                if (HEADER + length > pending.capacity()) {
                    throw new IllegalStateException("observation " + id + " encodes to " + length + " bytes");
                }
                pending.putInt(MAGIC).putInt(length).putInt((int) crc.getValue()).putLong(id).put(payload, 0, length);
                remember(id, segments.size() - 1, offset);
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the observation journal in " + directory, e);
        }
    }

    /** Writes the pending records to the current segment file. Caller holds {@code this}. */
    private void writePending() throws IOException {
        pending.flip();
        FileChannel channel = current().channel;
        try {
            while (pending.hasRemaining()) {
                channel.write(pending, pendingOffset + pending.position());
            }
        } catch (IOException e) {
            // A full disk: keep what was not written at the front of the buffer, so a retry continues at the
            // right offset instead of flipping a half-written buffer.
            int written = pending.position();
            pending.compact();
            pendingOffset += written;
            throw e;
        }
        pendingOffset += pending.limit();
        pending.clear();
    }

    @Override
    public Optional<Observation> get(long id) {
        if (id < 1 || id > size) {
            return Optional.empty();
        }
        Segment segment = null;
        try {
            long location = locationOf(id);
            segment = segments.get(segmentOf(location));
            long offset = offsetOf(location);
            synchronized (this) {
                if (segment == current() && offset >= pendingOffset) {
                    int at = (int) (offset - pendingOffset);
                    int length = pending.getInt(at + 4);
                    byte[] payload = new byte[length];
                    pending.get(at + HEADER, payload);
                    return Optional.of(codec.read(new DataInputStream(new ByteArrayInputStream(payload))));
                }
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            readFully(segment.channel, header, offset);
            header.flip();
            header.getInt();
            int length = header.getInt();
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(segment.channel, payload, offset + HEADER);
            return Optional.of(codec.read(new DataInputStream(new ByteArrayInputStream(payload.array()))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read observation " + id + " from "
                    + (segment == null ? directory : segment.path), e);
        }
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void forEach(Visitor visitor) {
        walk(1, (in, id) -> visitor.visit(id, codec.read(in)));
    }

    @Override
    public void forEachPlacement(long from, PlacementVisitor visitor) {
        walk(from, (in, id) -> codec.readPlacement(in, id, visitor));
    }

    /** Decodes one record's payload, positioned at its start and limited to its end. */
    @FunctionalInterface
    private interface RecordReader {
        void read(BufferInput payload, long id) throws IOException;
    }

    /** Reads the records from id {@code from} on, in id order, memory-mapping one segment at a time. */
    private void walk(long from, RecordReader reader) {
        try {
            synchronized (this) {
                writePending();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the observation journal in " + directory, e);
        }
        long count = size;
        long id = Math.max(1, from);
        if (id > count) {
            return;
        }
        long location;
        try {
            location = locationOf(id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the observation journal in " + directory, e);
        }
        int index = segmentOf(location);
        long offset = offsetOf(location);
        while (id <= count) {
            // A read-only channel of its own: closing it must not close the channel the journal writes to.
            try (FileChannel channel = FileChannel.open(segments.get(index).path, StandardOpenOption.READ)) {
                long end = channel.size();
                ByteBuffer records = channel.map(FileChannel.MapMode.READ_ONLY, 0, end);
                BufferInput in = new BufferInput(records);
                records.position((int) offset);
                while (id <= count && records.position() < end) {
                    records.position(records.position() + 4);
                    int length = records.getInt();
                    records.position(records.position() + 12);
                    int recordEnd = records.position() + length;
                    records.limit(recordEnd);
                    reader.read(in, id);
                    records.limit(records.capacity()).position(recordEnd);
                    id++;
                }
            } catch (IOException | java.nio.BufferUnderflowException | IllegalArgumentException e) {
                throw new UncheckedIOException("cannot read the observation journal in " + directory,
                        e instanceof IOException io ? io : new IOException(e));
            }
            index++;
            offset = 0;
        }
    }

    /**
     * Keeps only sparse locations for the observations up to {@code retiredThrough}: they have left the
     * in-memory index and are read back one at a time, by walking at most {@link RecordLocations#STRIDE}
     * record headers. Called on the writer thread when observations are retired.
     */
    void releaseLocationsThrough(long retiredThrough) {
        releasedBefore = Math.max(releasedBefore, retiredThrough + 1);
        locations.releaseBefore(releasedBefore);
    }

    /** Longs held by the location index (grows with observations not retired, not with all ever made). */
    long locationEntries() {
        return locations.heldEntries();
    }

    private long locationOf(long id) throws IOException {
        long exact = locations.exact(id);
        if (exact >= 0) {
            return exact;
        }
        long location = locations.anchor(id);
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        long segmentEnd = -1;
        int segmentIndex = -1;
        for (long at = RecordLocations.anchorId(id); at < id; at++) {
            if (segmentOf(location) != segmentIndex) {
                segmentIndex = segmentOf(location);
                segmentEnd = segments.get(segmentIndex).channel.size();
            }
            header.clear();
            readFully(segments.get(segmentIndex).channel, header, offsetOf(location));
            long next = offsetOf(location) + HEADER + header.getInt(4);
            location = next < segmentEnd ? location(segmentIndex, next) : location(segmentIndex + 1, 0);
        }
        return location;
    }

    private static long location(int segmentIndex, long offset) {
        return ((long) segmentIndex << SEGMENT_BITS) | offset;
    }

    private static int segmentOf(long location) {
        return (int) (location >>> SEGMENT_BITS);
    }

    private static long offsetOf(long location) {
        return location & ((1L << SEGMENT_BITS) - 1);
    }

    /** Forces appended observations to disk; called before every MapDB commit. */
    synchronized void sync() throws IOException {
        if (size == syncedSize) {
            return; // nothing appended since the last sync: most commits while events are recorded
        }
        long appended = size;
        writePending();
        current().channel.force(false);
        syncedSize = appended;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!segments.isEmpty() && pending.position() > 0) {
            writePending(); // not forced: only a commit's sync makes records durable
        }
        for (Segment segment : segments) {
            segment.channel.close();
        }
    }

    private void recover(long committed) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().matches("segment-\\d{6}\\.log")).sorted().toList();
        }
        boolean torn = false;
        List<Path> beyond = new ArrayList<>();
        long cutAt = -1;
        for (Path file : files) {
            int number = Integer.parseInt(file.getFileName().toString().substring(8, 14));
            if (torn || size >= committed) {
                beyond.add(file);
                continue;
            }
            Segment segment = new Segment(number, file,
                    FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
            segments.add(segment);
            cutAt = scan(segment, committed);
            torn = cutAt < segment.channel.size();
        }
        if (size < committed) {
            // Nothing is cut or deleted: the files stay as they are for whoever investigates.
            throw new CorruptRecordException("the observation journal in " + directory + " holds " + size
                    + " observations but " + committed + " were committed: refusing to open a memory with holes");
        }
        // What lies beyond the committed count was never acknowledged: a torn tail or an unfinished commit.
        if (!segments.isEmpty()) {
            current().channel.truncate(cutAt);
            current().channel.force(false);
        }
        for (Path file : beyond) {
            Files.delete(file);
        }
        if (segments.isEmpty()) {
            openSegment(1);
        }
        pendingOffset = current().channel.size();
    }

    /** Indexes the segment's records up to {@code committed}; returns the offset after the last good one. */
    private long scan(Segment segment, long committed) throws IOException {
        long offset = 0;
        // Mapped and checked in place: a buffered stream with a payload copy per record was a tenth of a reopen.
        try (FileChannel channel = FileChannel.open(segment.path, StandardOpenOption.READ)) {
            long end = channel.size();
            ByteBuffer records = channel.map(FileChannel.MapMode.READ_ONLY, 0, end);
            CRC32 check = new CRC32();
            while (offset < end && size < committed) {
                if (end - offset < HEADER) {
                    break; // the last record was being written when the process died
                }
                records.limit(records.capacity()).position((int) offset);
                int magic = records.getInt();
                int length = records.getInt();
                int crc = records.getInt();
                long id = records.getLong();
                if (magic != MAGIC || length < 0 || length > MAX_RECORD || id != size + 1
                        || offset + HEADER + length > end) {
                    break;
                }
                records.limit((int) (offset + HEADER + length));
                check.reset();
                check.update(records);
                if ((int) check.getValue() != crc) {
                    break;
                }
                remember(id, segments.size() - 1, offset);
                offset += HEADER + length;
            }
        }
        return offset;
    }

    private void remember(long id, int segmentIndex, long offset) {
        locations.remember(id, location(segmentIndex, offset));
        size = id;
        if (id % (16L * RecordLocations.STRIDE) == 0 && id < releasedBefore) {
            locations.releaseBefore(releasedBefore); // while recovering: never hold every retired location at once
        }
    }

    private Segment current() {
        return segments.get(segments.size() - 1);
    }

    private Segment openSegment(int number) throws IOException {
        Path path = directory.resolve(String.format("segment-%06d.log", number));
        Segment segment = new Segment(number, path, FileChannel.open(path, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
        segments.add(segment);
        return segment;
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException("record cut short at byte " + position);
            }
        }
    }
}
