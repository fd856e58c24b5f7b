package dev.loci.sim.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisitEvaluationTest {
    @TempDir
    Path dir;

    @Test
    void lociGuidedRevisitReachesTheObjectsAlongNearShortestPathsAndTheBaselineIsMeasuredToo() {
        EvaluationSettings small = new EvaluationSettings(1, 3, 1, 0.3, 400, 300);
        List<TaskRecord> records = new RevisitEvaluation(small, dir, System.out::println).episode("household", 1);
        List<TaskRecord> loci = records.stream().filter(r -> r.mode().equals("loci") && r.kind().equals("revisit"))
                .toList();
        List<TaskRecord> baseline = records.stream().filter(r -> r.mode().equals("baseline")).toList();
        assertThat(loci).hasSize(3);
        assertThat(baseline).hasSize(4);
        assertThat(loci).allMatch(r -> r.result().success());
        assertThat(loci.stream().mapToDouble(r -> r.result().spl()).average().orElse(0)).isGreaterThanOrEqualTo(0.8);
        for (TaskRecord r : records) {
            assertThat(r.result().optimalM()).as(r.toString()).isFinite().isPositive();
        }
    }
}
