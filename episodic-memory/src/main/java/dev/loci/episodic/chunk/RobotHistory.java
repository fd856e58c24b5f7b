package dev.loci.episodic.chunk;


import dev.loci.spatial.provenance.RobotId;
import java.util.Arrays;
import java.util.BitSet;

/**
 * One robot's events in log order as ordinals 0..size-1: ids, times and text vectors packed in pages, so
 * scoring a run of events (an episode) is a scan over contiguous memory, and temporal neighbours are ordinal
 * plus or minus n. Each vector is kept twice: as floats (exact scores: the scan and the final ranking) and as
 * sparse int8 (its non-zero elements: hierarchical recall picks its candidates with them). Also tracks the open tail:
 * events after the last closed episode, and their vector sum.
 *
 * <p>Forgetting releases ordinals (their episodes' detail is gone); a page of 1,024 released events frees its
 * vectors, and once the oldest pages are all released, {@link #dropReleasedPrefix()} drops their ids and times
 * too: ordinals below {@link #first()} are then gone for good (ordinals do not shift, so episode nodes keep
 * theirs). A robot that runs for months with forgetting then holds the events it still remembers in detail,
 * plus the pages that a few rehearsed (still remembered) episodes keep alive.
 */
final class RobotHistory {
    private final RobotId robot;
    private final int dimensions;
    /** ids[o - base] and times[o - base] of ordinal o; ordinals below base were dropped. */
    private long[] ids = new long[1024];
    private long[] times = new long[1024];
    private int base;
    private final PackedVectors vectors;
    private final SparseQuantizedVectors quantized;
    private int size;
    private int chunkedUpTo;
    private int[] episodeStarts = new int[64];
    private int episodes;
    private final float[] tailSum;
    /** Ordinals (minus base) whose detail was forgotten: their vectors may leave memory a page at a time. */
    private BitSet released = new BitSet();

    RobotHistory(RobotId robot, int dimensions) {
        this.robot = robot;
        this.dimensions = dimensions;
        this.tailSum = new float[dimensions];
        this.vectors = new PackedVectors(dimensions);
        this.quantized = new SparseQuantizedVectors(dimensions);
    }

    RobotId robot() {
        return robot;
    }

    int size() {
        return size;
    }

    int dimensions() {
        return dimensions;
    }

    /** The first ordinal still held: those below were forgotten and dropped (a multiple of a page). */
    int first() {
        return base;
    }

    long id(int ordinal) {
        return ids[ordinal - base];
    }

    long time(int ordinal) {
        return times[ordinal - base];
    }

    long lastId() {
        return size == base ? 0 : ids[size - 1 - base];
    }

    /** Whether event {@code id} lies before {@link #first()}: it was forgotten and left memory. */
    boolean dropped(long id) {
        return base > 0 && (size == base || id < ids[0]);
    }

    void append(long id, long time, float[] vector) {
        if (size - base == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
            times = Arrays.copyOf(times, times.length * 2);
        }
        vectors.add(vector);
        quantized.add(vector);
        ids[size - base] = id;
        times[size - base] = time;
        size++;
        for (int i = 0; i < dimensions; i++) {
            tailSum[i] += vector[i];
        }
    }

    /** The ordinal of event {@code id}, or -1 if this robot has no such event. Ids increase with ordinals. */
    int ordinalOf(long id) {
        int found = Arrays.binarySearch(ids, 0, size - base, id);
        return found < 0 ? -1 : found + base;
    }

    float[] vector(int ordinal) {
        return vectors.copy(ordinal);
    }

    /** Cosine of event {@code ordinal}'s unit vector with the query (see {@link PackedVectors#dot}). */
    double dot(int ordinal, float[] query) {
        return vectors.dot(ordinal, query);
    }

    /**
     * Approximate scores of events {@code [from, to)} against an int8 query into {@code out[0, to - from)}: one
     * pass over their non-zero elements, which lie back to back.
     */
    void approximateScores(QuantizedVectors.Query query, int from, int to, float[] out) {
        quantized.dotRange(query, from, to, out);
    }

    /**
     * Approximate scores of the runs of events {@code [from[r], to[r])}, {@code r < runs}, back to back into
     * {@code out} (see {@link SparseQuantizedVectors#dotRuns}); returns the value to keep of its cache touches.
     */
    int approximateScores(QuantizedVectors.Query query, int[] from, int[] to, int runs, float[] out) {
        return quantized.dotRuns(query, from, to, runs, out);
    }

    /** Adds event {@code ordinal}'s vector into {@code sum}. */
    void addTo(float[] sum, int ordinal) {
        vectors.addTo(sum, ordinal);
    }

