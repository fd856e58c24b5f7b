package dev.loci.sim.task;

import dev.loci.sim.MemoryLink;
import dev.loci.sim.nav.Exploration;
import dev.loci.sim.nav.FrontierClaims;
import dev.loci.sim.nav.Navigator;
import dev.loci.sim.nav.PlaceTour;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.sensor.Perception;
import java.util.ArrayList;
import java.util.List;

/** One robot of a team with its sensors, navigator and explorer, and the trajectory it drove. */
public final class TeamMember {
    private final Robot robot;
    private final Perception perception;
    private final Navigator navigator;
    private final Exploration exploration;
    private final PlaceTour tour;
    private boolean touring;
    private final List<double[]> trajectory = new ArrayList<>();

    public TeamMember(Robot robot, Perception perception, MemoryLink memory, FrontierClaims claims,
                      List<dev.loci.spatial.geometry.Vec3> toured) {
        this.robot = robot;
        this.perception = perception;
        this.navigator = new Navigator(memory, robot);
        this.exploration = new Exploration(memory, robot, navigator, claims);
        this.tour = new PlaceTour(robot, navigator, memory, toured);
    }

    /**
     * One step of exploring to fill memory: frontiers first, then a tour of the places with a look around in
     * each. False once both are done.
     */
    public boolean exploreStep(double now) {
        if (!exploration.finished()) {
            exploration.step(now);
            return true;
        }
        if (!touring) {
            touring = true;
            tour.start(now);
        }
        if (tour.step(now)) {
            return true;
        }
        robot.stop();
        return false;
    }

    public Robot robot() {
        return robot;
    }

    public Perception perception() {
        return perception;
    }

    public Navigator navigator() {
        return navigator;
    }

    public Exploration exploration() {
        return exploration;
    }

    /** (x, y) per recorded tick. */
    public List<double[]> trajectory() {
        return trajectory;
    }

    void record() {
        trajectory.add(new double[] {robot.x(), robot.y()});
    }
}
