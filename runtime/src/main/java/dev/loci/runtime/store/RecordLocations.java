package dev.loci.runtime.store;

import java.util.Arrays;

/**
 * Where each record of the observation journal lies, by id: {@code (segment index << 40) | offset}. Ids after
 * the release mark keep one entry each. Ids before it (observations retired from the in-memory index, which
 * queries no longer reach and which are read back only one at a time) keep one entry every {@link #STRIDE} ids;
 * the journal finds one of those by walking record headers from the entry before it. Without this, 8 bytes for
 * every observation ever made were the one part of memory that grew for as long as a robot ran.
 *
 * <p>One writer (the store's writer thread, or the opening thread) remembers and releases; readers on any
 * thread look up ids at most the journal's size, which the writer publishes (volatile) after remembering.
 */
final class RecordLocations {
    /** Retired ids keep one location in this many; reading one walks at most this many headers. */
    static final int STRIDE = 4096;

    /** Dense locations of the ids from {@code firstDense} on; one per {@link #STRIDE} ids before it. */
    private record Table(long firstDense, long[] dense, long[] anchors) {
    }

    private volatile Table table = new Table(1, new long[STRIDE], new long[0]);
    /** Entries used in the table's dense array (writer only). */
    private int denseCount;

    /** Records where {@code id} lies; ids arrive 1, 2, 3, ... */
    void remember(long id, long location) {
        Table t = table;
        int index = (int) (id - t.firstDense);
        long[] dense = t.dense;
        if (index >= dense.length) {
            dense = Arrays.copyOf(dense, dense.length * 2);
            t = new Table(t.firstDense, dense, t.anchors);
            table = t;
        }
        dense[index] = location;
        denseCount = index + 1;
    }

    /**
     * Keeps only one location per {@link #STRIDE} ids before {@code id} (rounded down to a stride). Copies the
     * dense part that stays, so callers release in large steps (on retirement, not per record).
     */
    void releaseBefore(long id) {
        Table t = table;
        long newFirst = 1 + ((Math.max(1, id) - 1) / STRIDE) * STRIDE;
        long end = t.firstDense + denseCount; // one past the last id remembered
        newFirst = Math.min(newFirst, 1 + ((end - 1) / STRIDE) * STRIDE);
        if (newFirst <= t.firstDense) {
            return;
        }
        long[] anchors = Arrays.copyOf(t.anchors, (int) ((newFirst - 1) / STRIDE));
        for (long anchored = t.firstDense; anchored < newFirst; anchored += STRIDE) {
            anchors[(int) ((anchored - 1) / STRIDE)] = t.dense[(int) (anchored - t.firstDense)];
        }
        int kept = (int) (end - newFirst);
        long[] dense = new long[kept + STRIDE]; // room for a stride of appends before the next doubling
        System.arraycopy(t.dense, (int) (newFirst - t.firstDense), dense, 0, kept);
        denseCount = kept;
        table = new Table(newFirst, dense, anchors);
    }

    /** The location of {@code id} if it is kept, else -1 (then start from {@link #anchorId} and walk). */
    long exact(long id) {
        Table t = table;
        return id >= t.firstDense ? t.dense[(int) (id - t.firstDense)] : -1;
    }

    /** The nearest id at or before {@code id} whose location is kept. */
    static long anchorId(long id) {
        return 1 + ((id - 1) / STRIDE) * STRIDE;
    }

    /** The location of {@link #anchorId}{@code (id)}, for an id before the release mark. */
    long anchor(long id) {
        Table t = table;
        long anchored = anchorId(id);
        return anchored >= t.firstDense ? t.dense[(int) (anchored - t.firstDense)] : t.anchors[(int) ((anchored - 1) / STRIDE)];
    }

    /** Longs held, for tests and accounting. */
    long heldEntries() {
        Table t = table;
        return t.dense.length + t.anchors.length;
    }
}
