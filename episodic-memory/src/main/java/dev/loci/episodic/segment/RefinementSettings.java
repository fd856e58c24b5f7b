package dev.loci.episodic.segment;

import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;

/**
 * Boundary refinement: each tentative boundary may move up to {@code radius} events either way, to the position
 * that maximises the modularity of the similarity graph over the {@code context} events either side of it.
 *
 * @param radius          how far (in events) a boundary may move; 0 turns refinement off
 * @param context         events either side of the tentative boundary that form the graph; a boundary is refined
 *                        (and the segment before it closed) once this many events have followed it
 * @param textWeight      weight of the cosine of the events' text vectors in the edge weight
 * @param attributeWeight weight of the cosine of their context sets (place names, task, object ids)
 * @param placeWeight     weight of the Gaussian kernel of their places' distance
 * @param kernelMetres    the kernel's length scale
 */
public record RefinementSettings(int radius, int context, double textWeight, double attributeWeight,
                                 double placeWeight, double kernelMetres) {
    public static final RefinementSettings DEFAULT = new RefinementSettings(2, 12, 0.4, 0.4, 0.2, 3.0);

    public RefinementSettings {
        if (radius < 0 || radius > 32) {
            throw new InvalidValueException("radius", radius, "must be in [0, 32]");
        }
        if (context < 1 || context > 256) {
            throw new InvalidValueException("context", context, "must be in [1, 256]");
        }
        Require.nonNegative("textWeight", textWeight);
        Require.nonNegative("attributeWeight", attributeWeight);
        Require.nonNegative("placeWeight", placeWeight);
        if (textWeight + attributeWeight + placeWeight <= 0) {
            throw new InvalidValueException("similarity weights", textWeight + attributeWeight + placeWeight,
                    "must not all be zero");
        }
        Require.positive("kernelMetres", kernelMetres);
    }
}
