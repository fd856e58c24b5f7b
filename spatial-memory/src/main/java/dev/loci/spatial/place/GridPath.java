package dev.loci.spatial.place;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.Require;
import java.util.List;

/**
 * A planned path: cell centres from the start cell to the goal cell at z = 0, keeping only the points where
 * the direction changes, and its length in metres along the grid moves.
 */
public record GridPath(List<Vec3> points, double lengthM) {
    public GridPath {
        points = List.copyOf(Require.present("path.points", points));
        Require.nonNegative("path.lengthM", lengthM);
    }

    public Vec3 start() {
        return points.get(0);
    }

    public Vec3 goal() {
        return points.get(points.size() - 1);
    }
}
