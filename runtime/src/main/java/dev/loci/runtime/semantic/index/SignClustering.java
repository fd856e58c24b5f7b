package dev.loci.runtime.semantic.index;

import java.util.Arrays;
import java.util.Random;

/**
 * Binary k-modes over sign sketches: each cluster's centre is a sign pattern, an item belongs to the centre it
 * differs from in the fewest bits, and a centre's bit is the majority of its members' bits. Everything is xor and
 * popcount over a few words per item, so clustering 100k MiniLM sketches into 500 takes a fraction of a second
 * where float k-means would take tens of seconds on a robot's CPU. Deterministic: samples by stride, seeds with
 * a fixed random seed.
 */
final class SignClustering {
    /** Sketches the centres are fitted on; the rest are only assigned. */
    static final int SAMPLE = 16_384;
    static final int ITERATIONS = 6;
    private static final long SEED = 0x51C5_CA1EL;

    private SignClustering() {
    }

    /**
     * Fits {@code clusters} centres to the first {@code size} sketches of {@code signs} ({@code words} longs
     * each, {@code dimensions} bits used) and returns them packed the same way.
     */
    static long[] centres(long[] signs, int size, int words, int dimensions, int clusters) {
        int sample = Math.min(size, SAMPLE);
        int[] sampled = new int[sample];
        for (int i = 0; i < sample; i++) {
            sampled[i] = (int) ((long) i * size / sample);
        }
        long[] centres = seeds(signs, sampled, words, clusters, new Random(SEED ^ size));
        int[] ones = new int[clusters * dimensions];
        int[] members = new int[clusters];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            Arrays.fill(ones, 0);
            Arrays.fill(members, 0);
            for (int item : sampled) {
                int c = nearest(centres, clusters, words, signs, item * words);
                members[c]++;
                countOnes(signs, item * words, words, ones, c * dimensions);
            }
            for (int c = 0; c < clusters; c++) {
                if (members[c] == 0) { // an empty centre starts again from a sketch spread over the sample
                    int item = sampled[(int) (((long) c * 7919 + iteration) % sample)];
                    System.arraycopy(signs, item * words, centres, c * words, words);
                    continue;
                }
                for (int w = 0; w < words; w++) {
                    centres[c * words + w] = 0;
                }
                for (int d = 0; d < dimensions; d++) {
                    if (ones[c * dimensions + d] * 2 > members[c]) {
                        centres[c * words + (d >>> 6)] |= 1L << d;
                    }
                }
            }
        }
        return centres;
    }

    /**
     * Greedy k-means++ seeding in Hamming distance: each next centre is the best of 2 + ln(clusters) sampled
     * sketches drawn with probability proportional to their squared distance from the nearest centre so far (best:
     * leaves the smallest sum of those squares). Seeding by stride instead can start every centre on the same few
     * subjects when items arrive in a cycle (a patrol), and k-modes then stays there.
     */
    private static long[] seeds(long[] signs, int[] sampled, int words, int clusters, Random random) {
        long[] centres = new long[clusters * words];
        long[] nearest = new long[sampled.length];
        Arrays.fill(nearest, Long.MAX_VALUE);
        long[] tried = new long[sampled.length];
        long[] best = new long[sampled.length];
        int tries = 2 + (int) Math.log(clusters);
        int item = sampled[random.nextInt(sampled.length)];
        for (int c = 0; c < clusters; c++) {
            if (c > 0) {
                long total = 0;
                for (long d : nearest) {
                    total += d;
                }
                if (total == 0) { // fewer distinct sketches than centres: the rest repeat one
                    System.arraycopy(centres, 0, centres, c * words, words);
                    continue;
                }
                long bestSum = Long.MAX_VALUE;
                for (int t = 0; t < tries; t++) {
                    long pick = (long) (random.nextDouble() * total);
                    int i = 0;
                    for (long sum = nearest[0]; sum <= pick && i < sampled.length - 1; sum += nearest[++i]) {
                        // walk to the sketch whose share of the total holds the draw
                    }
                    long sum = squaredDistances(signs, sampled, words, signs, sampled[i] * words, nearest, tried);
                    if (sum < bestSum) {
                        bestSum = sum;
                        item = sampled[i];
                        System.arraycopy(tried, 0, best, 0, tried.length);
                    }
                }
                System.arraycopy(best, 0, nearest, 0, nearest.length);
            } else {
                squaredDistances(signs, sampled, words, signs, item * words, nearest, nearest);
            }
            System.arraycopy(signs, item * words, centres, c * words, words);
        }
        return centres;
    }

    /**
     * For each sampled sketch, the smaller of {@code nearest} and its squared distance to the candidate at
     * {@code offset}, into {@code out}; returns their sum.
     */
    private static long squaredDistances(long[] signs, int[] sampled, int words, long[] candidate, int offset,
                                         long[] nearest, long[] out) {
        long sum = 0;
        for (int i = 0; i < sampled.length; i++) {
            int d = hamming(signs, sampled[i] * words, candidate, offset, words);
            out[i] = Math.min(nearest[i], (long) d * d);
            sum += out[i];
        }
        return sum;
    }

    /** The centre with the fewest bits differing from the sketch at {@code offset} (the first on ties). */
    static int nearest(long[] centres, int clusters, int words, long[] signs, int offset) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int c = 0; c < clusters; c++) {
            int d = hamming(signs, offset, centres, c * words, words);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    /** Bits that differ between the sketches of {@code words} longs at {@code offsetA} of a and {@code offsetB} of b. */
    static int hamming(long[] a, int offsetA, long[] b, int offsetB, int words) {
        int d = 0;
        for (int w = 0; w < words; w++) {
            d += Long.bitCount(a[offsetA + w] ^ b[offsetB + w]);
        }
        return d;
    }

    /** Adds the sketch's set bits to {@code ones[base + dimension]}. */
    static void countOnes(long[] signs, int offset, int words, int[] ones, int base) {
        for (int w = 0; w < words; w++) {
            long word = signs[offset + w];
            while (word != 0) {
                ones[base + (w << 6) + Long.numberOfTrailingZeros(word)]++;
                word &= word - 1;
            }
        }
    }
}
