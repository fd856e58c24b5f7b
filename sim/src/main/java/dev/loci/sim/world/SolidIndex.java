package dev.loci.sim.world;

import com.jme3.bounding.BoundingBox;
import com.jme3.math.Vector3f;
import java.util.List;

/**
 * The solids' world-space boxes as flat float arrays: the broadphase that ray casting and collision scan
 * instead of walking the scene graph (jME's own Node.collideWith is ~5-10x slower, NOTES.md).
 */
public final class SolidIndex {
    private final List<Solid> solids;
    private final float[] min;
    private final float[] max;

    SolidIndex(List<Solid> solids) {
        this.solids = solids;
        this.min = new float[3 * solids.size()];
        this.max = new float[3 * solids.size()];
        refresh();
    }

    /** Re-reads every bound; fails loudly on a zero-size bound, which would make rays miss silently. */
    void refresh() {
        Vector3f lo = new Vector3f();
        Vector3f hi = new Vector3f();
        for (int i = 0; i < solids.size(); i++) {
            BoundingBox bound = (BoundingBox) solids.get(i).geometry().getWorldBound();
            if (bound == null || bound.getXExtent() <= 0 || bound.getYExtent() <= 0 || bound.getZExtent() <= 0) {
                throw new IllegalStateException("solid " + solids.get(i).name() + " has an empty bound " + bound);
            }
            bound.getMin(lo);
            bound.getMax(hi);
            min[3 * i] = lo.x;
            min[3 * i + 1] = lo.y;
            min[3 * i + 2] = lo.z;
            max[3 * i] = hi.x;
            max[3 * i + 1] = hi.y;
            max[3 * i + 2] = hi.z;
        }
    }

    public int size() {
        return solids.size();
    }

    public Solid solid(int i) {
        return solids.get(i);
    }

    public float minX(int i) {
        return min[3 * i];
    }

    public float minY(int i) {
        return min[3 * i + 1];
    }

    public float minZ(int i) {
        return min[3 * i + 2];
    }

    public float maxX(int i) {
        return max[3 * i];
    }

    public float maxY(int i) {
        return max[3 * i + 1];
    }

    public float maxZ(int i) {
        return max[3 * i + 2];
    }

    /**
     * Slab test: distance along the ray (unit direction) to where it enters box {@code i}, or +Inf if it misses
     * within {@code maxDistance}. A ray starting inside a box enters it at 0.
     */
    public double entry(int i, double ox, double oy, double oz, double dx, double dy, double dz, double maxDistance) {
        int b = 3 * i;
        double[] span = {0, maxDistance};
        if (!clip(span, ox, dx, min[b], max[b]) || !clip(span, oy, dy, min[b + 1], max[b + 1])
                || !clip(span, oz, dz, min[b + 2], max[b + 2])) {
            return Double.POSITIVE_INFINITY;
        }
        return span[0];
    }

    /** Narrows [near, far] to where the ray is between lo and hi on one axis; false once it is empty. */
    private static boolean clip(double[] span, double o, double d, double lo, double hi) {
        if (Math.abs(d) < 1e-12) {
            return o >= lo && o <= hi;
        }
        double t1 = (lo - o) / d;
        double t2 = (hi - o) / d;
        span[0] = Math.max(span[0], Math.min(t1, t2));
        span[1] = Math.min(span[1], Math.max(t1, t2));
        return span[0] <= span[1];
    }
}
