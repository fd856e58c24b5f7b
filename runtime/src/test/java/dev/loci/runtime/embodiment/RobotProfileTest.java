package dev.loci.runtime.embodiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RobotProfileTest {
    private static final RobotId ID = RobotId.of("tb3");
    private static final Pose POSE = Pose.of(1, 2, 0, 0.5);
    private static final Timestamp BEAT = Timestamp.ofNanos(100);

    private static RobotProfile profile(double footprint, double speed, double reach, double payload,
                                        Set<String> sensors, Set<String> skills, double battery) {
        return new RobotProfile(ID, RobotKind.WHEELED_BASE, footprint, speed, reach, payload, sensors == null ? null
                : new TreeSet<>(sensors), skills == null ? null : new TreeSet<>(skills), battery, RobotStatus.IDLE,
                POSE, BEAT);
    }

    private static RobotProfile valid() {
        return profile(0.2, 0.5, 0, 0, Set.of("lidar"), Set.of("navigate"), 1);
    }

    private static void assertRefused(ThrowingCallable call, String field, String value, String problem) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidValueException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.getMessage()).startsWith(field + " ").contains(problem).endsWith(": " + value);
        });
    }

    @Test
    void keepsEveryField() {
        RobotProfile p = new RobotProfile(ID, RobotKind.TALL_REACH, 0.4, 1.5, 2.1, 3.5,
                new TreeSet<>(Set.of("rgbd", "lidar")), new TreeSet<>(Set.of("pick", "navigate")), 0.6,
                RobotStatus.CHARGING, POSE, BEAT);

        assertThat(p.id()).isEqualTo(ID);
        assertThat(p.kind()).isEqualTo(RobotKind.TALL_REACH);
        assertThat(p.footprintRadius()).isEqualTo(0.4);
        assertThat(p.maxSpeed()).isEqualTo(1.5);
        assertThat(p.reachHeight()).isEqualTo(2.1);
        assertThat(p.payloadKg()).isEqualTo(3.5);
        assertThat(p.sensors()).containsExactly("lidar", "rgbd");
        assertThat(p.skills()).containsExactly("navigate", "pick");
        assertThat(p.battery()).isEqualTo(0.6);
        assertThat(p.status()).isEqualTo(RobotStatus.CHARGING);
        assertThat(p.pose()).isEqualTo(POSE);
        assertThat(p.lastHeartbeat()).isEqualTo(BEAT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1})
    void refusesNonPositiveFootprintAndSpeed(double bad) {
        assertRefused(() -> profile(bad, 0.5, 0, 0, Set.of(), Set.of(), 1), "footprintRadius",
                String.valueOf(bad), "must be positive");
        assertRefused(() -> profile(0.2, bad, 0, 0, Set.of(), Set.of(), 1), "maxSpeed", String.valueOf(bad),
                "must be positive");
    }

    @Test
    void refusesNonFiniteNumbers() {
        assertRefused(() -> profile(Double.NaN, 0.5, 0, 0, Set.of(), Set.of(), 1), "footprintRadius", "NaN",
                "must be finite");
        assertRefused(() -> profile(0.2, Double.POSITIVE_INFINITY, 0, 0, Set.of(), Set.of(), 1), "maxSpeed",
                "Infinity", "must be finite");
        assertRefused(() -> profile(0.2, 0.5, Double.NaN, 0, Set.of(), Set.of(), 1), "reachHeight", "NaN",
                "must be finite");
    }

    @Test
    void refusesNegativeReachAndPayloadButAcceptsZero() {
        assertRefused(() -> profile(0.2, 0.5, -1, 0, Set.of(), Set.of(), 1), "reachHeight", "-1.0",
                "must not be negative");
        assertRefused(() -> profile(0.2, 0.5, 0, -0.5, Set.of(), Set.of(), 1), "payloadKg", "-0.5",
                "must not be negative");
        assertThat(profile(0.2, 0.5, 0, 0, Set.of(), Set.of(), 1).reachHeight()).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.01, 100})
    void refusesBatteryOutsideZeroToOne(double battery) {
        assertRefused(() -> valid().withBattery(battery), "battery", String.valueOf(battery),
                "must be in [0.0, 1.0]");
    }

    @Test
    void acceptsBatteryBounds() {
        assertThat(valid().withBattery(0).battery()).isZero();
        assertThat(valid().withBattery(1).battery()).isEqualTo(1);
    }

    @Test
    void refusesBadSensorAndSkillNames() {
        assertRefused(() -> profile(0.2, 0.5, 0, 0, Set.of("rgb-d"), Set.of(), 1), "sensors", "rgb-d",
                "must match");
        assertRefused(() -> profile(0.2, 0.5, 0, 0, Set.of(), Set.of("2pick"), 1), "skills", "2pick",
                "must match");
        assertRefused(() -> profile(0.2, 0.5, 0, 0, Set.of(""), Set.of(), 1), "sensors", "\"\"",
                "must not be empty");
        assertRefused(() -> profile(0.2, 0.5, 0, 0, null, Set.of(), 1), "sensors", "null", "is required");
    }

    @Test
    void acceptsThirtyTwoNamesButRefusesThirtyThree() {
        Set<String> max = new TreeSet<>();
        for (int i = 0; i < 32; i++) {
            max.add("s" + i);
        }
        Set<String> tooMany = new TreeSet<>(max);
        tooMany.add("s32");

        assertThat(profile(0.2, 0.5, 0, 0, max, max, 1).sensors()).hasSize(32);
        assertRefused(() -> profile(0.2, 0.5, 0, 0, tooMany, Set.of(), 1), "sensors", "33 entries",
                "has more than 32 entries");
        assertRefused(() -> profile(0.2, 0.5, 0, 0, Set.of(), tooMany, 1), "skills", "33 entries",
                "has more than 32 entries");
    }

    @Test
    void refusesMissingParts() {
        assertRefused(() -> new RobotProfile(null, RobotKind.DRONE, 1, 1, 0, 0, new TreeSet<>(), new TreeSet<>(), 1,
                RobotStatus.IDLE, POSE, BEAT), "id", "null", "is required");
        assertRefused(() -> new RobotProfile(ID, null, 1, 1, 0, 0, new TreeSet<>(), new TreeSet<>(), 1,
                RobotStatus.IDLE, POSE, BEAT), "kind", "null", "is required");
        assertRefused(() -> valid().withStatus(null), "status", "null", "is required");
        assertRefused(() -> valid().at(null, BEAT), "pose", "null", "is required");
        assertRefused(() -> valid().at(POSE, null), "lastHeartbeat", "null", "is required");
    }

    @Test
    void copiesNameSetsAndMakesThemUnmodifiable() {
        TreeSet<String> sensors = new TreeSet<>(List.of("lidar"));
        RobotProfile p = new RobotProfile(ID, RobotKind.LEGGED, 0.3, 1, 0, 0, sensors, new TreeSet<>(), 1,
                RobotStatus.IDLE, POSE, BEAT);

        sensors.add("rgbd");

        assertThat(p.sensors()).containsExactly("lidar");
        assertThatThrownBy(() -> p.sensors().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.skills().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void canAnswersFromSkills() {
        RobotProfile p = profile(0.2, 0.5, 1, 1, Set.of(), Set.of("navigate", "pick"), 1);

        assertThat(p.can("pick")).isTrue();
        assertThat(p.can("place")).isFalse();
        assertThat(p.can("Pick")).isFalse();
    }

    @Test
    void withersChangeOnlyTheirField() {
        RobotProfile p = valid();
        Pose moved = Pose.of(5, 5, 0, 1);

        RobotProfile busy = p.withStatus(RobotStatus.BUSY);
        RobotProfile low = p.withBattery(0.1);
        RobotProfile there = p.at(moved, Timestamp.ofNanos(200));

        assertThat(busy).isEqualTo(new RobotProfile(ID, RobotKind.WHEELED_BASE, 0.2, 0.5, 0, 0,
                new TreeSet<>(Set.of("lidar")), new TreeSet<>(Set.of("navigate")), 1, RobotStatus.BUSY, POSE, BEAT));
        assertThat(low.battery()).isEqualTo(0.1);
        assertThat(low.status()).isEqualTo(RobotStatus.IDLE);
        assertThat(there.pose()).isEqualTo(moved);
        assertThat(there.lastHeartbeat()).isEqualTo(Timestamp.ofNanos(200));
        assertThat(there.battery()).isEqualTo(1);
    }

    @Test
    void onlyFailedAndOfflineRobotsAreNotAlive() {
        assertThat(RobotStatus.IDLE.alive()).isTrue();
        assertThat(RobotStatus.BUSY.alive()).isTrue();
        assertThat(RobotStatus.CHARGING.alive()).isTrue();
        assertThat(RobotStatus.FAILED.alive()).isFalse();
        assertThat(RobotStatus.OFFLINE.alive()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(RobotKind.class)
    void kindCodesAndNamesRoundTrip(RobotKind kind) {
        assertThat(RobotKind.ofCode(kind.code())).isSameAs(kind);
        assertThat(RobotKind.parse(" " + kind.name().toLowerCase())).isSameAs(kind);
    }

    @ParameterizedTest
    @EnumSource(RobotStatus.class)
    void statusCodesAndNamesRoundTrip(RobotStatus status) {
        assertThat(RobotStatus.ofCode(status.code())).isSameAs(status);
        assertThat(RobotStatus.parse(status.name().toLowerCase() + " ")).isSameAs(status);
    }

    @Test
    void refusesUnknownKindAndStatusNamingTheValue() {
        assertRefused(() -> RobotKind.ofCode(0), "robot kind code", "0", "is not one of [WHEELED_BASE");
        assertRefused(() -> RobotKind.ofCode(7), "robot kind code", "7", "is not one of");
        assertRefused(() -> RobotKind.parse("tank"), "robot kind", "tank", "is not one of");
        assertRefused(() -> RobotStatus.ofCode(6), "robot status code", "6", "is not one of [IDLE");
        assertRefused(() -> RobotStatus.parse(null), "robot status", "null", "is not one of");
    }

    @Test
    void keepsTheStoredCodes() {
        assertThat(RobotKind.WHEELED_BASE.code()).isEqualTo(1);
        assertThat(RobotKind.HUMANOID.code()).isEqualTo(6);
        assertThat(RobotStatus.IDLE.code()).isEqualTo(1);
        assertThat(RobotStatus.OFFLINE.code()).isEqualTo(5);
    }
}
