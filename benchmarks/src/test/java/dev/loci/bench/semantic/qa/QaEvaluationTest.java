package dev.loci.bench.semantic.qa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retrieval-only question answering on the scripted day stays within sane bounds (real model). */
class QaEvaluationTest {

    @Test
    void retrievalAnswersTheScriptedDayWithinBounds(@TempDir Path dir) throws Exception {
        QaEvaluation.Metrics m;
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(dir.resolve("models"), 1)) {
            m = QaEvaluation.run(dir.resolve("memory"), embedder);
        }
        m.misses().forEach(System.out::println);

        assertThat(m.asked("POSITION")).isGreaterThanOrEqualTo(20);
        assertThat(m.asked("YES_NO")).isGreaterThanOrEqualTo(30);
        assertThat(m.median("POSITION")).isLessThan(0.25);
        assertThat(m.median("TIME")).isLessThan(60);
        assertThat(m.accuracy("YES_NO")).isGreaterThanOrEqualTo(0.8);
        assertThat(m.accuracy("TEXT")).isGreaterThanOrEqualTo(0.8);
        assertThat(m.median("DURATION")).isLessThan(60);
    }
}
