package dev.loci.spatial.snapshot;

import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;
import java.util.function.LongPredicate;

/**
 * A small set of frames that together show every confirmed object: 3D-Mem's memory snapshots.
 *
 * <p>Objects that are seen together cluster into the frame that sees them; choosing the frames is a set cover
 * over the candidate frames, solved greedily (pick the frame that shows the most still-uncovered objects,
 * ties to the better view, then the newer frame). Each new frame is handled incrementally: if it shows a
 * confirmed object no snapshot covers yet, the greedy step adds frames for just those objects. When increments
 * have grown the set past {@code (1 + slack)} x the last full greedy cover, the cover is recomputed from
 * scratch (at most once per tenth of the candidate count in frames, to bound the cost), so the set returns
 * to within that factor of greedy. Call {@link #recompute} before reading if that bound must hold exactly now. Each covered object is assigned to the snapshot
 * that sees it best; a snapshot left with no objects is dropped.
 *
 * <p>Not thread-safe: the owner serialises updates and reads.
 */
public final class SnapshotMemory {
    private final SnapshotSettings settings;
    private final Map<Long, Candidate> candidates = new LinkedHashMap<>();
    private final Map<Long, Set<Long>> framesShowing = new HashMap<>();
    private final Map<Long, Long> assignment = new HashMap<>();
    private final Map<Long, Set<Long>> snapshots = new TreeMap<>();
    private static final int MIN_FRAMES_BETWEEN_RECOMPUTES = 20;
    private int greedyBaseline;
    private long framesSinceRecompute;
    private long recomputations;

    private record Candidate(FrameRecord frame, Map<Long, Double> quality) {
    }

    public SnapshotSettings settings() {
        return settings;
    }

    public SnapshotMemory(SnapshotSettings settings) {
        this.settings = Require.present("settings", settings);
    }

    /**
     * Takes a new frame into account. {@code confirmed} says which objects have been seen often enough that
     * snapshots must cover them.
     */
    public void add(FrameRecord frame, LongPredicate confirmed) {
        Require.present("frame", frame);
        if (frame.objects().isEmpty()) {
            return;
        }
        Map<Long, Double> quality = new HashMap<>();
        for (int i = 0; i < frame.objects().size(); i++) {
            quality.merge(frame.objects().get(i), frame.viewQualities().get(i), Math::max);
        }
        candidates.put(frame.id(), new Candidate(frame, quality));
        for (Long object : quality.keySet()) {
            framesShowing.computeIfAbsent(object, o -> new HashSet<>()).add(frame.id());
        }
        Set<Long> uncovered = new HashSet<>();
        for (Long object : quality.keySet()) {
            if (confirmed.test(object) && !assignment.containsKey(object)) {
                uncovered.add(object);
            }
        }
        if (!uncovered.isEmpty()) {
            cover(uncovered);
        }
        framesSinceRecompute++;
        // A full recompute costs O(candidates x objects): amortise it over at least a tenth as many frames as
        // there are candidates, so a growing map (every new room adds snapshots) does not recompute per frame.
        if (snapshots.size() > Math.ceil((1 + settings.slack()) * greedyBaseline) + 1
                && framesSinceRecompute >= Math.max(MIN_FRAMES_BETWEEN_RECOMPUTES, candidates.size() / 10)) {
            recompute(confirmed);
        }
        pruneCandidates();
    }

    /** An object moved or vanished: views of it from before no longer show it; it needs covering anew. */
    public void forget(long object, LongPredicate confirmed) {
        Set<Long> frames = framesShowing.remove(object);
        if (frames != null) {
            for (Long frame : frames) {
                Candidate candidate = candidates.get(frame);
                if (candidate != null) {
                    candidate.quality.remove(object);
                }
            }
        }
        Long snapshot = assignment.remove(object);
        if (snapshot != null) {
            snapshots.get(snapshot).remove(object);
            if (snapshots.get(snapshot).isEmpty()) {
                snapshots.remove(snapshot);
            }
        }
    }

    /** Recomputes the greedy cover of every confirmed object from all candidate frames. */
    public void recompute(LongPredicate confirmed) {
        recomputations++;
        framesSinceRecompute = 0;
        assignment.clear();
        snapshots.clear();
        Set<Long> universe = new HashSet<>();
        for (Long object : framesShowing.keySet()) {
            if (confirmed.test(object)) {
                universe.add(object);
            }
        }
        cover(universe);
        greedyBaseline = snapshots.size();
    }

    /** The current snapshots, by frame id. */
    public List<Snapshot> snapshots(LongFunction<String> labelOf) {
        List<Snapshot> all = new ArrayList<>(snapshots.size());
        snapshots.forEach((frame, objects) -> all.add(snapshot(frame, objects, labelOf)));
        return all;
    }

