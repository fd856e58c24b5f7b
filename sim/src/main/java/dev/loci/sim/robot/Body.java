package dev.loci.sim.robot;

import dev.loci.runtime.embodiment.RobotKind;
import dev.loci.spatial.validation.Require;
import java.util.Set;

/**
 * What a simulated robot's body is: its size, speed limits, where its sensors sit and what it can reach. The
 * runtime's {@link dev.loci.runtime.embodiment.RobotProfile} is derived from it.
 *
 * @param bodyHeight   top of the body above the floor (a drone: the bottom of its flight band is altitude)
 * @param altitude     height the body's base moves at: 0 on the floor, above furniture for a drone
 * @param lidarHeight  height of the planar lidar
 * @param cameraHeight height of the detector camera
 * @param cameraPitch  how far the camera looks down, radians
 * @param reachHeight  highest point the effector reaches (0 if it cannot manipulate)
 */
public record Body(RobotKind kind, double footprintRadius, double maxSpeed, double maxYawRate, double altitude,
                   double bodyHeight, double lidarHeight, double cameraHeight, double cameraPitch, double reachHeight, double payloadKg,
                   Set<String> skills) {
    /** Ground robots look 20 degrees down: they see table tops up close and shelves further away. */
    private static final double PITCH = Math.toRadians(20);

    public Body {
        Require.present("kind", kind);
        Require.inRange("footprintRadius", footprintRadius, 0.05, 2);
        Require.inRange("maxSpeed", maxSpeed, 0.01, 10);
        Require.inRange("maxYawRate", maxYawRate, 0.01, 10);
        Require.inRange("altitude", altitude, 0, 5);
        Require.inRange("bodyHeight", bodyHeight, 0.05, 3);
        Require.inRange("lidarHeight", lidarHeight, 0.05, 5);
        Require.inRange("cameraHeight", cameraHeight, 0.05, 5);
        Require.inRange("cameraPitch", cameraPitch, -1, 1.5);
        Require.inRange("reachHeight", reachHeight, 0, 5);
        Require.nonNegative("payloadKg", payloadKg);
        skills = Set.copyOf(skills);
    }

    /** A small differential-drive base: lidar and camera, no arm. */
    public static Body wheeledBase() {
        return new Body(RobotKind.WHEELED_BASE, 0.22, 0.8, 1.6, 0, 0.5, 0.3, 1.1, PITCH, 0, 0,
                Set.of("navigate", "explore", "observe"));
    }

    /** A base with an arm: picks from surfaces up to 1.3 m and places. */
    public static Body mobileManipulator() {
        return new Body(RobotKind.MOBILE_MANIPULATOR, 0.28, 0.6, 1.2, 0, 1.0, 0.3, 1.2, PITCH, 1.3, 3,
                Set.of("navigate", "explore", "observe", "pick", "place"));
    }

    /** A slim base with a mast: sees from 1.8 m and picks from high shelves, but moves slowly. */
    public static Body tallReach() {
        return new Body(RobotKind.TALL_REACH, 0.25, 0.4, 0.8, 0, 1.9, 0.3, 1.8, Math.toRadians(30), 2.1, 2,
                Set.of("navigate", "observe", "pick", "place"));
    }

    /** A small drone flying at 1.6 m: passes over furniture, stopped only by walls; cannot manipulate. */
    public static Body drone() {
        return new Body(RobotKind.DRONE, 0.18, 1.2, 2.0, 1.6, 0.15, 1.65, 1.6, Math.toRadians(35), 0, 0,
                Set.of("navigate", "explore", "observe", "fly"));
    }

    public boolean can(String skill) {
        return skills.contains(skill);
    }

    /** Lowest and highest point of the body while moving: what it collides with. */
    public double bottom() {
        return altitude == 0 ? 0.02 : altitude;
    }

    public double top() {
        return altitude + bodyHeight;
    }
}
