package dev.loci.launch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.episodic.event.EventQuery;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.sim.SimMemory;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo end to end at reduced size: real simulator, real MapDB memory, real planner bridge, real DDS. */
class DemoCommandTest {
    @TempDir
    Path data;

    @Test
    void quickDemoFinishesEveryTaskDespiteTheCrashBeatsNearestRobotAndWritesTheReport() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = new CommandLine(new DemoCommand(new PrintStream(printed, true, StandardCharsets.UTF_8)))
                .execute("--data", data.toString(), "--quick");
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);

        assertThat(exit).as(output).isZero();
        assertThat(output).contains("[1/5] exploring", "CRASHES", "declared FAILED", "[5/5] report");
        // planner <-> robots went over DDS: every command and report arrived, none refused, and the crashed
        // robot was declared failed because its heartbeats stopped arriving
        Matcher wire = Pattern.compile("over ROS 2: (\\d+) skill commands planner -> robots \\((\\d+) arrived\\); "
                + "(\\d+) reports robots -> planner \\((\\d+) heartbeats and (\\d+) outcomes arrived\\); "
                + "(\\d+) refused; (\\d+) heartbeats from the crashed robot after its crash").matcher(output);
        assertThat(wire.find()).as(output).isTrue();
        long commands = Long.parseLong(wire.group(1));
        assertThat(commands).isPositive();
        assertThat(Long.parseLong(wire.group(2))).isEqualTo(commands);
        long reports = Long.parseLong(wire.group(3));
        assertThat(Long.parseLong(wire.group(5))).isPositive();
        assertThat(Long.parseLong(wire.group(4)) + Long.parseLong(wire.group(5))).isEqualTo(reports);
        assertThat(Long.parseLong(wire.group(6))).isZero();
        assertThat(Long.parseLong(wire.group(7))).isZero();

        // robots -> memory went over DDS: the memory node wrote what the robots published, and refused nothing
        Matcher sensors = Pattern.compile("over ROS 2: (\\d+) messages robots -> memory node \\((\\d+) handled, "
                + "(\\d+) refused, (\\d+) best-effort dropped\\)").matcher(output);
        assertThat(sensors.find()).as(output).isTrue();
        long sent = Long.parseLong(sensors.group(1));
        long handled = Long.parseLong(sensors.group(2));
        assertThat(handled).isGreaterThan(1000);
        assertThat(Long.parseLong(sensors.group(3))).isZero();
        assertThat(handled + Long.parseLong(sensors.group(4))).isLessThanOrEqualTo(sent);

        Path report = data.resolve("report");
        assertThat(report.resolve("report.md")).isRegularFile();
        assertThat(report.resolve("exploration.png")).isRegularFile();
        assertThat(report.resolve("tasks-embodiment.png")).isRegularFile();
        assertThat(report.resolve("tasks-nearest.png")).isRegularFile();
        String markdown = Files.readString(report.resolve("report.md"));
        List<Path> snapshots;
        try (Stream<Path> files = Files.list(report)) {
            snapshots = files.filter(f -> f.getFileName().toString().startsWith("snapshot-")).sorted().toList();
        }
        assertThat(snapshots).hasSizeBetween(2, SnapshotGallery.MOST);
        for (Path snapshot : snapshots) {
            BufferedImage image = ImageIO.read(snapshot.toFile());
            assertThat(image).as(snapshot.toString()).isNotNull();
            assertThat(image.getWidth()).isEqualTo(480);
            assertThat(markdown).contains("![" + snapshot.getFileName() + "](" + snapshot.getFileName() + ")");
        }
        assertThat(markdown).contains("## Memory snapshots", "drawn from memory; memory's best view of: ");
        assertThat(markdown).contains("| success rate | 100%", "where_is", "objects_near", "total task time",
                "Embodiment-aware allocation beats nearest-robot allocation on total task time");

        try (LociRuntime memory = SimMemory.open(data.resolve("memory"))) {
            assertThat(memory.profile(RobotId.of(FleetMember.FAILING)).orElseThrow().value().status())
                    .isEqualTo(RobotStatus.FAILED);
            assertThat(memory.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(1e6)))
                    .stream().map(e -> e.event().description()))
                    .anyMatch(d -> d.startsWith("picked "))
                    .anyMatch(d -> d.startsWith("placed "));
        }
    }
}
