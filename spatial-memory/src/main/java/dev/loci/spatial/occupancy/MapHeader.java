package dev.loci.spatial.occupancy;

import java.nio.ByteBuffer;

/**
 * Stored at {@link ChunkKeys#HEADER}: {@code [format version][resolution, 8 bytes][chunk shift][log-odds step,
 * 8 bytes][latest scan time nanos, 8 bytes]}. Resolution, chunk size and step fix how every chunk must be
 * read, so reopening with a different resolution is refused rather than silently misread.
 */
record MapHeader(double resolution, int chunkShift, double logOddsStep, long latestNanos) {
    static final byte VERSION = 1;
    private static final int LENGTH = 1 + 8 + 1 + 8 + 8;

    byte[] encode() {
        return ByteBuffer.allocate(LENGTH).put(VERSION).putDouble(resolution).put((byte) chunkShift)
                .putDouble(logOddsStep).putLong(latestNanos).array();
    }

    static MapHeader decode(byte[] stored) {
        if (stored == null || stored.length != LENGTH) {
            throw new IllegalStateException("stored voxel map header has " + (stored == null ? 0 : stored.length)
                    + " bytes, not " + LENGTH);
        }
        if (stored[0] != VERSION) {
            throw new IllegalStateException("stored voxel map header has unknown format version " + stored[0]);
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        in.get();
        return new MapHeader(in.getDouble(), in.get(), in.getDouble(), in.getLong());
    }
}
