package dev.loci.bench.workload;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An endless, reproducible stream of episodic events from all robots, merged in time order (so time increases
 * per robot and overall). Each robot reports on average every {@link #MEAN_GAP_NANOS}: mostly state
 * heartbeats, detection summaries and control actions, now and then a task starting, finishing or failing.
 * Events carry the robot's place; detections and actions name the objects involved.
 */
public final class EventStream implements Iterator<Event> {
    static final long MEAN_GAP_NANOS = 20_000_000L;
    private static final long PURPOSE_ROBOTS = 20;
    private static final long PURPOSE_EVENTS = 21;
    private static final long START_NANOS = 1_000_000_000L;

    /** Event mix, in percent; sums to 100. */
    private static final EventType[] TYPES = {
        EventType.ROBOT_STATE, EventType.OBSERVATION_BATCH, EventType.ACTION, EventType.TASK_STARTED,
        EventType.TASK_FINISHED, EventType.TASK_FAILED, EventType.CUSTOM,
    };
    private static final int[] PERCENT = {40, 25, 20, 6, 5, 1, 3};

    private final int objectCount;
    private final Random random;
    private final List<RobotWalker> robots = new ArrayList<>();
    private final long[] nextTime;
    private final int[] taskCounter;

    public EventStream(WorkloadSettings settings) {
        this.objectCount = settings.objectCount();
        this.random = settings.random(PURPOSE_EVENTS);
        Random robotRandom = settings.random(PURPOSE_ROBOTS);
        this.nextTime = new long[settings.robotCount()];
        this.taskCounter = new int[settings.robotCount()];
        for (int i = 0; i < settings.robotCount(); i++) {
            robots.add(new RobotWalker(RobotWalker.robotName(i), robotRandom));
            nextTime[i] = START_NANOS + gap();
        }
    }

    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public Event next() {
        int robotIndex = earliestRobot();
        long time = nextTime[robotIndex];
        long gap = gap();
        nextTime[robotIndex] = time + gap;
        RobotWalker robot = robots.get(robotIndex);
        robot.advance(gap / 1e9);
        return eventOf(robotIndex, robot, Timestamp.ofNanos(time), drawType());
    }

    private Event eventOf(int robotIndex, RobotWalker robot, Timestamp time, EventType type) {
        Vec3 place = new Vec3(robot.x(), robot.y(), 0);
        SortedMap<String, String> attributes = new TreeMap<>();
        List<Long> objects = List.of();
        String source;
        String description;
        switch (type) {
            case ROBOT_STATE -> {
                source = "state_monitor";
                String battery = String.format(Locale.ROOT, "%.2f", 0.2 + 0.8 * random.nextDouble());
                attributes.put("battery", battery);
                description = "heartbeat, battery " + battery;
            }
            case OBSERVATION_BATCH -> {
                source = "detector";
                objects = someObjects(1 + random.nextInt(5));
                description = "detected " + objects.size() + " objects";
            }
            case ACTION -> {
                source = "controller";
                objects = someObjects(1);
                description = random.nextBoolean() ? "navigate towards object " + objects.get(0)
                        : "pick object " + objects.get(0);
            }
            case TASK_STARTED, TASK_FINISHED, TASK_FAILED -> {
                source = "task_manager";
                if (type == EventType.TASK_STARTED) {
                    taskCounter[robotIndex]++;
                }
                String task = robot.id().name() + "_task_" + taskCounter[robotIndex];
                attributes.put("task", task);
                description = task + " " + type.name().toLowerCase(Locale.ROOT).replace("task_", "");
            }
            default -> {
                source = "operator";
                description = "note from the operator";
            }
        }
        return new Event(robot.id(), time, type, source, description, attributes, Optional.of(place), objects);
    }

    private List<Long> someObjects(int count) {
        List<Long> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(1L + random.nextInt(objectCount));
        }
        return ids;
    }

    private EventType drawType() {
        int roll = random.nextInt(100);
        for (int i = 0; i < TYPES.length; i++) {
            roll -= PERCENT[i];
            if (roll < 0) {
                return TYPES[i];
            }
        }
        return EventType.CUSTOM;
    }

    /** Exponential gaps (a Poisson process), at least a microsecond so a robot's times strictly increase. */
    private long gap() {
        return Math.max(1_000, Math.round(-Math.log(1 - random.nextDouble()) * MEAN_GAP_NANOS));
    }

    private int earliestRobot() {
        int earliest = 0;
        for (int i = 1; i < nextTime.length; i++) {
            if (nextTime[i] < nextTime[earliest]) {
                earliest = i;
            }
        }
        return earliest;
    }
}
