package dev.loci.sim;

import com.jme3.math.Vector3f;
import com.jme3.scene.Node;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.world.Solid;
import dev.loci.sim.world.World;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The fixed-step clock of a run: no wall clock anywhere. Each {@link #step()} moves every robot by its command,
 * carries held objects along, and updates the scene graph ({@code updateLogicalState(dt); updateGeometricState()}),
 * so the same inputs always give the same trajectories.
 */
public final class Simulation {
    private final World world;
    private final double dt;
    private final long dtNanos;
    private final List<Robot> robots = new ArrayList<>();
    private final Node robotNode = new Node("robots");
    private long tick;

    public Simulation(World world, double dt) {
        this.world = Require.present("world", world);
        this.dt = Require.inRange("dt", dt, 1e-3, 1);
        this.dtNanos = Math.round(dt * 1e9);
        world.root().attachChild(robotNode);
    }

    public World world() {
        return world;
    }

    public double dt() {
        return dt;
    }

    public long tick() {
        return tick;
    }

    /** Simulated time: ticks times the fixed step, from zero. */
    public Timestamp time() {
        return Timestamp.ofNanos(tick * dtNanos);
    }

    public double seconds() {
        return tick * dt;
    }

    public Robot add(Robot robot) {
        robots.add(robot);
        robotNode.attachChild(robot.visual());
        return robot;
    }

    /** Takes a robot out of the run (its node leaves the scene); what it carried stays where it is. */
    public void remove(Robot robot) {
        robots.remove(robot);
        robotNode.detachChild(robot.visual());
    }

    public List<Robot> robots() {
        return Collections.unmodifiableList(robots);
    }

    public void step() {
        for (Robot robot : robots) {
            robot.step(dt, world.index());
            robot.carrying().ifPresent(id -> {
                Solid held = world.solids().get(id);
                float lift = (float) (robot.body().top() + held.box().size().z() / 2 + 0.01);
                held.geometry().setLocalTranslation(new Vector3f((float) robot.x(), (float) robot.y(), lift));
            });
        }
        world.updateScene((float) dt);
        tick++;
    }
}
