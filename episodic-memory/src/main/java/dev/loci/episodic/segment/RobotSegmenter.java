package dev.loci.episodic.segment;

import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One robot's online segmentation: surprise test per event, then refinement of each tentative boundary once
 * {@code refinement.context} events have followed it, which is also when the segment before it closes.
 *
 * <p>Positions are ordinals: the index of an event in the stream of this robot's events seen so far. The buffer
 * holds every event from the start of the earliest still-open segment on, so it is bounded by
 * {@code maxLength + context + minLength} or so.
 */
final class RobotSegmenter {
    private record Entry(StoredEvent stored, float[] vector, EventFeatures features) {
    }

    private record Pending(long ordinal, BoundaryCause cause, SurpriseFeatures surprise, double threshold) {
    }

    private final RobotId robot;
    private final SegmentationSettings settings;
    private final SegmentContext context;
    private final SurpriseThreshold threshold;
    private final List<Entry> buffer = new ArrayList<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long base;
    private long nextOrdinal;
    private long latestStart;
    private Boundary openStart;
    private long lastTimeNanos = -1;
    private int dimensions = -1;

    RobotSegmenter(RobotId robot, SegmentationSettings settings) {
        this.robot = robot;
        this.settings = settings;
        this.context = new SegmentContext(settings.surprise(), settings.keys());
        this.threshold = new SurpriseThreshold(settings.window(), settings.gamma(), settings.minSurprise());
    }

    int buffered() {
        return buffer.size();
    }

    /**
     * Replays an event that is already in a closed segment, after a restart: it updates the surprise window,
     * the running model and the last time as it did the first time round, but is not buffered or segmented.
     */
    void warmUp(StoredEvent stored, float[] vector, boolean startsSegment) {
        checkDimensions(vector);
        if (!buffer.isEmpty()) {
            throw new IllegalStateException("robot " + robot + " has open segments; warm up only before its first"
                    + " new event");
        }
        long time = stored.event().time().nanos();
        double gapSeconds = lastTimeNanos < 0 ? 0 : Math.max(0, time - lastTimeNanos) / 1e9;
        threshold.add(context.surprise(stored.event(), vector, gapSeconds).total());
        if (startsSegment) {
            context.reset();
        }
        context.add(stored.event(), vector);
        lastTimeNanos = time;
    }

    private void checkDimensions(float[] vector) {
        if (dimensions < 0) {
            dimensions = vector.length;
        } else if (vector.length != dimensions) {
            throw new InvalidValueException("textVector", vector.length + " dimensions",
                    "must have the " + dimensions + " dimensions of robot " + robot + "'s earlier vectors");
        }
    }

    List<Segment> observe(StoredEvent stored, float[] vector) {
        checkDimensions(vector);
        long ordinal = nextOrdinal++;
        boolean first = buffer.isEmpty();
        if (first) {
            base = ordinal;
            latestStart = ordinal;
            openStart = Boundary.first(stored.id());
        }
        long time = stored.event().time().nanos();
        double gapSeconds = lastTimeNanos < 0 ? 0 : Math.max(0, time - lastTimeNanos) / 1e9;
        SurpriseFeatures surprise = context.surprise(stored.event(), vector, gapSeconds);
        double limit = threshold.current();
        long length = ordinal - latestStart;
        BoundaryCause cause = null;
        if (!first) {
            if (length >= settings.maxLength()) {
                cause = BoundaryCause.MAX_LENGTH;
            } else if (length >= settings.minLength() && surprise.total() > limit) {
                cause = BoundaryCause.SURPRISE;
            }
        }
        threshold.add(surprise.total());
        buffer.add(new Entry(stored, vector, EventFeatures.of(stored.event(), vector, settings.keys())));
        if (cause != null) {
            pending.addLast(new Pending(ordinal, cause, surprise, limit));
            latestStart = ordinal;
        }
        if (cause != null || first) {
            context.reset(); // after a warm-up the model still describes the last closed segment
        }
        context.add(stored.event(), vector);
        lastTimeNanos = time;
        List<Segment> closed = new ArrayList<>(1);
        while (!pending.isEmpty() && ordinal - pending.peekFirst().ordinal() >= settings.refinement().context()) {
            closed.add(refineOldest(ordinal));
        }
        return closed;
    }

