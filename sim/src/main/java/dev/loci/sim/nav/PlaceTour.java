package dev.loci.sim.nav;

import dev.loci.sim.MemoryLink;
import dev.loci.sim.robot.Robot;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.place.Place;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A tour of the places memory segmented the free space into: nearest unvisited first, with a full turn at each
 * so the camera sees all around. Teams share the visited list. Used to finish exploring (the lidar closes
 * frontiers faster than the narrower camera sees every surface) and to search for an object moved unseen.
 */
public final class PlaceTour {
    private static final double TURN_SECONDS = 5;

    private final Robot robot;
    private final Navigator navigator;
    private final MemoryLink memory;
    private final List<Vec3> visited;
    private Vec3 current;
    private double turningSince = Double.NaN;

    public PlaceTour(Robot robot, Navigator navigator, MemoryLink memory, List<Vec3> sharedVisited) {
        this.robot = robot;
        this.navigator = navigator;
        this.memory = memory;
        this.visited = sharedVisited;
    }

    public PlaceTour(Robot robot, Navigator navigator, MemoryLink memory) {
        this(robot, navigator, memory, new ArrayList<>());
    }

    public void start(double now) {
        current = null;
        turningSince = Double.NaN;
    }

    /** One step; false once every place has been visited. */
    public boolean step(double now) {
        if (current == null && !next(now)) {
            return false;
        }
        if (!Double.isNaN(turningSince)) {
            robot.command(0, robot.body().maxYawRate());
            if (now - turningSince > TURN_SECONDS) {
                current = null;
                turningSince = Double.NaN;
            }
            return true;
        }
        NavStatus status = navigator.step(now);
        if (status == NavStatus.ARRIVED) {
            turningSince = now;
        } else if (status == NavStatus.UNREACHABLE || status == NavStatus.STUCK) {
            current = null;
        }
        return true;
    }

    private boolean next(double now) {
        double x = robot.x();
        double y = robot.y();
        List<Vec3> anchors = memory.read().places().places().stream().map(Place::anchor)
                .filter(a -> visited.stream().noneMatch(v -> v.distanceTo(a) < 0.5))
                .sorted(Comparator.comparingDouble((Vec3 a) -> Math.hypot(a.x() - x, a.y() - y))
                        .thenComparingDouble(Vec3::x))
                .toList();
        if (anchors.isEmpty()) {
            return false;
        }
        current = anchors.get(0);
        visited.add(current); // claimed: teammates pick other places
        navigator.goTo(new Vec3(current.x(), current.y(), 0), 0.4, now);
        return true;
    }
}
