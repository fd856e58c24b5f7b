package dev.loci.planner.task;

import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.Require;
import java.util.OptionalDouble;

/**
 * Travel distances from spatial memory. Objects usually stand on something the map marks occupied, so a goal
 * that cannot be stood on is approached from the nearest reachable point on rings around it.
 */
public final class PathCosts {
    private static final double[] RINGS_M = {0.5, 0.8, 1.2};
    private static final int DIRECTIONS = 8;

    private final LociRuntime memory;

    public PathCosts(LociRuntime memory) {
        this.memory = Require.present("memory", memory);
    }

    /** Where to stand to reach {@code goal} from {@code from}, and how far that is. */
    public Approach approach(Vec3 from, Vec3 goal) {
        Vec3 start = floor(from);
        Vec3 target = floor(goal);
        OptionalDouble direct = memory.pathDistance(start, target);
        if (direct.isPresent()) {
            return new Approach(target, direct.getAsDouble(), true);
        }
        Approach best = null;
        for (double ring : RINGS_M) {
            for (int d = 0; d < DIRECTIONS; d++) {
                double angle = d * 2 * Math.PI / DIRECTIONS;
                Vec3 standAt = target.plus(new Vec3(Math.cos(angle) * ring, Math.sin(angle) * ring, 0));
                OptionalDouble meters = memory.pathDistance(start, standAt);
                if (meters.isPresent() && (best == null || meters.getAsDouble() < best.meters())) {
                    best = new Approach(standAt, meters.getAsDouble(), true);
                }
            }
            if (best != null) {
                return best;
            }
        }
        return new Approach(target, start.distanceTo(target), false);
    }

    private static Vec3 floor(Vec3 p) {
        return new Vec3(p.x(), p.y(), 0);
    }
}
