package dev.loci.spatial.place;

/**
 * Exact Euclidean distance transform (Felzenszwalb and Huttenlocher, "Distance Transforms of Sampled
 * Functions", 2012): two passes of a 1D lower-envelope-of-parabolas transform, linear in the number of cells.
 */
final class DistanceTransform {
    /** Squared distance reported where no obstacle exists at all. */
    static final double FAR = 1e20;

    private DistanceTransform() {
    }

    /**
     * Squared distance, in cells, from each cell centre to the nearest obstacle cell centre; with
     * {@code outsideIsObstacle} the ring of cells just outside the grid counts as obstacle too.
     */
    static double[] squared(boolean[] obstacle, int width, int height, boolean outsideIsObstacle) {
        int pad = outsideIsObstacle ? 1 : 0;
        int w = width + 2 * pad;
        int h = height + 2 * pad;
        double[] f = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int gx = x - pad;
                int gy = y - pad;
                boolean inside = gx >= 0 && gy >= 0 && gx < width && gy < height;
                boolean blocked = inside ? obstacle[gy * width + gx] : true;
                f[y * w + x] = blocked ? 0 : FAR;
            }
        }
        int longest = Math.max(w, h);
        double[] line = new double[longest];
        double[] out = new double[longest];
        double[] z = new double[longest + 1];
        int[] v = new int[longest];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                line[y] = f[y * w + x];
            }
            transform1d(line, h, out, v, z);
            for (int y = 0; y < h; y++) {
                f[y * w + x] = out[y];
            }
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(f, y * w, line, 0, w);
            transform1d(line, w, out, v, z);
            System.arraycopy(out, 0, f, y * w, w);
        }
        if (pad == 0) {
            return f;
        }
        double[] inner = new double[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(f, (y + 1) * w + 1, inner, y * width, width);
        }
        return inner;
    }

    private static void transform1d(double[] f, int n, double[] d, int[] v, double[] z) {
        int k = 0;
        v[0] = 0;
        z[0] = Double.NEGATIVE_INFINITY;
        z[1] = Double.POSITIVE_INFINITY;
        for (int q = 1; q < n; q++) {
            double s = intersection(f, q, v[k]);
            while (s <= z[k]) {
                k--;
                s = intersection(f, q, v[k]);
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        k = 0;
        for (int q = 0; q < n; q++) {
            while (z[k + 1] < q) {
                k++;
            }
            double dq = q - v[k];
            d[q] = dq * dq + f[v[k]];
        }
    }

    private static double intersection(double[] f, int q, int p) {
        return ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * q - 2.0 * p);
    }
}
