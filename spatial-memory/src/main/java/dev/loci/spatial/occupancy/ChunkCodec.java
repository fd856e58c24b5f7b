package dev.loci.spatial.occupancy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Stored form of one chunk: {@code [format version][decayedAt nanos, 8 bytes][encoding][body]}. Most chunks
 * are long runs of unknown or of one free value, so the body is run-length encoded ({@code value, run as
 * unsigned LEB128} pairs) unless the raw 4096 bytes are smaller.
 */
final class ChunkCodec {
    static final byte VERSION = 1;
    private static final byte RAW = 0;
    private static final byte RUNS = 1;
    private static final int PREFIX = 1 + 8 + 1;

    private ChunkCodec() {
    }

    static byte[] encode(Chunk chunk) {
        byte[] voxels = chunk.voxels;
        ByteArrayOutputStream runs = new ByteArrayOutputStream(64);
        int i = 0;
        while (i < voxels.length && runs.size() < voxels.length) {
            byte value = voxels[i];
            int run = 1;
            while (i + run < voxels.length && voxels[i + run] == value) {
                run++;
            }
            runs.write(value);
            writeUnsigned(runs, run);
            i += run;
        }
        boolean useRuns = i == voxels.length && runs.size() < voxels.length;
        int bodyLength = useRuns ? runs.size() : voxels.length;
        ByteBuffer out = ByteBuffer.allocate(PREFIX + bodyLength);
        out.put(VERSION).putLong(chunk.decayedAtNanos).put(useRuns ? RUNS : RAW);
        out.put(useRuns ? runs.toByteArray() : voxels);
        return out.array();
    }

    /** Fills {@code chunk} from its stored form; a malformed value is reported with the chunk's key. */
    static void decode(byte[] stored, Chunk chunk) {
        if (stored == null || stored.length < PREFIX) {
            throw corrupt(chunk, "is shorter than its " + PREFIX + "-byte prefix");
        }
        if (stored[0] != VERSION) {
            throw corrupt(chunk, "has unknown format version " + stored[0]);
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        in.get();
        long decayedAt = in.getLong();
        byte encoding = in.get();
        byte[] voxels = new byte[Chunk.VOXELS];
        if (encoding == RAW) {
            if (in.remaining() != Chunk.VOXELS) {
                throw corrupt(chunk, "has " + in.remaining() + " raw bytes, not " + Chunk.VOXELS);
            }
            in.get(voxels);
        } else if (encoding == RUNS) {
            int filled = 0;
            while (in.hasRemaining()) {
                byte value = in.get();
                int run = readUnsigned(in, chunk);
                if (run <= 0 || run > Chunk.VOXELS - filled) {
                    throw corrupt(chunk, "has a run of " + run + " at voxel " + filled);
                }
                java.util.Arrays.fill(voxels, filled, filled + run, value);
                filled += run;
            }
            if (filled != Chunk.VOXELS) {
                throw corrupt(chunk, "runs cover " + filled + " voxels, not " + Chunk.VOXELS);
            }
        } else {
            throw corrupt(chunk, "has unknown encoding " + encoding);
        }
        chunk.voxels = voxels;
        chunk.decayedAtNanos = decayedAt;
    }

    private static void writeUnsigned(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7F) != 0) {
            out.write((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }

    private static int readUnsigned(ByteBuffer in, Chunk chunk) {
        int value = 0;
        for (int shift = 0; shift < 21; shift += 7) {
            if (!in.hasRemaining()) {
                throw corrupt(chunk, "ends inside a run length");
            }
            byte b = in.get();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw corrupt(chunk, "has a run length longer than 3 bytes");
    }

    private static IllegalStateException corrupt(Chunk chunk, String problem) {
        return new IllegalStateException("stored voxel chunk (" + chunk.cx + ", " + chunk.cy + ", " + chunk.cz
                + ") key " + chunk.key + " " + problem);
    }
}
