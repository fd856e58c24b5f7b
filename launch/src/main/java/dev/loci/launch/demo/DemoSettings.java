package dev.loci.launch.demo;

import dev.loci.spatial.validation.Require;

/**
 * How big a demo run is. Everything in the simulation is in simulated seconds on a fixed step.
 *
 * @param exploreSeconds  most simulated time the robots explore before the tasks start
 * @param fetches         fetch tasks chosen from memory
 * @param finds           go-to-object tasks chosen from memory
 * @param taskSeconds     most simulated time the task phase may take
 * @param failAfter       simulated seconds into the task phase after which the manipulator crashes, on its next
 *                        drive to an object
 * @param queryCalls      ROS 2 service calls of each kind for the latency measurement
 */
public record DemoSettings(String world, long seed, double dt, int senseEvery, double exploreSeconds, int fetches,
                           int finds, double taskSeconds, double failAfter, int queryCalls) {
    public DemoSettings {
        Require.name("world", world);
        Require.inRange("dt", dt, 0.01, 0.5);
        Require.inRange("senseEvery", senseEvery, 1, 100);
        Require.inRange("exploreSeconds", exploreSeconds, 10, 3600);
        Require.inRange("fetches", fetches, 1, 10);
        Require.inRange("finds", finds, 0, 10);
        Require.inRange("taskSeconds", taskSeconds, 10, 7200);
        Require.inRange("failAfter", failAfter, 0, 3600);
        Require.inRange("queryCalls", queryCalls, 1, 100_000);
    }

    public static DemoSettings full(String world, long seed) {
        return new DemoSettings(world, seed, 0.1, 2, 400, 4, 3, 1200, 20, 500);
    }

    /** The same tasks with fewer ROS 2 calls and a shorter cap on the task phase, for tests. */
    public static DemoSettings quick(String world, long seed) {
        return new DemoSettings(world, seed, 0.1, 2, 400, 4, 3, 900, 20, 100);
    }
}
