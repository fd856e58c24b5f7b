package dev.loci.bench.semantic.qa;

import dev.loci.spatial.geometry.Vec3;
import java.util.Optional;

/**
 * A templated question about the log with its ground truth. {@code text} is what would be asked; the other
 * fields are the template's slots (what a parser would pull out of the question) and the truth.
 */
record Question(QuestionType type, String text, String subject, Optional<String> room, Vec3 truePosition,
                double trueSeconds, boolean trueYes, String trueText) {
    static Question position(String text, String subject, Vec3 truth) {
        return new Question(QuestionType.POSITION, text, subject, Optional.empty(), truth, 0, false, "");
    }

    static Question time(String text, String subject, double seconds) {
        return new Question(QuestionType.TIME, text, subject, Optional.empty(), Vec3.ZERO, seconds, false, "");
    }

    static Question yesNo(String text, String subject, String room, boolean yes) {
        return new Question(QuestionType.YES_NO, text, subject, Optional.of(room), Vec3.ZERO, 0, yes, "");
    }

    static Question text(String text, String subject, String answer) {
        return new Question(QuestionType.TEXT, text, subject, Optional.empty(), Vec3.ZERO, 0, false, answer);
    }

    static Question duration(String text, String subject, double seconds) {
        return new Question(QuestionType.DURATION, text, subject, Optional.empty(), Vec3.ZERO, seconds, false, "");
    }
}
