package dev.loci.sim.sensor;

/** Where a ray first met a solid: distance along the ray and the solid's index, or a miss. */
public record RayHit(double distance, int solid) {
    public static final RayHit MISS = new RayHit(Double.POSITIVE_INFINITY, -1);

    public boolean hit() {
        return solid >= 0;
    }
}
