package dev.loci.runtime.embodiment;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What a robot is and can do, where it is and whether it is alive: what planners allocate work by.
 *
 * @param footprintRadius metres; the disc the base needs to pass
 * @param maxSpeed        metres per second
 * @param reachHeight     highest point its effector reaches, metres (0 if it cannot manipulate)
 * @param payloadKg       heaviest object it can carry
 * @param sensors         sensor names, e.g. {@code lidar}, {@code rgbd}
 * @param skills          skill names, e.g. {@code navigate}, {@code pick}, {@code place}
 * @param battery         charge in [0, 1]
 */
public record RobotProfile(
        RobotId id,
        RobotKind kind,
        double footprintRadius,
        double maxSpeed,
        double reachHeight,
        double payloadKg,
        SortedSet<String> sensors,
        SortedSet<String> skills,
        double battery,
        RobotStatus status,
        Pose pose,
        Timestamp lastHeartbeat) {

    public static final int MAX_NAMES = 32;

    public RobotProfile {
        Require.present("id", id);
        Require.present("kind", kind);
        Require.positive("footprintRadius", footprintRadius);
        Require.positive("maxSpeed", maxSpeed);
        Require.nonNegative("reachHeight", reachHeight);
        Require.nonNegative("payloadKg", payloadKg);
        sensors = names("sensors", sensors);
        skills = names("skills", skills);
        Require.inRange("battery", battery, 0, 1);
        Require.present("status", status);
        Require.present("pose", pose);
        Require.present("lastHeartbeat", lastHeartbeat);
    }

    public boolean can(String skill) {
        return skills.contains(skill);
    }

    public RobotProfile at(Pose newPose, Timestamp heartbeat) {
        return new RobotProfile(id, kind, footprintRadius, maxSpeed, reachHeight, payloadKg, sensors, skills,
                battery, status, newPose, heartbeat);
    }

    public RobotProfile withStatus(RobotStatus newStatus) {
        return new RobotProfile(id, kind, footprintRadius, maxSpeed, reachHeight, payloadKg, sensors, skills,
                battery, newStatus, pose, lastHeartbeat);
    }

    public RobotProfile withBattery(double newBattery) {
        return new RobotProfile(id, kind, footprintRadius, maxSpeed, reachHeight, payloadKg, sensors, skills,
                newBattery, status, pose, lastHeartbeat);
    }

    private static SortedSet<String> names(String field, Set<String> names) {
        Require.atMost(field, names, MAX_NAMES);
        for (String name : names) {
            Require.name(field, name);
        }
        return Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }
}
