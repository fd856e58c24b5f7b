package dev.loci.sim.nav;

import dev.loci.sim.MemoryLink;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.place.GridPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Global paths from memory's occupancy grid ({@code LociRuntime.path}). The grid is inflated by the robot
 * radius, so a robot hugging a wall, or a goal beside furniture, can sit in a blocked cell: then the nearest
 * free point within a few decimetres stands in for it.
 */
public final class GlobalPlanner {
    private static final double[] NUDGES = {0.1, 0.2, 0.3, 0.45};
    private static final int DIRECTIONS = 8;

    private final MemoryLink memory;

    public GlobalPlanner(MemoryLink memory) {
        this.memory = memory;
    }

    public Optional<GridPath> path(Vec3 from, Vec3 to) {
        Optional<Vec3> start = traversableNear(flat(from));
        Optional<Vec3> goal = start.isEmpty() ? Optional.empty() : traversableNear(flat(to));
        return goal.isEmpty() ? Optional.empty() : memory.read().path(start.get(), goal.get());
    }

    /** The point, or the first point on small rings around it, where a robot may stand on the known map. */
    public Optional<Vec3> traversableNear(Vec3 p) {
        for (Vec3 candidate : around(p)) {
            if (memory.read().path(candidate, candidate).isPresent()) { // a zero-length search: only the cell test
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Path length to exactly {@code to} (no nudging of the goal), from the robot's nearest free point. */
    public OptionalDouble exactDistance(Vec3 from, Vec3 to) {
        Optional<Vec3> start = traversableNear(flat(from));
        if (start.isEmpty()) {
            return OptionalDouble.empty();
        }
        Optional<GridPath> path = memory.read().path(start.get(), flat(to));
        return path.isPresent() ? OptionalDouble.of(path.get().lengthM()) : OptionalDouble.empty();
    }

    public OptionalDouble distance(Vec3 from, Vec3 to) {
        Optional<GridPath> path = path(from, to);
        return path.isPresent() ? OptionalDouble.of(path.get().lengthM()) : OptionalDouble.empty();
    }

    /** The point itself, then points on small rings around it. */
    private static List<Vec3> around(Vec3 p) {
        List<Vec3> points = new ArrayList<>();
        points.add(p);
        for (double r : NUDGES) {
            for (int k = 0; k < DIRECTIONS; k++) {
                double a = 2 * Math.PI * k / DIRECTIONS;
                points.add(new Vec3(p.x() + r * Math.cos(a), p.y() + r * Math.sin(a), p.z()));
            }
        }
        return points;
    }

    static Vec3 flat(Vec3 p) {
        return new Vec3(p.x(), p.y(), 0);
    }
}
