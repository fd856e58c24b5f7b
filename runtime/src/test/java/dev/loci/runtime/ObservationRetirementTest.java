package dev.loci.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObservationRetirementTest {
    private static final int COUNT = 2000;
    /** Observation i is stamped 1 s + i ms (TestObservations): the first 1200 are before this. */
    private static final Timestamp HORIZON = Timestamp.ofNanos(1_000_000_000L + 1200 * 1_000_000L);

    @TempDir
    Path dir;

    @Test
    void retiredObservationsLeaveTheIndexButStayReadableAndObjectsStayAcrossAReopen() throws Exception {
        List<Long> ids = new ArrayList<>();
        List<String> objectsBefore;
        try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            List<Observation> batch = new ArrayList<>();
            for (long i = 0; i < COUNT; i++) {
                batch.add(TestObservations.numbered(5, i));
            }
            runtime.ingestAll(batch).get().forEach(ack -> ids.add(ack.observationId()));
            assertThat(indexedIndexes(runtime)).hasSize(COUNT);
            objectsBefore = objects(runtime);

            long retired = runtime.retireObservations(HORIZON).get();

            assertThat(retired).isEqualTo(1200);
            assertThat(indexedIndexes(runtime)).as("only observations at or after the horizon are indexed")
                    .hasSize(COUNT - 1200).allMatch(i -> i >= 1200);
            assertThat(runtime.observation(ids.get(0))).as("a retired observation is still in the journal")
                    .isPresent();
            assertThat(objects(runtime)).as("fused objects are untouched").isEqualTo(objectsBefore);
            assertThat(runtime.retireObservations(HORIZON).get()).as("retiring again does nothing").isZero();
        }
        try (LociRuntime reopened = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            assertThat(indexedIndexes(reopened)).as("retirement is durable").hasSize(COUNT - 1200)
                    .allMatch(i -> i >= 1200);
            assertThat(objects(reopened)).isEqualTo(objectsBefore);
            reopened.ingest(TestObservations.numbered(5, COUNT)).get();
            assertThat(indexedIndexes(reopened)).as("new observations are indexed").contains((long) COUNT);
        }
    }

    private static Set<Long> indexedIndexes(LociRuntime runtime) {
        return runtime.observationsWithin(new Vec3(25, 20, 0.8), 1000, Optional.empty()).stream()
                .map(TestObservations::indexOf).collect(Collectors.toSet());
    }

    private static List<String> objects(LociRuntime runtime) {
        return runtime.objectsWithin(new Vec3(25, 20, 0.8), 1000).stream()
                .map(o -> o.id() + " " + o.label() + " " + o.observationCount()).sorted().toList();
    }
}
