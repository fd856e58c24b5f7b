package dev.loci.episodic.segment;

import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Online event segmentation, per robot (EM-LLM style): each event's surprise under a running model of its
 * robot's current segment decides tentative boundaries; each boundary is then moved within a small radius to
 * maximise the modularity of the event-similarity graph around it, and the segment before it closes. See
 * README-segmentation.md for the exact rule.
 *
 * <p>Feed each robot's events in log order. The state is in memory only: after a restart, {@link #warmUp} with
 * the last closed segments' events (a window's worth), then observe the events logged since. Not thread-safe:
 * the owner serialises calls.
 */
public final class EventSegmenter {
    private final SegmentationSettings settings;
    private final Map<RobotId, RobotSegmenter> robots = new TreeMap<>();

    public EventSegmenter(SegmentationSettings settings) {
        this.settings = Require.present("settings", settings);
    }

    public SegmentationSettings settings() {
        return settings;
    }

    /**
     * Takes the next event of its robot with its unit text vector; returns the segments this closes (usually
     * none, sometimes one), oldest first.
     */
    public List<Segment> observe(StoredEvent event, Embedding textVector) {
        Require.present("event", event);
        Require.present("textVector", textVector);
        return robots.computeIfAbsent(event.event().robot(), robot -> new RobotSegmenter(robot, settings))
                .observe(event, textVector.toArray());
    }

    /**
     * After a restart, replays an event that a closed segment already holds, so the surprise window and the
     * running model are as they were; {@code startsSegment} says whether a closed segment began with it. Only
     * before the robot's first new event.
     */
    public void warmUp(StoredEvent event, Embedding textVector, boolean startsSegment) {
        Require.present("event", event);
        Require.present("textVector", textVector);
        robots.computeIfAbsent(event.event().robot(), robot -> new RobotSegmenter(robot, settings))
                .warmUp(event, textVector.toArray(), startsSegment);
    }

    /** Closes the robot's open segments now (end of a session, shutdown), refining with the context there is. */
    public List<Segment> flush(RobotId robot) {
        Require.present("robot", robot);
        RobotSegmenter segmenter = robots.get(robot);
        return segmenter == null ? List.of() : segmenter.flush();
    }

    /** {@link #flush(RobotId)} for every robot, in robot-name order. */
    public List<Segment> flushAll() {
        List<Segment> closed = new ArrayList<>();
        for (RobotSegmenter segmenter : robots.values()) {
            closed.addAll(segmenter.flush());
        }
        return closed;
    }

    /** Events of the robot that are not yet in a closed segment. */
    public int openEvents(RobotId robot) {
        RobotSegmenter segmenter = robots.get(Require.present("robot", robot));
        return segmenter == null ? 0 : segmenter.buffered();
    }
}
