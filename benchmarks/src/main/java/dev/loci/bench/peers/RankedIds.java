package dev.loci.bench.peers;

import dev.loci.spatial.geometry.Vec3;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects (id, position) candidates a peer's index returned, keeps those within a radius (exact, 3D) and
 * ranks them nearest first, ties to the lower id: Loci's order, so answers compare element by element.
 */
final class RankedIds {
    private final Vec3 center;
    private long[] ids = new long[64];
    private double[] distances2 = new double[64];
    private int size;

    RankedIds(Vec3 center) {
        this.center = center;
    }

    /** Adds the candidate if it lies within {@code radius2} (squared metres) of the centre. */
    void offer(long id, double x, double y, double z, double radius2) {
        double d2 = new Vec3(x, y, z).distanceSquaredTo(center);
        if (d2 <= radius2) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                distances2 = Arrays.copyOf(distances2, size * 2);
            }
            ids[size] = id;
            distances2[size] = d2;
            size++;
        }
    }

    int size() {
        return size;
    }

    /** The first {@code limit} ids, nearest first. */
    List<Long> nearest(int limit) {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> distances2[a] != distances2[b] ? Double.compare(distances2[a], distances2[b])
                : Long.compare(ids[a], ids[b]));
        List<Long> ranked = new ArrayList<>(Math.min(limit, size));
        for (int i = 0; i < size && i < limit; i++) {
            ranked.add(ids[order[i]]);
        }
        return ranked;
    }
}
