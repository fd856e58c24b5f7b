package dev.loci.spatial.provenance;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RobotIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "tb3", "Robot_01", "mobile_manipulator_2", "Z"})
    void acceptsRosNameTokens(String name) {
        assertThat(RobotId.of(name).name()).isEqualTo(name);
        assertThat(RobotId.of(name)).hasToString(name);
    }

    @Test
    void refusesEmptyAndBlankNames() {
        assertRefused(() -> RobotId.of(""), "robot", "\"\"", "must not be empty");
        assertRefused(() -> RobotId.of("   "), "robot", "\"   \"", "must not be empty");
    }

    @Test
    void refusesMissingName() {
        assertRefused(() -> RobotId.of(null), "robot", "null", "is required");
    }

    @Test
    void acceptsSixtyFourCharactersButRefusesSixtyFive() {
        String max = "r" + "x".repeat(63);
        String tooLong = max + "y";

        assertThat(RobotId.of(max).name()).hasSize(64);
        assertRefused(() -> RobotId.of(tooLong), "robot", tooLong, "is longer than 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"robot-1", "robot 1", "robot.1", "robot/1", "røbot", "robot!", "ro\u00a0bot"})
    void refusesCharactersOutsideTheNameAlphabet(String bad) {
        assertRefused(() -> RobotId.of(bad), "robot", bad, "must match [A-Za-z][A-Za-z0-9_]*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1robot", "0", "9_lives", "_robot"})
    void refusesNamesNotStartingWithALetter(String bad) {
        assertRefused(() -> RobotId.of(bad), "robot", bad, "must match");
    }

    @Test
    void refusesControlCharactersNamingTheIndex() {
        assertRefused(() -> RobotId.of("rob\tot"), "robot", "rob\tot", "control character at index 3");
    }

    @Test
    void ordersByName() {
        List<RobotId> ids = new ArrayList<>(List.of(RobotId.of("c"), RobotId.of("a"), RobotId.of("B")));
        Collections.sort(ids);

        assertThat(ids).extracting(RobotId::name).containsExactly("B", "a", "c");
        assertThat(RobotId.of("a")).isEqualTo(new RobotId("a")).hasSameHashCodeAs(new RobotId("a"));
    }
}
