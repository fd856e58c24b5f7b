package dev.loci.sim.nav;

/** Where a navigation attempt stands after a step. */
public enum NavStatus {
    MOVING,
    ARRIVED,
    /** Memory knows no path to the goal (yet). */
    UNREACHABLE,
    /** The robot made no progress for a while: the map and the world disagree. */
    STUCK
}
