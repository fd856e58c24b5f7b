package dev.loci.runtime.semantic.index;

import dev.loci.spatial.embedding.Int8Vector;
import dev.loci.spatial.embedding.Int8Vectors;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The index's slots split into clusters of similar sign sketches ({@link SignClustering}), so that a text query
 * reads the sketches of the clusters nearest it instead of all of them: an inverted-file index over the sketch.
 * A cluster is ranked by the query's dot product with the mean of its members' sign vectors (+1/-1 per
 * dimension), which is the query's expected weighted sign agreement with a member. On 100k real MiniLM vectors,
 * reading the nearest fifth keeps recall@10 against float32 at 0.987, against 0.990 reading every sketch
 * (BENCHMARKS.md, "Text search over the nearest sketch clusters").
 *
 * <p>Each cluster keeps its members' sketches contiguously beside their slots, so a probe streams them instead of
 * gathering 48 bytes from all over the index's sketch array (which costs a cache miss per member).
 *
 * <p>Not thread-safe: the owning {@link VectorIndex} guards it with its lock. Slots added after training are
 * assigned to the nearest centre as they come; a slot whose vector is replaced is written again where it is, or
 * moves, leaving {@link #MOVED} in its old entry.
 */
final class SignPartitions {
    /** What an entry's slot becomes when the slot moves to another cluster. */
    private static final int MOVED = -1;
    /** Centres nearest in bits among which an item's cluster is chosen by the probe's own ranking. */
    static final int SHORTLIST = 8;

    private final int words;
    private final int clusters;
    private final int trainedSize;
    private final long[] centres;
    private final Int8Vectors means;
    /** The same means in float, cluster by cluster, and each one's sum, for {@link #bestCluster}. */
    private final float[] meanValues;
    private final float[] meanSums;
    private final int dimensions;
    private final int[][] members;
    /** The members' sketches, {@code words} longs per entry, in the order of {@link #members}. */
    private final long[][] sketches;
    private final int[] memberCounts;
    private int[] clusterOf;
    private int[] entryOf;

    private SignPartitions(int words, int dimensions, long[] centres, int clusters, int trainedSize) {
        this.words = words;
        this.clusters = clusters;
        this.trainedSize = trainedSize;
        this.centres = centres;
        this.means = new Int8Vectors(dimensions);
        this.dimensions = dimensions;
        this.meanValues = new float[clusters * dimensions];
        this.meanSums = new float[clusters];
        this.members = new int[clusters][];
        this.sketches = new long[clusters][];
        this.memberCounts = new int[clusters];
        this.clusterOf = new int[Math.max(16, trainedSize)];
        this.entryOf = new int[clusterOf.length];
        Arrays.fill(clusterOf, -1);
    }

    /**
     * Clusters the first {@code size} sketches of {@code signs} into {@code clusters} and assigns each of them;
     * the work of a background thread (no lock needed: {@code signs} is the caller's own copy).
     */
    static SignPartitions train(long[] signs, int size, int words, int dimensions, int clusters) {
        long[] centres = SignClustering.centres(signs, size, words, dimensions, clusters);
        SignPartitions partitions = new SignPartitions(words, dimensions, centres, clusters, size);
        int[] ones = new int[clusters * dimensions];
        int[] counts = new int[clusters];
        for (int slot = 0; slot < size; slot++) {
            int c = SignClustering.nearest(centres, clusters, words, signs, slot * words);
            counts[c]++;
            SignClustering.countOnes(signs, slot * words, words, ones, c * dimensions);
        }
        float[] mean = new float[dimensions];
        for (int c = 0; c < clusters; c++) {
            int n = Math.max(1, counts[c]);
            float sum = 0;
            for (int d = 0; d < dimensions; d++) {
                mean[d] = 2f * ones[c * dimensions + d] / n - 1f; // mean of +1 (bit set) and -1 (clear)
                partitions.meanValues[c * dimensions + d] = mean[d];
                sum += mean[d];
            }
            partitions.meanSums[c] = sum;
            partitions.means.add(Int8Vector.quantize(mean));
        }
        // Placed again by the probe's own ranking, which needs the means the first placement gave.
        for (int slot = 0; slot < size; slot++) {
            partitions.assign(slot, signs, slot * words);
        }
        return partitions;
    }

    /**
     * The cluster a probe would rank first for the sketch at {@code offset} used as the query, among the
     * {@link #SHORTLIST} centres nearest it in bits: so an item searched for by its own vector is (nearly always)
     * in the first cluster read. The rank is the sketch's +1/-1 vector dotted with each cluster's mean.
     */
    private int bestCluster(long[] signs, int offset) {
        int[] shortlist = new int[SHORTLIST];
        int[] distances = new int[SHORTLIST];
        Arrays.fill(distances, Integer.MAX_VALUE);
        for (int c = 0; c < clusters; c++) {
            int d = SignClustering.hamming(signs, offset, centres, c * words, words);
            if (d < distances[SHORTLIST - 1]) {
                int i = SHORTLIST - 1;
                for (; i > 0 && distances[i - 1] > d; i--) {
                    distances[i] = distances[i - 1];
                    shortlist[i] = shortlist[i - 1];
                }
                distances[i] = d;
                shortlist[i] = c;
            }
        }
        int best = shortlist[0];
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < SHORTLIST && distances[i] != Integer.MAX_VALUE; i++) {
            int c = shortlist[i];
            float ones = 0;
            for (int w = 0; w < words; w++) {
                long word = signs[offset + w];
                while (word != 0) {
                    ones += meanValues[c * dimensions + (w << 6) + Long.numberOfTrailingZeros(word)];
                    word &= word - 1;
                }
            }
            float score = 2 * ones - meanSums[c]; // sum over set bits of +mean, over clear bits of -mean
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    /** How many slots the centres were fitted on: retrain once the index has grown well past it. */
    int trainedSize() {
        return trainedSize;
    }

    /** Puts {@code slot} (its sketch at {@code offset} of {@code signs}) in its {@link #bestCluster}; returns it. */
    int assign(int slot, long[] signs, int offset) {
        int c = bestCluster(signs, offset);
        if (slot >= clusterOf.length) {
            int old = clusterOf.length;
            clusterOf = Arrays.copyOf(clusterOf, Math.max(slot + 1, old * 2));
            entryOf = Arrays.copyOf(entryOf, clusterOf.length);
            Arrays.fill(clusterOf, old, clusterOf.length, -1);
        }
        if (clusterOf[slot] != c) {
            if (clusterOf[slot] >= 0) {
                members[clusterOf[slot]][entryOf[slot]] = MOVED;
            }
            if (members[c] == null) {
                members[c] = new int[16];
                sketches[c] = new long[16 * words];
            } else if (memberCounts[c] == members[c].length) {
                members[c] = Arrays.copyOf(members[c], memberCounts[c] * 2);
                sketches[c] = Arrays.copyOf(sketches[c], memberCounts[c] * 2 * words);
            }
            clusterOf[slot] = c;
            entryOf[slot] = memberCounts[c]++;
            members[c][entryOf[slot]] = slot;
        }
        System.arraycopy(signs, offset, sketches[c], entryOf[slot] * words, words);
        return c;
    }

    /**
     * Reads the clusters nearest {@code query}, best first, until at least {@code wanted} candidates are in (all
     * candidates if there are fewer), and puts each candidate met, where its sketch lies and its Hamming distance
     * to the query in {@code out}.
     */
    void probe(Int8Vector query, SketchQuery sketch, long[] candidates, int wanted, Probed out) {
        float[] scores = new float[clusters];
        means.dotRange(query, 0, clusters, scores);
        long[] order = new long[clusters];
        for (int c = 0; c < clusters; c++) {
            order[c] = (long) sortable(scores[c]) << 32 | c; // ascending order of this = ascending score
        }
        Arrays.sort(order);
        out.clear();
        for (int i = clusters - 1; i >= 0 && out.size() < wanted; i--) {
            int c = (int) order[i];
            int[] list = members[c];
            long[] copies = sketches[c];
            for (int entry = 0, n = memberCounts[c]; entry < n; entry++) {
                int slot = list[entry];
                if (slot != MOVED && (candidates[slot >>> 6] & 1L << slot) != 0) {
                    out.add(slot, c, entry, sketch.hamming(copies, entry * words));
                }
            }
        }
    }

    /** The weighted distance to {@code sketch} of the copy a probe met at {@code entry} of {@code cluster}. */
    int weightedDistance(SketchQuery sketch, int cluster, int entry) {
        return sketch.distance(sketches[cluster], entry * words);
    }

    /**
     * Slots a probe met, where their sketch copies lie and their distances (Hamming, then possibly replaced by the
     * weighted one), in arrays reused from one query to the next.
     */
    static final class Probed {
        private int[] slots = new int[1024];
        private int[] clusters = new int[1024];
        private int[] entries = new int[1024];
        private int[] distances = new int[1024];
        private int size;

        void clear() {
            size = 0;
        }

        void add(int slot, int cluster, int entry, int distance) {
            if (size == slots.length) {
                slots = Arrays.copyOf(slots, size * 2);
                clusters = Arrays.copyOf(clusters, size * 2);
                entries = Arrays.copyOf(entries, size * 2);
                distances = Arrays.copyOf(distances, size * 2);
            }
            slots[size] = slot;
            clusters[size] = cluster;
            entries[size] = entry;
            distances[size++] = distance;
        }

        int cluster(int i) {
            return clusters[i];
        }

        int entry(int i) {
            return entries[i];
        }

        void setDistance(int i, int distance) {
            distances[i] = distance;
        }

        /** Keeps only the entries {@code keep} says, in order. */
        void retain(IntPredicate keep) {
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (keep.test(i)) {
                    slots[kept] = slots[i];
                    clusters[kept] = clusters[i];
                    entries[kept] = entries[i];
                    distances[kept++] = distances[i];
                }
            }
            size = kept;
        }

        int size() {
            return size;
        }

        int slot(int i) {
            return slots[i];
        }

        int distance(int i) {
            return distances[i];
        }
    }

    /** An int whose signed order is the float's order (for sorting scores packed into longs). */
    private static int sortable(float score) {
        int bits = Float.floatToIntBits(score);
        return bits >= 0 ? bits : bits ^ Integer.MAX_VALUE;
    }
}
