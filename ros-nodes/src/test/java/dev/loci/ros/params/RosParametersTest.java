package dev.loci.ros.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.ros.memory.MemoryNodeSettings;
import dev.loci.spatial.validation.InvalidValueException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosParametersTest {
    @TempDir
    Path dir;

    @Test
    void nestedParametersFlattenAndTheMostSpecificSectionWins() throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, """
                /**:
                  ros__parameters:
                    frame_id: odom
                    robots: [a]
                loci_memory:
                  ros__parameters:
                    robots: [robot_1, robot_2]
                    topics:
                      detections: vision/detections
                /site_a/loci_memory:
                  ros__parameters:
                    nearby_radius: 5
                """);
        RosParameters params = RosParameters.load(file, "/site_a", "loci_memory");
        MemoryNodeSettings settings = MemoryNodeSettings.from(params, "/site_a");
        assertThat(settings.robots()).containsExactly("robot_1", "robot_2");
        assertThat(settings.frameId()).isEqualTo("odom");
        assertThat(settings.topic("detections")).isEqualTo("vision/detections");
        assertThat(settings.topic("odom")).isEqualTo("odom");
        assertThat(settings.nearbyRadius()).isEqualTo(5.0);
    }

    @Test
    void wrongParametersAreRefusedNamingTheParameter() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "loci_memory:\n  ros__parameters:\n    robots: robot_1\n");
        RosParameters params = RosParameters.load(file, "", "loci_memory");
        assertThatThrownBy(() -> MemoryNodeSettings.from(params, "")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("robots");
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, "some_node:\n  ros__parameters:\n    x: 1\n");
        assertThatThrownBy(() -> RosParameters.load(other, "", "loci_memory"))
                .hasMessageContaining("loci_memory: ros__parameters:");
        Path noRobots = dir.resolve("none.yaml");
        Files.writeString(noRobots, "loci_memory:\n  ros__parameters:\n    frame_id: map\n");
        assertThatThrownBy(() -> MemoryNodeSettings.from(RosParameters.load(noRobots, "", "loci_memory"), ""))
                .hasMessageContaining("robots");
    }
}
