package dev.loci.sim.world;

/** What a solid box in the world is: it decides who may move it and what sensors report. */
public enum SolidKind {
    WALL,
    FURNITURE,
    OBJECT
}
