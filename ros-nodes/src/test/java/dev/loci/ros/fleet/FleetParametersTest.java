package dev.loci.ros.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.ros.params.RosParameters;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetParametersTest {
    @TempDir
    Path dir;

    private RosParameters load(String fleetSection) throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "loci_memory:\n  ros__parameters:\n    robots: [robot_1]\n" + fleetSection);
        return RosParameters.load(file, "", "loci_memory");
    }

    @Test
    void fleetMemoryIsOffUnlessEnabled() throws Exception {
        assertThat(FleetParameters.from(load("")).enabled()).isFalse();
        assertThat(FleetParameters.from(load("    fleet:\n      robot_id: site_a\n")).enabled()).isFalse();
    }

    @Test
    void enabledFleetReadsItsOriginTopicsAndPacing() throws Exception {
        FleetParameters fleet = FleetParameters.from(load("""
                    fleet:
                      enabled: true
                      robot_id: site_b
                      deltas_topic: fleet/deltas
                      vectors_topic: /hq/fleet/vectors
                      tick: 0.25
                      vector_every: 3
                      max_per_tick: 50
                """));
        assertThat(fleet.origin()).contains(RobotId.of("site_b"));
        assertThat(fleet.link()).isEqualTo(new FleetLink.Settings(Duration.ofMillis(250), 3, 50, "fleet/deltas",
                "/hq/fleet/vectors"));
        FleetParameters defaults = FleetParameters.from(load("    fleet:\n      enabled: true\n      robot_id: a\n"));
        assertThat(defaults.link()).isEqualTo(FleetLink.Settings.DEFAULT);
        assertThat(defaults.link().deltasTopic()).isEqualTo(FleetLink.DELTAS);
    }

    @Test
    void badFleetParametersAreRefusedNamingTheParameter() throws Exception {
        assertThatThrownBy(() -> FleetParameters.from(load("    fleet:\n      enabled: true\n")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("fleet.robot_id");
        assertThatThrownBy(() -> FleetParameters.from(load("    fleet:\n      enabled: true\n      robot_id: 1-bad\n")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("fleet.robot_id").hasMessageContaining("1-bad");
        assertThatThrownBy(() -> FleetParameters.from(load("    fleet:\n      enabled: \"yes\"\n")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("fleet.enabled");
        assertThatThrownBy(() -> FleetParameters.from(load("    fleet:\n      tick: 0\n")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("fleet.tick");
        assertThatThrownBy(() -> FleetParameters.from(load("    fleet:\n      max_per_tick: 0\n")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("fleet.max_per_tick");
        assertThatThrownBy(() -> FleetParameters.from(load(
                "    fleet:\n      deltas_topic: /same\n      vectors_topic: /same\n")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("fleet.vectors_topic");
    }
}
