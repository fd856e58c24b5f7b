package dev.loci.bench.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loci.bench.workload.WorkloadSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comparison at tiny scale: every store is filled from the same workload and must give the same answers to
 * the same questions, or its ratios would compare different work. Speed is not asserted here.
 */
class PeerComparisonTest {

    @TempDir
    Path directory;

    @Test
    void sqliteAnswersEveryQuestionExactlyAsLociDoes() throws IOException {
        ComparisonResult result = run(List.of(StoreKind.LOCI, StoreKind.SQLITE), 0);

        assertAgreement(result);
        assertThat(result.text()).as("no text workload when --text-samples is 0").isNull();
    }

    @Test
    void redisAnswersEveryQuestionExactlyAsLociDoes() throws IOException {
        boolean installed = RedisServer.installed().isPresent();
        if (System.getenv("CI") != null) {
            assertThat(installed).as("redis-server must be installed in CI (see .ci/run)").isTrue();
        }
        assumeTrue(installed, "redis-server is not installed: apt-get install redis-server");

        ComparisonResult result = run(List.of(StoreKind.LOCI, StoreKind.SQLITE, StoreKind.REDIS), 20);

        assertAgreement(result);
        assertTextAnswers(result);
        assertThat(result.stores().get(2).memoryAfterObservations).isPositive();
    }

    /** {@code textSamples}: 0 leaves the text workload (model load, embedding the corpus) out, to keep CI short. */
    private ComparisonResult run(List<StoreKind> stores, int textSamples) throws IOException {
        ComparisonSettings settings = new ComparisonSettings(WorkloadSettings.DEFAULT, stores, 8_000, 2_000, 100, 200,
                textSamples, 2, 300, 1, directory);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ComparisonResult result = new Comparison(settings, directory.resolve("models"),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        result.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("Loci/SQLite", "radius 2 m", "text query");
        return result;
    }

    private static void assertAgreement(ComparisonResult result) {
        StoreResult loci = result.loci();
        assertThat(loci.objects).isPositive();
        for (StoreResult peer : result.stores()) {
            assertThat(peer.objects).as(peer.name + " objects").isEqualTo(loci.objects);
            assertThat(peer.mismatches).as(peer.name + " answers that differ from Loci's: " + peer.firstMismatch)
                    .allSatisfy((kind, count) -> assertThat(count).isZero());
            assertThat(peer.answerItems).as(peer.name + " answer sizes").allSatisfy((kind, items) ->
                    assertThat(items).as(kind.title).isGreaterThan(100));
            assertThat(peer.queries).allSatisfy((kind, latencies) -> assertThat(latencies.size()).isEqualTo(200));
            assertThat(peer.diskAfterEvents).as(peer.name + " bytes on disk").isPositive();
        }
        assertThat(result.mismatches()).isZero();
    }

    private static void assertTextAnswers(ComparisonResult result) {
        StoreResult loci = result.loci();
        assertThat(result.text()).as("text workload").isNotNull();
        assertThat(result.text().items()).as("objects and events indexed as texts").isGreaterThan(loci.objects);
        for (StoreResult store : result.stores()) {
            assertThat(store.textItems).as(store.name + " text items").isEqualTo(result.text().items());
            assertThat(store.textQueries.size()).as(store.name + " text queries").isEqualTo(20);
        }
        for (StoreResult peer : result.stores().subList(1, result.stores().size())) {
            // The peers scan exact float32 vectors: anything below full recall is a harness bug.
            assertThat(peer.meanRecall()).as(peer.name + " recall@10").isEqualTo(1.0);
        }
        // Loci searches int8 vectors (sketch prefilter at this size is off: under 20k items, exact int8 scan).
        assertThat(loci.meanRecall()).as("Loci recall@10").isGreaterThanOrEqualTo(0.9);
    }
}
