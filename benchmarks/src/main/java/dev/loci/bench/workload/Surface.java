package dev.loci.bench.workload;

import java.util.Random;

/** A horizontal place objects stand on: the floor, a table top or a shelf board (x/y extent, height z). */
record Surface(double minX, double minY, double maxX, double maxY, double height) {

    /** A random x/y on this surface where a footprint of {@code sizeX} x {@code sizeY} fits. */
    double[] randomSpotFor(double sizeX, double sizeY, Random random) {
        return new double[] {
            uniformInside(minX, maxX, sizeX, random),
            uniformInside(minY, maxY, sizeY, random),
        };
    }

    private static double uniformInside(double min, double max, double size, Random random) {
        double low = min + size / 2;
        double high = max - size / 2;
        return high <= low ? (min + max) / 2 : low + random.nextDouble() * (high - low);
    }
}
