package dev.loci.launch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.Timestamp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {
    @TempDir
    Path data;

    @Test
    void leavesAMemoryThatKnowsWhereEachThingIs() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new CommandLine(new DemoCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute("--data", data.toString(), "--seed", "11");
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("? Where did I last see a mug?", "are all there");

        try (LociRuntime memory = LociRuntime.open(data.resolve("demo-session"), LociConfig.DEFAULT)) {
            for (Apartment.Thing thing : Apartment.THINGS) {
                assertThat(memory.nearestOfClass(thing.position(), thing.label(), 1))
                        .as("%s at %s", thing.label(), thing.position())
                        .singleElement()
                        .satisfies(o -> assertThat(o.position().distanceTo(thing.position())).isLessThan(0.1));
            }
            assertThat(memory.objectsOfClass("chair")).hasSize(3);
            assertThat(memory.objectsOfClass("mug")).extracting(RememberedObject::observationCount)
                    .allSatisfy(count -> assertThat(count).isGreaterThan(5));
            assertThat(memory.profiles()).hasSize(3)
                    .allSatisfy(p -> assertThat(p.value().status()).isEqualTo(RobotStatus.IDLE))
                    .allSatisfy(p -> assertThat(p.version()).isGreaterThan(2));
            var finished = memory.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(1e6))
                    .ofTypes(java.util.Set.of(EventType.TASK_FINISHED)));
            assertThat(finished).extracting(e -> e.event().robot().name())
                    .containsExactlyInAnyOrder("rover_1", "arm_1", "drone_1");
        }
    }

    @Test
    void runsTheSameForTheSameSeed() throws Exception {
        String first = run(data.resolve("a"));
        String second = run(data.resolve("b"));
        assertThat(strip(first)).isEqualTo(strip(second));
    }

    private static String run(Path dir) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new CommandLine(new DemoCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute("--data", dir.toString());
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Drops the lines that carry wall-clock durations, sizes and paths. */
    private static String strip(String output) {
        return output.lines().filter(l -> !l.contains(" ms") && !l.contains("Stored in") && !l.contains("memory lives")
                && !l.contains("--data")).reduce("", (a, b) -> a + b + "\n");
    }
}
