package dev.loci.bench.peers;

/**
 * Maps the building's local metres onto Redis' longitude/latitude. Redis stores GEO members as 52-bit geohashes
 * (about 0.6 m steps in longitude at the equator) and measures haversine distances on its Earth sphere, so
 * local metres are scaled up {@link #SCALE} times and placed at the equator: the building becomes 100 km x 60 km
 * (steps of ~0.6 mm local), where the sphere's distortion stays below 1e-4 of a distance. Searches therefore
 * ask for a slightly larger radius ({@link #searchMetres}) and the caller filters the candidates exactly on the
 * coordinates it stored: answers are exact, not approximated by the projection.
 */
final class GeoProjection {
    static final double SCALE = 1000.0;
    /** Redis' Earth radius (geohash_helper.c) times pi / 180: metres per degree along the equator. */
    static final double METRES_PER_DEGREE = 6372797.560856 * Math.PI / 180;
    private static final double RELATIVE_MARGIN = 1e-3;
    private static final double ABSOLUTE_MARGIN_LOCAL_METRES = 0.01;

    private GeoProjection() {
    }

    static double longitude(double x) {
        return x * SCALE / METRES_PER_DEGREE;
    }

    static double latitude(double y) {
        return y * SCALE / METRES_PER_DEGREE;
    }

    /** The radius, in Redis metres, that surely contains every point within {@code localRadius} local metres. */
    static double searchMetres(double localRadius) {
        return (localRadius * (1 + RELATIVE_MARGIN) + ABSOLUTE_MARGIN_LOCAL_METRES) * SCALE;
    }
}
