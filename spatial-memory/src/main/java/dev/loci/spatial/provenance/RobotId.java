package dev.loci.spatial.provenance;

import dev.loci.spatial.validation.Require;

/** A robot's name, usable as a ROS 2 namespace token ({@code /<robot>/...}). */
public record RobotId(String name) implements Comparable<RobotId> {
    public RobotId {
        Require.name("robot", name);
    }

    public static RobotId of(String name) {
        return new RobotId(name);
    }

    @Override
    public int compareTo(RobotId other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