    /**
     * Snapshots that show at least one object of the given classes, best first: most of the asked classes,
     * then most matching objects, then newest.
     */
    public List<Snapshot> forClasses(Set<String> classes, int limit, LongFunction<String> labelOf) {
        Require.present("classes", classes);
        List<Snapshot> matching = new ArrayList<>();
        for (var entry : snapshots.entrySet()) {
            Snapshot snapshot = snapshot(entry.getKey(), entry.getValue(), labelOf);
            if (snapshot.classes().stream().anyMatch(classes::contains)) {
                matching.add(snapshot);
            }
        }
        matching.sort(Comparator.comparingLong((Snapshot s) -> s.classes().stream().filter(classes::contains).count())
                .thenComparingLong(s -> s.objects().stream().filter(o -> classes.contains(labelOf.apply(o))).count())
                .thenComparing(s -> s.frame().time())
                .reversed());
        return matching.subList(0, Math.min(limit, matching.size()));
    }

    /** The snapshot that is the best view of {@code object}, if it is covered. */
    public java.util.Optional<Long> snapshotOf(long object) {
        return java.util.Optional.ofNullable(assignment.get(object));
    }

    public int size() {
        return snapshots.size();
    }

    public int candidateCount() {
        return candidates.size();
    }

    /** How often the cover was rebuilt from scratch (for tests and diagnostics). */
    public long recomputations() {
        return recomputations;
    }

    /**
     * Greedy set cover of {@code uncovered}; adds snapshots and reassigns objects to their best view. Lazy
     * greedy: a frame's gain (uncovered objects it shows) can only fall as others are chosen, so a stale gain
     * popped from the heap is recomputed and re-queued unless it still beats the next one. Same choice as the
     * plain greedy, at a fraction of the cost on maps with thousands of frames.
     */
    private void cover(Set<Long> uncovered) {
        Set<Long> remaining = new HashSet<>(uncovered);
        PriorityQueue<Gain> heap = new PriorityQueue<>();
        Set<Long> considered = new HashSet<>();
        for (Long object : remaining) {
            for (Long frame : framesShowing.getOrDefault(object, Set.of())) {
                if (considered.add(frame)) {
                    Gain gain = gain(candidates.get(frame), remaining);
                    if (gain.count > 0) {
                        heap.add(gain);
                    }
                }
            }
        }
        while (!remaining.isEmpty() && !heap.isEmpty()) {
            Gain top = heap.poll();
            Gain fresh = gain(top.candidate, remaining);
            if (fresh.count == 0) {
                continue;
            }
            if (!heap.isEmpty() && fresh.compareTo(heap.peek()) > 0) {
                heap.add(fresh); // another frame may now show more: try it first
                continue;
            }
            Candidate best = fresh.candidate;
            snapshots.put(best.frame.id(), new HashSet<>());
            for (Long object : best.quality.keySet()) {
                boolean wanted = remaining.remove(object);
                if (wanted || assignment.containsKey(object)) {
                    assignBest(object);
                }
            }
        }
        snapshots.values().removeIf(Set::isEmpty);
    }

    /** How many still-uncovered objects a frame shows, and how well: the greedy step's order. */
    private record Gain(Candidate candidate, int count, double quality) implements Comparable<Gain> {
        /** Best first: more objects, then better views, then the newer frame. */
        @Override
        public int compareTo(Gain other) {
            if (count != other.count) {
                return Integer.compare(other.count, count);
            }
            if (quality != other.quality) {
                return Double.compare(other.quality, quality);
            }
            return Long.compare(other.candidate.frame.id(), candidate.frame.id());
        }
    }

    private static Gain gain(Candidate candidate, Set<Long> remaining) {
        int count = 0;
        double quality = 0;
        for (var seen : candidate.quality.entrySet()) {
            if (remaining.contains(seen.getKey())) {
                count++;
                quality += seen.getValue();
            }
        }
        return new Gain(candidate, count, quality);
    }

    private void assignBest(long object) {
        Long bestFrame = null;
        double bestQuality = -1;
        for (Long frame : framesShowing.getOrDefault(object, Set.of())) {
            if (!snapshots.containsKey(frame)) {
                continue;
            }
            double quality = candidates.get(frame).quality.getOrDefault(object, 0.0);
            if (quality > bestQuality || (quality == bestQuality && frame > bestFrame)) {
                bestFrame = frame;
                bestQuality = quality;
            }
        }
        Long previous = assignment.put(object, bestFrame);
        if (previous != null && !previous.equals(bestFrame)) {
            Set<Long> old = snapshots.get(previous);
            if (old != null) {
                old.remove(object);
            }
        }
        snapshots.get(bestFrame).add(object);
    }

    /** Drops the oldest candidates that are not snapshots once there are too many. */
    private void pruneCandidates() {
        var oldest = candidates.keySet().iterator();
        while (candidates.size() > settings.maxCandidates() && oldest.hasNext()) {
            Long frame = oldest.next();
            if (snapshots.containsKey(frame)) {
                continue;
            }
            for (Long object : candidates.get(frame).quality.keySet()) {
                Set<Long> showing = framesShowing.get(object);
                if (showing != null) {
                    showing.remove(frame);
                }
            }
            oldest.remove();
        }
    }

    private Snapshot snapshot(long frame, Set<Long> objects, LongFunction<String> labelOf) {
        TreeSet<String> classes = new TreeSet<>();
        List<Long> sorted = new ArrayList<>(new TreeSet<>(objects));
        for (Long object : sorted) {
            classes.add(labelOf.apply(object));
        }
        return new Snapshot(candidates.get(frame).frame, sorted, classes);
    }
}
