package dev.loci.spatial.place;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DistanceTransformTest {

    @Test
    void squaredDistancesEqualBruteForceOnRandomGrids() {
        Random random = new Random(11);
        for (int trial = 0; trial < 60; trial++) {
            int width = 1 + random.nextInt(30);
            int height = 1 + random.nextInt(30);
            boolean[] obstacle = new boolean[width * height];
            for (int i = 0; i < obstacle.length; i++) {
                obstacle[i] = random.nextDouble() < 0.08;
            }
            boolean outside = random.nextBoolean();

            double[] fast = DistanceTransform.squared(obstacle, width, height, outside);

            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    assertThat(fast[y * width + x]).as("trial %d cell (%d, %d)", trial, x, y)
                            .isEqualTo(bruteForce(obstacle, width, height, outside, x, y));
                }
            }
        }
    }

    private static double bruteForce(boolean[] obstacle, int width, int height, boolean outside, int x, int y) {
        double best = DistanceTransform.FAR;
        int pad = outside ? 1 : 0;
        for (int oy = -pad; oy < height + pad; oy++) {
            for (int ox = -pad; ox < width + pad; ox++) {
                boolean inside = ox >= 0 && oy >= 0 && ox < width && oy < height;
                if (inside ? obstacle[oy * width + ox] : outside) {
                    best = Math.min(best, (double) (ox - x) * (ox - x) + (double) (oy - y) * (oy - y));
                }
            }
        }
        return best;
    }
}
