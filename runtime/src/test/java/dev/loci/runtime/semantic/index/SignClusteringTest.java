package dev.loci.runtime.semantic.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SignClusteringTest {
    private static final int WORDS = 6;
    private static final int DIMENSIONS = 384;

    @Test
    void groupsSketchesDrawnAroundTheSameOriginTogether() {
        Random random = new Random(3);
        int origins = 12;
        int perOrigin = 500;
        long[] originSigns = new long[origins * WORDS];
        for (int i = 0; i < originSigns.length; i++) {
            originSigns[i] = random.nextLong();
        }
        long[] signs = new long[origins * perOrigin * WORDS];
        for (int item = 0; item < origins * perOrigin; item++) {
            int origin = item % origins; // interleaved, as items of many subjects arrive over time
            for (int w = 0; w < WORDS; w++) {
                long flips = random.nextLong() & random.nextLong() & random.nextLong(); // about 1 bit in 8
                signs[item * WORDS + w] = originSigns[origin * WORDS + w] ^ flips;
            }
        }

        long[] centres = SignClustering.centres(signs, origins * perOrigin, WORDS, DIMENSIONS, origins);

        Map<Integer, Integer> centreOfOrigin = new HashMap<>();
        int agreeing = 0;
        for (int item = 0; item < origins * perOrigin; item++) {
            int centre = SignClustering.nearest(centres, origins, WORDS, signs, item * WORDS);
            if (centreOfOrigin.computeIfAbsent(item % origins, origin -> centre) == centre) {
                agreeing++;
            }
        }
        assertThat(centreOfOrigin.values()).as("one centre per origin").doesNotHaveDuplicates();
        assertThat(agreeing).isEqualTo(origins * perOrigin);
    }

    @Test
    void countsEachSetBitOfASketchUnderItsDimension() {
        long[] signs = {1L | 1L << 63, 0, 1L << 5, 0, 0, 1L << 63};
        int[] ones = new int[2 * DIMENSIONS];

        SignClustering.countOnes(signs, 0, WORDS, ones, DIMENSIONS);

        assertThat(ones[DIMENSIONS]).isEqualTo(1);
        assertThat(ones[DIMENSIONS + 63]).isEqualTo(1);
        assertThat(ones[DIMENSIONS + 128 + 5]).isEqualTo(1);
        assertThat(ones[DIMENSIONS + 383]).isEqualTo(1);
        assertThat(Arrays.stream(ones).sum()).isEqualTo(4);
    }
}
