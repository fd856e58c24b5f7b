package dev.loci.bench.semantic.qa;

import dev.loci.bench.semantic.qa.RetrievalAnswerer.Answer;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.semantic.SemanticMemory;
import dev.loci.runtime.semantic.embed.MiniLmEmbedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * NaVQA-style question answering on the scripted day, retrieval only: position error (m), time error (s),
 * yes/no accuracy, text accuracy (exact word), duration error (s). Run:
 * {@code java -cp benchmarks/target/loci-benchmarks.jar dev.loci.bench.semantic.qa.QaEvaluation}.
 */
public final class QaEvaluation {
    /** Per question type: how many, the errors (position, time, duration) or hits (yes/no, text). */
    public record Metrics(Map<QuestionType, List<Double>> errors, Map<QuestionType, Integer> correct,
                          Map<QuestionType, Integer> asked, List<String> misses) {
        public double median(String type) {
            List<Double> e = new ArrayList<>(errors.get(QuestionType.valueOf(type)));
            e.sort(Double::compare);
            return e.isEmpty() ? Double.NaN : e.get(e.size() / 2);
        }

        public double mean(String type) {
            return errors.get(QuestionType.valueOf(type)).stream().mapToDouble(Double::doubleValue).average()
                    .orElse(Double.NaN);
        }

        public double accuracy(String type) {
            QuestionType t = QuestionType.valueOf(type);
            return asked.get(t) == 0 ? Double.NaN : correct.get(t) / (double) asked.get(t);
        }

        public int asked(String type) {
            return asked.get(QuestionType.valueOf(type));
        }
    }

    private QaEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("loci-qa");
        try (MiniLmEmbedder embedder = new MiniLmEmbedder(dir.resolve("models"), 1)) {
            Metrics m = run(dir.resolve("memory"), embedder);
            System.out.printf("questions: position %d, time %d, yes/no %d, text %d, duration %d%n", m.asked("POSITION"),
                    m.asked("TIME"), m.asked("YES_NO"), m.asked("TEXT"), m.asked("DURATION"));
            System.out.printf("position error: median %.2f m, mean %.2f m%n", m.median("POSITION"), m.mean("POSITION"));
            System.out.printf("time error: median %.0f s, mean %.0f s%n", m.median("TIME"), m.mean("TIME"));
            System.out.printf("yes/no accuracy: %.3f%n", m.accuracy("YES_NO"));
            System.out.printf("text accuracy: %.3f%n", m.accuracy("TEXT"));
            System.out.printf("duration error: median %.0f s, mean %.0f s%n", m.median("DURATION"), m.mean("DURATION"));
            m.misses().forEach(miss -> System.out.println("  miss: " + miss));
        }
    }

    /** Writes the scripted day into a new memory in {@code dir}, asks every question, scores the answers. */
    public static Metrics run(Path dir, MiniLmEmbedder embedder) throws IOException {
        ScriptedDay day = new ScriptedDay();
        Map<QuestionType, List<Double>> errors = new EnumMap<>(QuestionType.class);
        Map<QuestionType, Integer> correct = new EnumMap<>(QuestionType.class);
        Map<QuestionType, Integer> asked = new EnumMap<>(QuestionType.class);
        for (QuestionType t : QuestionType.values()) {
            errors.put(t, new ArrayList<>());
            correct.put(t, 0);
            asked.put(t, 0);
        }
        List<String> misses = new ArrayList<>();
        try (LociRuntime memory = LociRuntime.open(dir, LociConfig.DEFAULT)) {
            day.writeInto(memory, 1);
            SemanticMemory semantic = memory.semantic(embedder);
            semantic.awaitIndexed();
            RetrievalAnswerer answerer = new RetrievalAnswerer(memory, semantic, ScriptedDay.ROOMS);
            for (Question q : day.questions()) {
                Answer a = answerer.answer(q);
                asked.merge(q.type(), 1, Integer::sum);
                boolean right;
                switch (q.type()) {
                    case POSITION -> {
                        double error = a.position().map(p -> p.distanceTo(q.truePosition())).orElse(100.0);
                        errors.get(q.type()).add(error);
                        right = error < 0.5;
                    }
                    case TIME, DURATION -> {
                        double error = Double.isNaN(a.seconds()) ? 86_400 : Math.abs(a.seconds() - q.trueSeconds());
                        errors.get(q.type()).add(error);
                        right = error < 60;
                    }
                    case YES_NO -> right = a.yes() == q.trueYes();
                    case TEXT -> right = a.text().equals(q.trueText());
                    default -> throw new IllegalStateException(q.type().toString());
                }
                if (right) {
                    correct.merge(q.type(), 1, Integer::sum);
                } else {
                    misses.add(q.type() + " \"" + q.text() + "\" answered " + a);
                }
            }
        }
        return new Metrics(errors, correct, asked, misses);
    }
}
