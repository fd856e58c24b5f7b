package dev.loci.episodic.chunk;

import java.util.Arrays;

/**
 * The working arrays of one thread's hierarchical recalls, grown as needed and kept between questions: a
 * question at 1M events used ~2-3 MB of fresh arrays (scores of ~94k keys, ~47k candidate groups, ~40k
 * episodes), which the allocator and the collector paid for on every question. Only arrays of primitives, so
 * nothing forgotten stays reachable from here.
 */
final class RecallScratch {
    float[] labelScores = new float[0];
    int[] nonZeroLabels = new int[0];
    float[] taskScores = new float[0];
    float[] seenScores = new float[0];
    int[] seenHits = new int[0];
    float[] sessionScores = new float[0];
    long[] sessionIds = new long[0];
    int[] taskAt = new int[0];
    int[] seenAt = new int[0];
    float[] groupScores = new float[0];
    long[] groupIds = new long[0];
    long[] episodeAt = new long[0];
    float[] episodeScores = new float[0];
    long[] episodeIds = new long[0];
    int[] slotOf = new int[64];
    int[] positions = new int[64];
    long[] ids = new long[64];
    float[] scores = new float[64];
    float[] selection = new float[0];
    long[] order = new long[0];
    int[] runFrom = new int[64];
    int[] runTo = new int[64];
    /** What level 4's cache touches read, kept so that they are not optimised away. */
    int touched;

    static float[] fit(float[] buffer, int length) {
        return buffer.length >= length ? buffer : new float[grown(buffer.length, length)];
    }

    static int[] fit(int[] buffer, int length) {
        return buffer.length >= length ? buffer : new int[grown(buffer.length, length)];
    }

    static long[] fit(long[] buffer, int length) {
        return buffer.length >= length ? buffer : new long[grown(buffer.length, length)];
    }

    /** {@code buffer}, or a longer copy of it if it holds fewer than {@code length} (its values are kept). */
    static float[] kept(float[] buffer, int length) {
        return buffer.length >= length ? buffer : Arrays.copyOf(buffer, grown(buffer.length, length));
    }

    static long[] kept(long[] buffer, int length) {
        return buffer.length >= length ? buffer : Arrays.copyOf(buffer, grown(buffer.length, length));
    }

    /** A quarter more than asked, so a memory that grows by a few nodes a question does not reallocate each time. */
    private static int grown(int current, int length) {
        return Math.max(length + (length >> 2), current);
    }
}
