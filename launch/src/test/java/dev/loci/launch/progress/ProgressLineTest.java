package dev.loci.launch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The console side of progress, on a clock the test turns by hand (wall time is what throttles drawing). */
class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATerminalAMinuteOfUpdatesEveryMillisecondGivesAFewPlainLinesAndNoCarriageReturns() {
        ProgressLine progress = new ProgressLine(out, ProgressLine.Mode.PLAIN, clock::get, Duration.ofSeconds(15));
        progress.start("[1/5] exploring");
        AtomicInteger formatted = new AtomicInteger();
        for (int ms = 0; ms <= 60_000; ms++) {
            clock.set(ms * 1_000_000L);
            double fraction = ms / 60_000.0;
            progress.update(fraction, () -> "detail " + formatted.incrementAndGet());
        }
        progress.finish();

        assertThat(printed()).doesNotContain("\r");
        assertThat(printed().lines()).hasSize(4).allMatch(l -> l.startsWith("[1/5] exploring ["));
        assertThat(printed().lines().toList().get(1)).contains(" 50% ", "(30 s)");
        assertThat(formatted.get()).as("the detail is formatted only for the lines printed").isEqualTo(4);
    }

    @Test
    void withoutATerminalAPhaseShorterThanThePeriodPrintsNoProgressAtAll() {
        ProgressLine progress = new ProgressLine(out, ProgressLine.Mode.PLAIN, clock::get, Duration.ofSeconds(15));
        progress.start("tasks");
        for (int ms = 0; ms < 14_000; ms += 10) {
            clock.set(ms * 1_000_000L);
            progress.update(0.5, () -> "half");
        }
        progress.finish();
        progress.say("done");
        assertThat(printed()).isEqualTo("done" + System.lineSeparator());
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAtMostTenTimesASecondAndLinesSaidMeanwhileAppearAboveIt() {
        ProgressLine progress = new ProgressLine(out, ProgressLine.Mode.TERMINAL, clock::get, Duration.ofSeconds(15));
        progress.start("tasks");
        for (int ms = 0; ms < 2_000; ms++) {
            clock.set(ms * 1_000_000L);
            progress.update(ms / 2_000.0, () -> "working");
            if (ms == 1_000) {
                progress.say("task_1 DONE");
            }
        }
        progress.finish();
        String s = printed();

        assertThat(s.chars().filter(c -> c == '\n').count())
                .as("one line of its own; the progress line never ends a line").isEqualTo(1);
        long redraws = s.chars().filter(c -> c == '\r').count();
        assertThat(redraws).isBetween(20L, 2L * 20 + 6);
        assertThat(s).contains("tasks [############------------]  50% working");
        // the said line starts on a cleared line, and the progress line comes back after it
        int said = s.indexOf("task_1 DONE");
        assertThat(s.substring(0, said)).endsWith(" \r");
        assertThat(s.substring(said)).contains(System.lineSeparator() + "\rtasks [");
        assertThat(s).endsWith(" \r");
    }

    @Test
    void anUnknownEndShowsASpinnerAndTheEnvironmentOverridesDetection() {
        ProgressLine progress = new ProgressLine(out, ProgressLine.Mode.TERMINAL, clock::get, Duration.ofSeconds(15));
        progress.start("exploring");
        progress.update(Double.NaN, () -> "t=3 s");
        assertThat(printed()).isEqualTo("\rexploring [|] t=3 s  (0 s)");

        assertThat(ProgressLine.detect(null, true)).isEqualTo(ProgressLine.Mode.TERMINAL);
        assertThat(ProgressLine.detect("", false)).isEqualTo(ProgressLine.Mode.PLAIN);
        assertThat(ProgressLine.detect("off", true)).isEqualTo(ProgressLine.Mode.OFF);
        assertThat(ProgressLine.detect(" Plain ", true)).isEqualTo(ProgressLine.Mode.PLAIN);
        assertThat(ProgressLine.detect("bogus", false)).isEqualTo(ProgressLine.Mode.PLAIN);
    }
}
