package dev.loci.episodic.segment;

import dev.loci.episodic.event.Event;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.Require;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the similarity graph compares events by: the unit text vector, the set of context tokens (place names,
 * task, object ids) and the place.
 */
public final class EventFeatures {
    private final float[] text;
    /** Context tokens as sorted 64-bit hashes: set intersection by merge, no string hashing per comparison. */
    private final long[] context;
    private final Optional<Vec3> place;

    EventFeatures(float[] text, long[] context, Optional<Vec3> place) {
        this.text = text;
        this.context = context;
        this.place = place;
    }

    public static EventFeatures of(Event event, float[] unitTextVector, AttributeKeys keys) {
        Require.present("event", event);
        Require.present("unitTextVector", unitTextVector);
        Set<String> context = new HashSet<>();
        for (String name : keys.placeNames(event)) {
            context.add("place=" + name);
        }
        keys.task(event).ifPresent(task -> context.add("task=" + task));
        for (Long object : event.objects()) {
            context.add("object=" + object);
        }
        long[] hashes = new long[context.size()];
        int i = 0;
        for (String token : context) {
            hashes[i++] = fnv1a(token);
        }
        Arrays.sort(hashes);
        return new EventFeatures(unitTextVector, dedupe(hashes), event.place());
    }

    /**
     * {@code textWeight * cos(text) + attributeWeight * cos(context sets) + placeWeight * exp(-d^2 / 2s^2)}
     * (context tokens compared by 64-bit hash; a collision is a 2^-64 event),
     * divided by the weights that apply (a part is left out when either event lacks it), so it stays in
     * [0, 1] when text vectors are non-negative and in [-1, 1] otherwise. Each part is an inner product of
     * normalised feature maps (binary set indicators, the Gaussian kernel's feature space), so the whole is the
     * cosine of the weighted concatenation of those maps.
     */
    public double similarity(EventFeatures other, RefinementSettings s) {
        double sum = 0;
        double weights = 0;
        if (s.textWeight() > 0) {
            sum += s.textWeight() * dot(text, other.text);
            weights += s.textWeight();
        }
        if (s.attributeWeight() > 0 && context.length > 0 && other.context.length > 0) {
            int shared = 0;
            int i = 0;
            int j = 0;
            while (i < context.length && j < other.context.length) {
                if (context[i] == other.context[j]) {
                    shared++;
                    i++;
                    j++;
                } else if (context[i] < other.context[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            sum += s.attributeWeight() * shared / Math.sqrt((double) context.length * other.context.length);
            weights += s.attributeWeight();
        }
        if (s.placeWeight() > 0 && place.isPresent() && other.place.isPresent()) {
            double d2 = place.get().distanceSquaredTo(other.place.get());
            sum += s.placeWeight() * Math.exp(-d2 / (2 * s.kernelMetres() * s.kernelMetres()));
            weights += s.placeWeight();
        }
        return weights == 0 ? 0 : sum / weights;
    }

    /** Four independent sums: the loop pipelines instead of waiting on one accumulator. */
    private static double dot(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    private static long[] dedupe(long[] sorted) {
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[n++] = sorted[i];
            }
        }
        return n == sorted.length ? sorted : Arrays.copyOf(sorted, n);
    }

    private static long fnv1a(String token) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < token.length(); i++) {
            hash ^= token.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
