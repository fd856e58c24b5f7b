package dev.loci.planner.task;

import dev.loci.spatial.geometry.Vec3;

/**
 * How to get next to a goal: the floor point to drive to and the distance there.
 *
 * @param known whether the distance is a path through mapped free space; otherwise it is the straight line
 *              (memory has no path yet), which is optimistic
 */
public record Approach(Vec3 standAt, double meters, boolean known) {
}
