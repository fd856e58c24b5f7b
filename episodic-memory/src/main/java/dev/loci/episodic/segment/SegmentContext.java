package dev.loci.episodic.segment;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.spatial.geometry.Vec3;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The running model of the current segment that a new event is compared with: its mean place, the place names,
 * objects and task it has had, whether its task has ended, and the sum of its text vectors. Reset at every
 * boundary, so "surprising" always means "unlike this segment so far".
 */
final class SegmentContext {
    private final SurpriseSettings weights;
    private final AttributeKeys keys;
    private int events;
    private double sumX;
    private double sumY;
    private double sumZ;
    private int placed;
    private final Set<String> placeNames = new HashSet<>();
    private final Set<Long> objects = new HashSet<>();
    private String task;
    private boolean taskEnded;
    private float[] vectorSum;

    SegmentContext(SurpriseSettings weights, AttributeKeys keys) {
        this.weights = weights;
        this.keys = keys;
    }

    int events() {
        return events;
    }

    /** Surprise of {@code event} (text vector {@code vector}, {@code gapSeconds} after the robot's last event). */
    SurpriseFeatures surprise(Event event, float[] vector, double gapSeconds) {
        double timeGap = Math.min(1, Math.max(0, gapSeconds) / weights.gapScaleSeconds());
        if (events == 0) {
            return SurpriseFeatures.weigh(weights, 0, 0, 0, 0, 0, timeGap);
        }
        double place = 0;
        Optional<Vec3> where = event.place();
        if (where.isPresent() && placed > 0) {
            Vec3 mean = new Vec3(sumX / placed, sumY / placed, sumZ / placed);
            place = Math.min(1, where.get().distanceTo(mean) / weights.placeScaleMetres());
        }
        double placeName = 0;
        List<String> names = keys.placeNames(event);
        if (!names.isEmpty() && !placeNames.isEmpty() && names.stream().noneMatch(placeNames::contains)) {
            placeName = 1;
        }
        double novelObjects = 0;
        if (!event.objects().isEmpty()) {
            int unseen = 0;
            for (Long object : event.objects()) {
                if (!objects.contains(object)) {
                    unseen++;
                }
            }
            novelObjects = (double) unseen / event.objects().size();
        }
        double taskChange = 0;
        Optional<String> eventTask = keys.task(event);
        if (taskEnded || event.type() == EventType.TASK_STARTED
                || (eventTask.isPresent() && task != null && !eventTask.get().equals(task))) {
            taskChange = 1;
        }
        double embedding = 0;
        if (vectorSum != null) {
            embedding = Math.min(1, Math.max(0, 1 - cosine(vector, vectorSum)));
        }
        return SurpriseFeatures.weigh(weights, place, placeName, novelObjects, taskChange, embedding, timeGap);
    }

    void add(Event event, float[] vector) {
        events++;
        event.place().ifPresent(p -> {
            sumX += p.x();
            sumY += p.y();
            sumZ += p.z();
            placed++;
        });
        placeNames.addAll(keys.placeNames(event));
        objects.addAll(event.objects());
        keys.task(event).ifPresent(t -> task = t);
        taskEnded = event.type() == EventType.TASK_FINISHED || event.type() == EventType.TASK_FAILED;
        if (vectorSum == null) {
            vectorSum = new float[vector.length];
        }
        for (int i = 0; i < vector.length; i++) {
            vectorSum[i] += vector[i];
        }
    }

    void reset() {
        events = 0;
        sumX = 0;
        sumY = 0;
        sumZ = 0;
        placed = 0;
        placeNames.clear();
        objects.clear();
        task = null;
        taskEnded = false;
        vectorSum = null;
    }

    /** Cosine of a unit vector with an arbitrary (non-zero or zero) sum vector. */
    private static double cosine(float[] unit, float[] sum) {
        double dot = 0;
        double norm = 0;
        for (int i = 0; i < sum.length; i++) {
            dot += unit[i] * sum[i];
            norm += sum[i] * sum[i];
        }
        return norm == 0 ? 0 : dot / Math.sqrt(norm);
    }
}
