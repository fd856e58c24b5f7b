package dev.loci.spatial.occupancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoxelTraversalTest {

    @Test
    void axisAlignedSegmentVisitsEachVoxelOnceUpToButExcludingTheEnd() {
        List<String> visited = new ArrayList<>();
        VoxelTraversal.traverse(0.5, 0.5, 0.5, 4.5, 0.5, 0.5, false, (x, y, z) -> visited.add(x + "," + y + "," + z));
        assertThat(visited).containsExactly("0,0,0", "1,0,0", "2,0,0", "3,0,0");
    }

    @Test
    void includeEndAlsoVisitsTheEndVoxel() {
        List<String> visited = new ArrayList<>();
        VoxelTraversal.traverse(0.5, 0.5, 0.5, -1.5, 0.5, 0.5, true, (x, y, z) -> visited.add(x + "," + y + "," + z));
        assertThat(visited).containsExactly("0,0,0", "-1,0,0", "-2,0,0");
    }

    @Test
    void randomSegmentsVisitAContiguousChainFromStartToEndCoveringEverySampledVoxel() {
        Random random = new Random(42);
        for (int trial = 0; trial < 500; trial++) {
            double[] s = {random.nextDouble() * 20 - 10, random.nextDouble() * 20 - 10, random.nextDouble() * 20 - 10};
            double[] e = {random.nextDouble() * 20 - 10, random.nextDouble() * 20 - 10, random.nextDouble() * 20 - 10};
            List<int[]> chain = new ArrayList<>();
            VoxelTraversal.traverse(s[0], s[1], s[2], e[0], e[1], e[2], true, (x, y, z) -> chain.add(new int[] {x, y, z}));

            assertThat(chain.get(0)).containsExactly(floor(s[0]), floor(s[1]), floor(s[2]));
            assertThat(chain.get(chain.size() - 1)).containsExactly(floor(e[0]), floor(e[1]), floor(e[2]));
            Set<String> keys = new LinkedHashSet<>();
            for (int i = 0; i < chain.size(); i++) {
                int[] v = chain.get(i);
                assertThat(keys.add(v[0] + "," + v[1] + "," + v[2])).as("voxel visited twice").isTrue();
                if (i > 0) {
                    int[] p = chain.get(i - 1);
                    int step = Math.abs(v[0] - p[0]) + Math.abs(v[1] - p[1]) + Math.abs(v[2] - p[2]);
                    assertThat(step).as("face-adjacent step").isEqualTo(1);
                }
            }
            // Every voxel the segment passes through (sampled densely, away from voxel edges) is visited.
            for (int k = 1; k < 2000; k++) {
                double t = k / 2000.0;
                double x = s[0] + t * (e[0] - s[0]);
                double y = s[1] + t * (e[1] - s[1]);
                double z = s[2] + t * (e[2] - s[2]);
                if (nearBoundary(x) || nearBoundary(y) || nearBoundary(z)) {
                    continue;
                }
                assertThat(keys).contains(floor(x) + "," + floor(y) + "," + floor(z));
            }
        }
    }

    private static boolean nearBoundary(double v) {
        double frac = v - Math.floor(v);
        return frac < 1e-6 || frac > 1 - 1e-6;
    }

    private static int floor(double v) {
        return (int) Math.floor(v);
    }
}