    /** Refines every pending boundary with the context there is, and closes the open segment too. */
    List<Segment> flush() {
        List<Segment> closed = new ArrayList<>();
        long now = nextOrdinal - 1;
        while (!pending.isEmpty()) {
            closed.add(refineOldest(now));
        }
        if (!buffer.isEmpty()) {
            closed.add(new Segment(robot, events(buffer.size()), openStart, Optional.empty()));
            buffer.clear();
        }
        context.reset();
        openStart = null;
        return closed;
    }

    /**
     * Moves the oldest tentative boundary to the best position within the radius, closes the segment before it
     * and, if it was the newest boundary and moved, rebuilds the running model from its new position.
     */
    private Segment refineOldest(long now) {
        Pending tentative = pending.removeFirst();
        RefinementSettings refinement = settings.refinement();
        long chosen = tentative.ordinal();
        double before = 0;
        double after = 0;
        boolean refined = refinement.radius() > 0;
        if (refined) {
            long lo = Math.max(base, tentative.ordinal() - refinement.context());
            long hi = Math.min(now, tentative.ordinal() + refinement.context());
            long nextStart = pending.isEmpty() ? now + 1 : pending.peekFirst().ordinal();
            long minPosition = Math.max(tentative.ordinal() - refinement.radius(),
                    Math.max(base + settings.minLength(), lo + 1));
            long maxPosition = Math.min(tentative.ordinal() + refinement.radius(),
                    Math.min(nextStart - settings.minLength(), hi));
            List<EventFeatures> window = new ArrayList<>((int) (hi - lo + 1));
            for (long o = lo; o <= hi; o++) {
                window.add(buffer.get((int) (o - base)).features());
            }
            SimilarityGraph graph = new SimilarityGraph(window, refinement);
            before = graph.modularity(starts(lo, hi, tentative.ordinal()));
            after = before;
            // A boundary at a long pause stays there: the graph has no notion of time, and moving the boundary
            // would put the pause inside a segment.
            int radius = pinnedByPause(tentative.ordinal()) ? 0 : refinement.radius();
            // Nearest candidates first, so a tie keeps the boundary closest to where surprise put it.
            for (int distance = 1; distance <= radius; distance++) {
                for (long candidate : new long[] {tentative.ordinal() - distance, tentative.ordinal() + distance}) {
                    if (candidate < minPosition || candidate > maxPosition) {
                        continue;
                    }
                    double q = graph.modularity(starts(lo, hi, candidate));
                    if (q > after + 1e-12) {
                        after = q;
                        chosen = candidate;
                    }
                }
            }
        }
        Boundary boundary = new Boundary(buffer.get((int) (chosen - base)).stored().id(),
                buffer.get((int) (tentative.ordinal() - base)).stored().id(), (int) (chosen - tentative.ordinal()),
                tentative.cause(), tentative.surprise(), tentative.threshold(), refined, before, after);
        int closedCount = (int) (chosen - base);
        Segment segment = new Segment(robot, events(closedCount), openStart, Optional.of(boundary));
        buffer.subList(0, closedCount).clear();
        base = chosen;
        openStart = boundary;
        if (pending.isEmpty() && chosen != tentative.ordinal()) {
            latestStart = chosen;
            context.reset();
            for (Entry entry : buffer) {
                context.add(entry.stored().event(), entry.vector());
            }
        }
        return segment;
    }

    private boolean pinnedByPause(long ordinal) {
        if (ordinal == base) {
            return false;
        }
        long gap = time(ordinal) - time(ordinal - 1);
        return gap / 1e9 >= settings.surprise().gapScaleSeconds();
    }

    private long time(long ordinal) {
        return buffer.get((int) (ordinal - base)).stored().event().time().nanos();
    }

    /** Segment starts inside window [lo, hi] (as window indexes) with the refined boundary at {@code at}. */
    private int[] starts(long lo, long hi, long at) {
        List<Long> positions = new ArrayList<>();
        positions.add(lo);
        positions.add(at);
        for (Pending later : pending) {
            if (later.ordinal() <= hi) {
                positions.add(later.ordinal());
            }
        }
        int[] starts = new int[positions.size()];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = (int) (positions.get(i) - lo);
        }
        return starts;
    }

    private List<StoredEvent> events(int count) {
        List<StoredEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(buffer.get(i).stored());
        }
        return events;
    }
}
