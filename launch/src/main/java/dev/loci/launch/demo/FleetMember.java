package dev.loci.launch.demo;

import dev.loci.sim.robot.Body;
import java.util.List;

/** One robot of the demo's fleet: its name, body, and which of the world's start points it starts from. */
public record FleetMember(String name, Body body, int start) {
    /** The robot that crashes mid-run. */
    public static final String FAILING = "manipulator_1";

    /** A wheeled scout, a mobile manipulator and a slow tall-reach robot: only the last reaches high shelves. */
    public static List<FleetMember> heterogeneous() {
        return List.of(new FleetMember("base_1", Body.wheeledBase(), 0),
                new FleetMember(FAILING, Body.mobileManipulator(), 1),
                new FleetMember("tall_1", Body.tallReach(), 2));
    }
}
