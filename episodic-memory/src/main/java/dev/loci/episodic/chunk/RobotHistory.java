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
 */
final class RobotHistory {
    private final RobotId robot;
    private final int dimensions;
    private long[] ids = new long[1024];
    private long[] times = new long[1024];
    private final PackedVectors vectors;
    private final SparseQuantizedVectors quantized;
    private int size;
    private int chunkedUpTo;
    private int[] episodeStarts = new int[64];
    private int episodes;
    private final float[] tailSum;
    /** Ordinals whose detail was forgotten: their float vectors may leave memory a page at a time. */
    private final BitSet released = new BitSet();

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

    long id(int ordinal) {
        return ids[ordinal];
    }

    long time(int ordinal) {
        return times[ordinal];
    }

    long lastId() {
        return size == 0 ? 0 : ids[size - 1];
    }

    void append(long id, long time, float[] vector) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        vectors.add(vector);
        quantized.add(vector);
        ids[size] = id;
        times[size] = time;
        size++;
        for (int i = 0; i < dimensions; i++) {
            tailSum[i] += vector[i];
        }
    }

    /** The ordinal of event {@code id}, or -1 if this robot has no such event. Ids increase with ordinals. */
    int ordinalOf(long id) {
        int found = Arrays.binarySearch(ids, 0, size, id);
        return found < 0 ? -1 : found;
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
        if (from < 0 || to <= from || to > size) {
            return 0;
        }
        released.set(from, to);
        int freed = 0;
        for (int page = from >>> PackedVectors.PAGE_SHIFT; page <= (to - 1) >>> PackedVectors.PAGE_SHIFT; page++) {
            int start = page << PackedVectors.PAGE_SHIFT;
            int end = start + PackedVectors.PAGE;
            if (released.nextClearBit(start) >= end && vectors.releasePage(page)) {
                quantized.releasePage(page); // same 1,024 vectors a page
                freed += PackedVectors.PAGE;
            }
        }
        return freed;
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
        return found >= 0 ? episodeStarts[found] : episodeStarts[-found - 2];
    }

    /** Events before this ordinal are in closed episodes. */
    int chunkedUpTo() {
        return chunkedUpTo;
    }

    /** Marks events before {@code ordinal} as chunked; the tail sum is recomputed (no drift from subtraction). */
    void chunkedUpTo(int ordinal) {
        chunkedUpTo = ordinal;
        Arrays.fill(tailSum, 0);
        for (int o = ordinal; o < size; o++) {
            addTo(tailSum, o);
        }
    }

    /** Sum of the vectors of the events after the last closed episode (a live view; do not modify). */
    float[] tailSum() {
        return tailSum;
    }
}
