package dev.loci.spatial.provenance;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProvenanceTest {
    private static final RobotId ROBOT = RobotId.of("tb3");
    private static final Timestamp TIME = Timestamp.ofNanos(42);

    @Test
    void keepsRobotSourceAndTime() {
        Provenance p = new Provenance(ROBOT, "camera_front", TIME);

        assertThat(p.robot()).isEqualTo(ROBOT);
        assertThat(p.source()).isEqualTo("camera_front");
        assertThat(p.time()).isEqualTo(TIME);
        assertThat(p).isEqualTo(new Provenance(RobotId.of("tb3"), "camera_front", Timestamp.ofNanos(42)));
    }

    @Test
    void refusesMissingRobotOrTime() {
        assertRefused(() -> new Provenance(null, "camera", TIME), "robot", "null", "is required");
        assertRefused(() -> new Provenance(ROBOT, "camera", null), "time", "null", "is required");
    }

    @Test
    void refusesBadSourceLabels() {
        assertRefused(() -> new Provenance(ROBOT, null, TIME), "source", "null", "is required");
        assertRefused(() -> new Provenance(ROBOT, " ", TIME), "source", "\" \"", "must not be empty");
        String tooLong = "s".repeat(65);
        assertRefused(() -> new Provenance(ROBOT, tooLong, TIME), "source", tooLong, "longer than 64");
        assertRefused(() -> new Provenance(ROBOT, "cam\u0000", TIME), "source", "cam\u0000",
                "control character at index 3");
    }

    @Test
    void acceptsFreeTextSourceWithinALabel() {
        assertThat(new Provenance(ROBOT, "task manager (v2)", TIME).source()).isEqualTo("task manager (v2)");
    }
}
