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

    /**
     * A 64-bit key for this robot in composite index keys: FNV-1a over the UTF-8 name, stable across JVMs
     * and releases (String.hashCode's value is not part of its contract). Users of the key must still compare
     * names: distinct robots may, very rarely, share a key.
     */
    public long key() {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
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