    /**
     * Marks ordinals {@code [from, to)} as forgotten and frees every page of float vectors that is now wholly
     * forgotten (they then score 0 and are never a hit). Returns the vectors freed.
     */
    int release(int from, int to) {
        from = Math.max(from, base);
        if (to <= from || to > size) {
            return 0;
        }
        released.set(from - base, to - base);
        int freed = 0;
        for (int page = from >>> PackedVectors.PAGE_SHIFT; page <= (to - 1) >>> PackedVectors.PAGE_SHIFT; page++) {
            int start = page << PackedVectors.PAGE_SHIFT;
            int end = start + PackedVectors.PAGE;
            if (released.nextClearBit(start - base) >= end - base && vectors.releasePage(page)) {
                quantized.releasePage(page); // same 1,024 vectors a page
                freed += PackedVectors.PAGE;
            }
        }
        return freed;
    }

    /** Whether every ordinal of {@code [from, to)} was released (dropped ones were). */
    boolean released(int from, int to) {
        if (to <= base) {
            return true;
        }
        return released.nextClearBit(Math.max(from, base) - base) >= to - base;
    }

    /**
     * Drops the oldest pages while they are wholly released, with their ids, times and released bits, keeping
     * the page that holds the last chunked event (its id is asked for). Nothing may read a dropped ordinal
     * afterwards: the caller has taken the released episodes out of the retrieval index first. Returns the
     * ordinals dropped.
     */
    int dropReleasedPrefix() {
        int next = base;
        while (next + PackedVectors.PAGE <= chunkedUpTo - 1
                && released.nextClearBit(next - base) >= next + PackedVectors.PAGE - base) {
            next += PackedVectors.PAGE;
        }
        int dropped = next - base;
        if (dropped == 0) {
            return 0;
        }
        int held = size - next;
        int capacity = Math.max(1024, Integer.highestOneBit(Math.max(1, held)) * 2);
        ids = Arrays.copyOfRange(ids, dropped, dropped + capacity);
        times = Arrays.copyOfRange(times, dropped, dropped + capacity);
        released = released.get(dropped, Math.max(dropped, released.length()));
        vectors.dropPagesBefore(next >>> PackedVectors.PAGE_SHIFT);
        quantized.dropPagesBefore(next >>> PackedVectors.PAGE_SHIFT);
        // Starts below the new first ordinal matter no more, but the last of them begins the episode that
        // may hold the first ordinal (episodeStartOf asks for it).
        int below = 0;
        while (below < episodes && episodeStarts[below] < next) {
            below++;
        }
        int keepFrom = Math.max(0, below - 1);
        episodes -= keepFrom;
        episodeStarts = Arrays.copyOfRange(episodeStarts, keepFrom,
                keepFrom + Math.max(64, Integer.highestOneBit(Math.max(1, episodes)) * 2));
        base = next;
        return dropped;
    }

    /** Bytes of this history's arrays (lengths, not a heap measurement). */
    long retainedBytes() {
        return 16 + 8L * ids.length + 16 + 8L * times.length + 16 + 4L * episodeStarts.length
                + 16 + 4L * tailSum.length + 32 + released.size() / 8 + vectors.retainedBytes()
                + quantized.retainedBytes();
    }

    /** Records that a closed episode begins at {@code ordinal}; episodes are recorded in order. */
    void episodeStartsAt(int ordinal) {
        if (episodes == episodeStarts.length) {
            episodeStarts = Arrays.copyOf(episodeStarts, episodes * 2);
        }
        episodeStarts[episodes++] = ordinal;
    }

    /** Drops the episode starts and marks nothing chunked: the nodes are about to be rebuilt. */
    void forgetEpisodes() {
        episodes = 0;
        chunkedUpTo(0);
    }

    boolean startsEpisode(int ordinal) {
        return Arrays.binarySearch(episodeStarts, 0, episodes, ordinal) >= 0;
    }

    /** The start of the closed episode holding {@code ordinal} (which must be below {@link #chunkedUpTo()}). */
    int episodeStartOf(int ordinal) {
        int found = Arrays.binarySearch(episodeStarts, 0, episodes, ordinal);
        return found >= 0 ? episodeStarts[found] : found == -1 ? ordinal : episodeStarts[-found - 2];
    }

    /** Events before this ordinal are in closed episodes. */
    int chunkedUpTo() {
        return chunkedUpTo;
    }

    /** Marks events before {@code ordinal} as chunked; the tail sum is recomputed (no drift from subtraction). */
    void chunkedUpTo(int ordinal) {
        chunkedUpTo = ordinal;
        Arrays.fill(tailSum, 0);
        for (int o = Math.max(ordinal, base); o < size; o++) {
            addTo(tailSum, o);
        }
    }

    /** Sum of the vectors of the events after the last closed episode (a live view; do not modify). */
    float[] tailSum() {
        return tailSum;
    }
}
