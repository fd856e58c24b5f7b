package dev.loci.runtime.store;

import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.spatial.observation.BlobId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Large binaries (snapshot images) in append-only segment files beside the MapDB file. MapDB's transactional
 * store cannot compact, so big values live here and old data is retired by deleting whole segments.
 *
 * <p>Record: magic "LOCB", format byte, id, length, CRC-32 of the bytes, the bytes. On open every segment is
 * scanned to rebuild the index; a torn record at the end of the newest segment (a crash mid-append) is cut off.
 * {@link #sync()} runs before every MapDB commit, so a committed reference never points at a lost blob.
 */
public final class BlobStore implements AutoCloseable {
    private static final int MAGIC = 0x4C4F4342;
    private static final int FORMAT = 1;
    private static final int HEADER = 4 + 1 + 8 + 4 + 4;
    public static final int MAX_BLOB_BYTES = 64 << 20;
    private static final long SEGMENT_BYTES = 256L << 20;

    /** Whether blobs were appended since the last {@link #sync()}. */
    private boolean unsynced;
    private final Path directory;
    private final Map<Long, Location> index = new HashMap<>();
    private final List<Segment> segments = new ArrayList<>();
    private long nextId = 1;

    private record Location(Segment segment, long offset, int length) {
    }

    private record Segment(int number, Path path, FileChannel channel) {
    }

    public BlobStore(Path directory) throws IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().matches("segment-\\d{6}\\.blob")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            int number = Integer.parseInt(file.getFileName().toString().substring(8, 14));
            Segment segment = new Segment(number, file,
                    FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
            segments.add(segment);
            scan(segment, i == files.size() - 1);
        }
        if (segments.isEmpty()) {
            openSegment(1);
        }
    }

    /** Appends {@code bytes} and returns its id; durable after the next {@link #sync()}. */
    public synchronized BlobId put(byte[] bytes) {
        if (bytes == null || bytes.length > MAX_BLOB_BYTES) {
            throw new dev.loci.spatial.validation.InvalidValueException("blob",
                    bytes == null ? null : bytes.length + " bytes", "must be present and at most " + MAX_BLOB_BYTES
                            + " bytes");
        }
        unsynced = true;
        try {
            Segment segment = current();
            if (segment.channel.size() + HEADER + bytes.length > SEGMENT_BYTES && segment.channel.size() > 0) {
                segment = openSegment(segment.number + 1);
            }
            long id = nextId;
            CRC32 crc = new CRC32();
            crc.update(bytes);
            ByteBuffer record = ByteBuffer.allocate(HEADER + bytes.length);
            record.putInt(MAGIC).put((byte) FORMAT).putLong(id).putInt(bytes.length).putInt((int) crc.getValue())
                    .put(bytes).flip();
            long offset = segment.channel.size();
            try {
                while (record.hasRemaining()) {
                    segment.channel.write(record, offset + record.position());
                }
            } catch (IOException e) {
                // A full disk: cut the torn record off, or the next blob would land behind it and a reopen's
                // scan would stop at the tear, dropping acknowledged blobs after it.
                segment.channel.truncate(offset);
                throw e;
            }
            nextId++;
            index.put(id, new Location(segment, offset + HEADER, bytes.length));
            return new BlobId(id);
        } catch (IOException e) {
            throw DiskFullException.causedByFullDisk(e)
                    ? new DiskFullException("disk full: cannot append a blob to " + directory + "; nothing kept", e)
                    : new UncheckedIOException("cannot append blob to " + directory, e);
        }
    }

    public synchronized Optional<byte[]> get(BlobId id) {
        Location location = index.get(id.value());
        if (location == null) {
            return Optional.empty();
        }
        try {
            ByteBuffer buffer = ByteBuffer.allocate(location.length);
            while (buffer.hasRemaining()) {
                if (location.segment.channel.read(buffer, location.offset + buffer.position()) < 0) {
                    throw new CorruptRecordException("blob " + id.value() + " is cut short in "
                            + location.segment.path);
                }
            }
            return Optional.of(buffer.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + id.value(), e);
        }
    }

    public synchronized int size() {
        return index.size();
    }

    /** Forces appended blobs to disk; a no-op when none was appended since the last sync (most commits). */
    public synchronized void sync() throws IOException {
        if (!unsynced) {
            return;
        }
        current().channel.force(false);
        unsynced = false;
    }

    @Override
    public synchronized void close() throws IOException {
        for (Segment segment : segments) {
            segment.channel.close();
        }
    }

    private Segment current() {
        return segments.get(segments.size() - 1);
    }

    private Segment openSegment(int number) throws IOException {
        if (!segments.isEmpty()) {
            current().channel.force(false);
        }
        Path path = directory.resolve(String.format("segment-%06d.blob", number));
        Segment segment = new Segment(number, path, FileChannel.open(path, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
        segments.add(segment);
        return segment;
    }

    private void scan(Segment segment, boolean newest) throws IOException {
        long size = segment.channel.size();
        long offset = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (offset < size) {
            header.clear();
            int read = segment.channel.read(header, offset);
            header.flip();
            boolean complete = read == HEADER && header.getInt() == MAGIC && header.get() == FORMAT;
            long id = complete ? header.getLong() : -1;
            int length = complete ? header.getInt() : -1;
            int crc = complete ? header.getInt() : 0;
            // Ids are handed out in increasing order from 1, so a record that does not continue that order is
            // damage, not a blob: taking it would let a later put reuse an id (or overflow past Long.MAX_VALUE).
            complete = complete && id >= nextId && id < Long.MAX_VALUE && length >= 0 && length <= MAX_BLOB_BYTES
                    && offset + HEADER + length <= size && crcMatches(segment, offset + HEADER, length, crc);
            if (!complete) {
                if (!newest) {
                    throw new CorruptRecordException("blob segment " + segment.path + " is damaged at byte " + offset);
                }
                // The tail of the newest segment was being written when the process died: it was never synced
                // before a commit, so no committed reference can point into it.
                segment.channel.truncate(offset);
                return;
            }
            index.put(id, new Location(segment, offset + HEADER, length));
            nextId = Math.max(nextId, id + 1);
            offset += HEADER + length;
        }
    }

    private static boolean crcMatches(Segment segment, long offset, int length, int expected) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(length);
        while (data.hasRemaining()) {
            if (segment.channel.read(data, offset + data.position()) < 0) {
                return false;
            }
        }
        CRC32 crc = new CRC32();
        crc.update(data.flip());
        return (int) crc.getValue() == expected;
    }
}
