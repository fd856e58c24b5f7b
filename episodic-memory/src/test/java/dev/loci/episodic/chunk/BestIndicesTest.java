package dev.loci.episodic.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BestIndicesTest {
    /** Sizes on both sides of the histogram pass, scores with many ties, negatives, zeros and -infinity. */
    @Test
    void keepsTheBestScoresWithTiesToTheHigherIdAsAFullSortDoes() {
        Random random = new Random(13);
        for (int n : new int[] {1, 7, 100, 4096, 4097, 20_000, 47_000}) {
            for (int trial = 0; trial < 6; trial++) {
                float[] scores = new float[n];
                long[] ids = new long[n];
                for (int i = 0; i < n; i++) {
                    int kind = random.nextInt(10);
                    scores[i] = kind == 0 ? 0f : kind == 1 ? Float.NEGATIVE_INFINITY : kind == 2
                            ? random.nextInt(5) / 8f // coarse values: ties across the cut
                            : (float) (random.nextGaussian() * (trial % 2 == 0 ? 0.2 : 1e-4)); // clustered
                    ids[i] = random.nextLong();
                }
                int m = Math.max(1, random.nextInt(n + 1));
                int[] chosen = BestIndices.of(scores, ids, n, m, new float[n]);
                int[] expected = IntStream.range(0, n).boxed()
                        .sorted(Comparator.comparingDouble((Integer i) -> scores[i])
                                .thenComparingLong(i -> ids[i]).reversed())
                        .limit(m).mapToInt(Integer::intValue).sorted().toArray();
                assertThat(chosen).as("%d of %d", m, n).containsExactly(expected);
                assertThat(chosen).isSorted();
            }
        }
    }

    @Test
    void keepsEveryIndexWhenAskedForAsManyAsThereAre() {
        assertThat(BestIndices.of(new float[] {3, 1, 2}, new long[] {1, 2, 3}, 3, 5)).containsExactly(0, 1, 2);
        assertThat(BestIndices.of(new float[] {3, 1, 2}, new long[] {1, 2, 3}, 3, 0)).isEmpty();
        assertThat(BestIndices.of(new float[] {3, 1, 2}, new long[] {1, 2, 3}, 3, 2)).containsExactly(0, 2);
    }
}
