package dev.loci.runtime.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A writer in a child JVM (on this test's class path) that prints what it has had acknowledged, one line each,
 * until it is SIGKILLed: {@code killAfterMillis} after its first line starting with {@code marker} (its first
 * acknowledged consolidation, forgetting...). Every line it printed reaches {@code onLine} before this returns.
 */
final class KilledChild {
    private static final long FIRST_MARKER_WITHIN_SECONDS = 120;

    private KilledChild() {
    }

    static void runAndKill(Class<?> main, List<String> jvmOptions, List<String> args, String marker,
                           long killAfterMillis, Consumer<String> onLine) throws Exception {
        CountDownLatch firstMarker = new CountDownLatch(1);
        Running running = start(main, jvmOptions, args, line -> {
            onLine.accept(line);
            if (line.startsWith(marker)) {
                firstMarker.countDown();
            }
        });
        Process child = running.process();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_MARKER_WITHIN_SECONDS);
            while (!firstMarker.await(1, TimeUnit.SECONDS)) {
                assertThat(child.isAlive()).as("%s still running before its first %s", main.getSimpleName(), marker)
                        .isTrue();
                assertThat(System.nanoTime()).as("%s printed %s within %d s", main.getSimpleName(), marker,
                        FIRST_MARKER_WITHIN_SECONDS).isLessThan(deadline);
            }
            Thread.sleep(killAfterMillis);
        } finally {
            child.destroyForcibly();
        }
        running.awaitKilled(30);
    }

    /** Like {@link #runAndKill}, for a child that halts itself as SIGKILL would (exit 137) at a moment it picks. */
    static void runUntilHalted(Class<?> main, List<String> jvmOptions, List<String> args, Consumer<String> onLine)
            throws Exception {
        start(main, jvmOptions, args, onLine).awaitKilled(FIRST_MARKER_WITHIN_SECONDS);
    }

    private record Running(Process process, Thread reader) {
        void awaitKilled(long seconds) throws InterruptedException {
            assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("child ended within %d s", seconds).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            reader.join(10_000);
        }
    }

    private static Running start(Class<?> main, List<String> jvmOptions, List<String> args, Consumer<String> onLine)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException endOfStream) {
                // The child died: everything it printed before is recorded.
            }
        });
        reader.start();
        return new Running(child, reader);
    }
}
