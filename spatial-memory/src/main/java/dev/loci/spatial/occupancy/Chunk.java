package dev.loci.spatial.occupancy;

import java.util.Arrays;

/**
 * 16 x 16 x 16 voxels of log-odds bytes, indexed {@code (lz * 16 + ly) * 16 + lx} so that one z slice is a
 * contiguous 256-byte run (the 2D projection takes a max over slices). Created only when a beam reaches it;
 * a chunk reopened from the store stays encoded until something reads it.
 */
final class Chunk {
    static final int SHIFT = 4;
    static final int SIZE = 1 << SHIFT;
    static final int MASK = SIZE - 1;
    static final int VOXELS = SIZE * SIZE * SIZE;
    static final int SLICE = SIZE * SIZE;

    final long key;
    final int cx;
    final int cy;
    final int cz;
    /** Null while the chunk is only in the store. */
    byte[] voxels;
    /** Decay has been applied up to this time (nanoseconds). */
    long decayedAtNanos;
    boolean dirty;
    /** Which voxels the current scan already updated: each voxel moves at most once per scan. */
    private long scanStamp = -1;
    private long[] touchedInScan;

    Chunk(long key, int cx, int cy, int cz) {
        this.key = key;
        this.cx = cx;
        this.cy = cy;
        this.cz = cz;
    }

    static Chunk unknown(long key, int cx, int cy, int cz, long nowNanos) {
        Chunk chunk = new Chunk(key, cx, cy, cz);
        chunk.voxels = new byte[VOXELS];
        Arrays.fill(chunk.voxels, LogOdds.UNKNOWN);
        chunk.decayedAtNanos = nowNanos;
        return chunk;
    }

    static int index(int lx, int ly, int lz) {
        return (lz << (2 * SHIFT)) | (ly << SHIFT) | lx;
    }

    boolean isLoaded() {
        return voxels != null;
    }

    /** Returns true the first time in scan {@code stamp} (and forgets the previous scan's marks). */
    boolean beginScan(long stamp) {
        if (scanStamp == stamp) {
            return false;
        }
        if (touchedInScan == null) {
            touchedInScan = new long[VOXELS / 64];
        } else {
            Arrays.fill(touchedInScan, 0);
        }
        scanStamp = stamp;
        return true;
    }

    /** Marks voxel {@code index} as updated in this scan; false if it already was. */
    boolean markTouched(int index) {
        long bit = 1L << index;
        int word = index >>> 6;
        if ((touchedInScan[word] & bit) != 0) {
            return false;
        }
        touchedInScan[word] |= bit;
        return true;
    }
}
