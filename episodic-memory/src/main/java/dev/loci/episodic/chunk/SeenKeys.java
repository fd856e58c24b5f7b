package dev.loci.episodic.chunk;

import java.util.Arrays;

/**
 * The objects-seen keys of a robot's closed sessions (see {@link SessionKeys}), each a set of label indexes,
 * stored inverted: for each label the keys that hold it (ascending), appended as sessions close.
 *
 * <p>Why inverted: a key scores as its best label, and scoring every key label by label was ~15% of a
 * hierarchical recall at 1M events (~55k keys of ~7.6 labels, 416k scattered reads per question). A label's
 * vector has ~6 non-zero dimensions of 256, so a question leaves most labels at exactly 0; only the labels with
 * a non-zero score are walked here, each raising its keys' best, and a key that holds any zero-scoring label
 * is raised to 0 at the end. The maximum of the same float values in another order is the same float, so every
 * key gets the score the label-by-label loop gives, bit for bit.
 */
final class SeenKeys {
    /** Per key: how many distinct labels it holds. */
    private int[] labelCounts = new int[64];
    private int size;
    /** Per label index: the keys holding it, ascending, in {@code postings[label][0, lengths[label])}. */
    private int[][] postings = new int[64][];
    private int[] lengths = new int[64];

    int size() {
        return size;
    }

    /** Appends a key holding {@code labels} (distinct label indexes); returns its index. */
    int add(int[] labels) {
        if (size == labelCounts.length) {
            labelCounts = Arrays.copyOf(labelCounts, size * 2);
        }
        labelCounts[size] = labels.length;
        for (int label : labels) {
            if (label >= postings.length) {
                int grown = Math.max(label + 1, postings.length * 2);
                postings = Arrays.copyOf(postings, grown);
                lengths = Arrays.copyOf(lengths, grown);
            }
            int[] list = postings[label];
            if (list == null) {
                list = postings[label] = new int[4];
            } else if (lengths[label] == list.length) {
                list = postings[label] = Arrays.copyOf(list, list.length * 2);
            }
            list[lengths[label]++] = size;
        }
        return size++;
    }

    /**
     * The best label score of every key into {@code out[0, size)}: {@code scores} holds every label's score,
     * {@code nonZero[0, nonZeroCount)} the labels whose score is not 0. {@code hits} is scratch of at least
     * {@link #size()} ints.
     */
    void best(float[] scores, int[] nonZero, int nonZeroCount, float[] out, int[] hits) {
        best(scores, nonZero, nonZeroCount, out, 0, hits);
    }

    /** As {@link #best(float[], int[], int, float[], int[])}, into {@code out[at, at + size)}. */
    void best(float[] scores, int[] nonZero, int nonZeroCount, float[] out, int at, int[] hits) {
        Arrays.fill(out, at, at + size, Float.NEGATIVE_INFINITY);
        Arrays.fill(hits, 0, size, 0);
        for (int n = 0; n < nonZeroCount; n++) {
            int label = nonZero[n];
            if (label >= postings.length || postings[label] == null) {
                continue;
            }
            float score = scores[label];
            int[] keys = postings[label];
            for (int i = 0, length = lengths[label]; i < length; i++) {
                int key = keys[i];
                out[at + key] = Math.max(out[at + key], score);
                hits[key]++;
            }
        }
        for (int key = 0; key < size; key++) {
            if (hits[key] < labelCounts[key]) {
                out[at + key] = Math.max(out[at + key], 0f);
            }
        }
    }

    /** Bytes of the label counts and postings (array lengths, not a heap measurement). */
    long retainedBytes() {
        long bytes = 16 + 4L * labelCounts.length + 16 + 8L * postings.length + 16 + 4L * lengths.length;
        for (int[] posting : postings) {
            bytes += posting == null ? 0 : 16 + 4L * posting.length;
        }
        return bytes;
    }
}
