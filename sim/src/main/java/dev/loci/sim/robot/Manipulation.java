package dev.loci.sim.robot;

import dev.loci.sim.world.Solid;
import dev.loci.sim.world.SolidKind;
import dev.loci.sim.world.World;
import dev.loci.spatial.geometry.Aabb;
import java.util.Optional;
import java.util.Random;

/**
 * Pick and place for bodies that can: an object can be picked when it is within arm's reach of the base
 * (horizontally) and below the reach height; it is placed on a piece of furniture the base stands beside.
 */
public final class Manipulation {
    /** How far past its footprint the arm reaches, metres. */
    public static final double ARM_LENGTH = 0.9;

    private final World world;
    private final Random random;

    public Manipulation(World world, Random random) {
        this.world = world;
        this.random = random;
    }

    /** Why a pick would fail, or empty if it can be done now. */
    public Optional<String> pickProblem(Robot robot, Solid object) {
        if (!robot.body().can("pick")) {
            return Optional.of(robot.id() + " has no arm");
        }
        if (object.kind() != SolidKind.OBJECT) {
            return Optional.of(object.name() + " is not movable");
        }
        if (robot.carrying().isPresent()) {
            return Optional.of(robot.id() + " already carries something");
        }
        if (world.robotsCarrying(object)) {
            return Optional.of(object.name() + " is held by a robot");
        }
        Aabb box = object.box();
        if (box.max().z() > robot.body().reachHeight()) {
            return Optional.of(object.name() + " is above reach " + robot.body().reachHeight());
        }
        if (horizontalDistance(robot, box) > robot.body().footprintRadius() + ARM_LENGTH) {
            return Optional.of(object.name() + " is out of reach");
        }
        return Optional.empty();
    }

    public boolean pick(Robot robot, Solid object) {
        if (pickProblem(robot, object).isPresent()) {
            return false;
        }
        robot.carry(Optional.of(object.id()));
        world.markCarried(object, true);
        return true;
    }

    /** Places what the robot carries onto {@code furniture} if the base stands beside it. */
    public boolean place(Robot robot, Solid furniture) {
        if (robot.carrying().isEmpty() || furniture.kind() != SolidKind.FURNITURE) {
            return false;
        }
        if (horizontalDistance(robot, furniture.box()) > robot.body().footprintRadius() + ARM_LENGTH) {
            return false;
        }
        Solid object = world.solids().get(robot.carrying().get());
        robot.carry(Optional.empty());
        world.markCarried(object, false);
        world.moveObject(object, furniture.name(), random);
        return true;
    }

    static double horizontalDistance(Robot robot, Aabb box) {
        double cx = Robot.clamp(robot.x(), box.min().x(), box.max().x());
        double cy = Robot.clamp(robot.y(), box.min().y(), box.max().y());
        return Math.hypot(robot.x() - cx, robot.y() - cy);
    }
}
