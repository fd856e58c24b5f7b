package dev.loci.spatial.occupancy;

/**
 * Store keys: a chunk's (cx, cy, cz) packed 21 bits per axis, offset so every chunk key is non-negative and
 * chunks of one z layer are contiguous ({@code cz} in the high bits). Negative keys are reserved for map
 * metadata ({@link #HEADER}).
 */
final class ChunkKeys {
    static final int AXIS_BITS = 21;
    static final int OFFSET = 1 << (AXIS_BITS - 1);
    static final long AXIS_MASK = (1L << AXIS_BITS) - 1;
    static final long HEADER = -1L;

    private ChunkKeys() {
    }

    static long pack(int cx, int cy, int cz) {
        return ((long) (cz + OFFSET) << (2 * AXIS_BITS)) | ((long) (cy + OFFSET) << AXIS_BITS) | (cx + OFFSET);
    }

    static int x(long key) {
        return (int) (key & AXIS_MASK) - OFFSET;
    }

    static int y(long key) {
        return (int) ((key >>> AXIS_BITS) & AXIS_MASK) - OFFSET;
    }

    static int z(long key) {
        return (int) ((key >>> (2 * AXIS_BITS)) & AXIS_MASK) - OFFSET;
    }
}
