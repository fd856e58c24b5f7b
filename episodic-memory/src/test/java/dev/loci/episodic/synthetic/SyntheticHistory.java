package dev.loci.episodic.synthetic;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded, scripted robot history, as a stream (a million events need not be held): robots move room to room
 * in a building, switch tasks (deliver an item, inspect a room, patrol, recharge), describe what they do and see
 * with noisy wording, and now and then log a distractor (battery, a passer-by, a stray object). Shifts of tasks
 * are separated by hours-long gaps. Events come interleaved by time across robots, numbered 1, 2, 3... in that
 * order. Shared by the episodic tests and the benchmarks (published in this module's test-jar).
 *
 * <p>The scripted boundaries: a new segment starts at every event whose (task, room) pair differs from the
 * previous task-carrying event's. Distractors carry neither and belong to the segment they fall in.
 *
 * <p>It also keeps what recall questions ({@link RecallQueries}) are made from: every delivery and patrol
 * started, and a reservoir sample of the events that involved an item.
 */
public final class SyntheticHistory {
    public static final List<String> ROOMS = List.of("kitchen", "pantry", "laundry", "garage", "lobby", "library",
            "office", "workshop", "studio", "archive", "cellar", "attic", "nursery", "gym", "lounge", "bathroom",
            "bedroom", "hallway", "dining", "storage", "lab", "mailroom", "greenhouse", "server");
    private static final List<String> FURNITURE = List.of("table", "shelf", "chair", "cabinet", "desk", "sofa",
            "bench", "rack", "counter", "cupboard", "bin", "locker");
    private static final List<String> ITEMS = List.of("parcel", "mug", "bottle", "box", "book", "toolkit", "sample",
            "laptop", "folder", "cup", "plant", "charger");
    private static final List<String> COLOURS = List.of("red", "blue", "green", "yellow", "black", "white", "grey",
            "orange");
    private static final List<String> FILLER = List.of("slowly", "again", "carefully", "now", "lights", "dim",
            "quiet", "ok", "noted", "briefly", "still", "then", "clearly", "partly", "maybe", "there");
    private static final List<String> SAW = List.of("saw", "noticed", "spotted", "detected", "observed");
    private static final List<String> PICK = List.of("picked up", "grabbed", "grasped", "lifted");
    private static final List<String> PUT = List.of("placed", "put down", "set down", "dropped off");

    /** Events kept in the sighting sample: all of them in a test-sized history. */
    private static final int SIGHTING_SAMPLE = 20_000;

    /** A held history: events in log order, the scripted segment starts, and object labels. */
    public record History(List<StoredEvent> events, Set<Long> truthStarts, Map<Long, String> labels) {
    }

    /** An event that involved an item: the item's label, the room, and the event's description. */
    public record Sighting(String label, String room, String description) {
    }

    private final Random random;
    /** Separate from {@link #random}, so sampling does not change the events. */
    private final Random sampler;
    private final double distractorRate;
    private final Map<Long, String> labels = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> itemsIn = new HashMap<>();
    private final List<Script> robots = new ArrayList<>();
    private final List<String> recallableTasks = new ArrayList<>();
    private final List<Sighting> sightings = new ArrayList<>();
    private long itemEvents;
    private long nextItem = 1000;
    private long nextId = 1;
    private boolean lastStartsSegment;

    public SyntheticHistory(long seed, double distractorRate, int robotCount) {
        this.random = new Random(seed);
        this.sampler = new Random(seed * 31 + 7);
        this.distractorRate = distractorRate;
        for (int r = 0; r < ROOMS.size(); r++) {
            itemsIn.put(ROOMS.get(r), new ArrayDeque<>());
            for (int k = 0; k < 4; k++) {
                labels.put(furniture(r, k), ROOMS.get(r) + " " + FURNITURE.get((r * 5 + k * 7) % FURNITURE.size()));
            }
        }
        for (int r = 1; r <= robotCount; r++) {
            Script script = new Script(RobotId.of("robot_" + r));
            script.time = 1_700_000_000L * 1_000_000_000L + random.nextInt(3600) * 1_000_000_000L;
            script.room = ROOMS.get(random.nextInt(ROOMS.size()));
            robots.add(script);
        }
    }

    /** The next event in time order across robots (ties: the lower robot number first). */
    public StoredEvent next() {
        Script earliest = null;
        for (Script script : robots) {
            if (script.pending.isEmpty()) {
                script.refill();
            }
            if (earliest == null || script.pending.peekFirst().event().time()
                    .isBefore(earliest.pending.peekFirst().event().time())) {
                earliest = script;
            }
        }
        Pending next = earliest.pending.removeFirst();
        lastStartsSegment = next.startsSegment();
        StoredEvent stored = new StoredEvent(nextId++, next.event());
        next.event().objects().stream().filter(o -> o >= 1000).findFirst()
                .ifPresent(item -> sample(next.event(), item));
        return stored;
    }

    /** Whether the event last returned by {@link #next()} starts a scripted segment. */
    public boolean lastStartsSegment() {
        return lastStartsSegment;
    }

    /** The next {@code count} events, held, with their scripted segment starts and the labels so far. */
    public History take(int count) {
        List<StoredEvent> events = new ArrayList<>(count);
        Set<Long> truth = new HashSet<>();
        for (int i = 0; i < count; i++) {
            StoredEvent event = next();
            events.add(event);
            if (lastStartsSegment) {
                truth.add(event.id());
            }
        }
        return new History(events, truth, Map.copyOf(labels));
    }

    /** The label of an object (furniture or item) generated so far, or null. */
    public String label(long object) {
        return labels.get(object);
    }

    /** The task attributes of every delivery and patrol started so far. */
    public List<String> recallableTasks() {
        return List.copyOf(recallableTasks);
    }

    /** A uniform sample (at most 20,000) of the events so far that involved an item. */
    public List<Sighting> sightings() {
        return List.copyOf(sightings);
    }

    private void sample(Event event, long item) {
        itemEvents++;
        Sighting sighting = new Sighting(labels.get(item), event.attributes().getOrDefault("room", ""),
                event.description());
        if (sightings.size() < SIGHTING_SAMPLE) {
            sightings.add(sighting);
        } else {
            long slot = (long) (sampler.nextDouble() * itemEvents);
            if (slot < SIGHTING_SAMPLE) {
                sightings.set((int) slot, sighting);
            }
        }
    }

    public static Vec3 centre(String room) {
        int r = ROOMS.indexOf(room);
        return new Vec3(10.0 * (r % 6), 10.0 * (r / 6), 0);
    }

    /** Runs one task from {@code room}; returns the room the robot ends in. */
    private String task(Script s, String room) {
        int kind = random.nextInt(10);
        List<String> route = new ArrayList<>();
        String task;
        long item = 0;
        if (kind < 5) {
            String from = otherRoom(room);
            String to = otherRoom(from);
            ArrayDeque<Long> lying = itemsIn.get(from);
            item = !lying.isEmpty() && random.nextDouble() < 0.3 ? lying.peekFirst() : newItem(from);
            task = "deliver " + labels.get(item) + " from " + from + " to " + to;
            recallableTasks.add(task);
            route.add(from);
            route.add(to);
        } else if (kind < 7) {
            String target = otherRoom(room);
            task = "inspect the " + target;
            route.add(target);
        } else if (kind < 9) {
            String a = otherRoom(room);
            String b = otherRoom(a);
            String c = otherRoom(b);
            task = "patrol " + a + " " + b + " and " + c;
            recallableTasks.add(task);
            route.add(a);
            route.add(b);
            route.add(c);
        } else {
            String dock = ROOMS.get(ROOMS.size() - 1 - random.nextInt(3));
            if (dock.equals(room)) {
                dock = otherRoom(room);
            }
            task = "recharge at the " + dock + " dock";
            route.add(dock);
        }
        boolean fails = random.nextDouble() < 0.15;
        // Start where the robot is: a short preparation segment in the current room.
        s.emit(EventType.TASK_STARTED, "started task " + task, room, task, List.of());
        int prep = 4 + random.nextInt(3);
        for (int i = 1; i < prep; i++) {
            s.emit(EventType.ACTION, noisy(pick(List.of("planning route for", "checking gripper before",
                    "localising before", "reading map for"))) + " " + task, room, task, List.of());
        }
        for (int leg = 0; leg < route.size(); leg++) {
            String here = route.get(leg);
            s.time += (20 + random.nextInt(40)) * 1_000_000_000L;
            s.emit(EventType.ACTION, noisy("navigated to the " + here), here, task, List.of());
            int length = 5 + random.nextInt(10);
            for (int i = 1; i < length; i++) {
                if (item != 0 && leg == 0 && i == length / 2 && task.startsWith("deliver")) {
                    s.emit(EventType.ACTION, noisy(pick(PICK) + " the " + labels.get(item) + " from the "
                            + labels.get(furniture(ROOMS.indexOf(here), random.nextInt(4)))), here, task,
                            List.of(item));
                    itemsIn.get(here).remove(item);
                } else if (item != 0 && leg == 1 && i == length - 1 && !fails) {
                    s.emit(EventType.ACTION, noisy(pick(PUT) + " the " + labels.get(item) + " on the "
                            + labels.get(furniture(ROOMS.indexOf(here), random.nextInt(4)))), here, task,
                            List.of(item));
                    lay(item, here);
                } else if (task.startsWith("recharge") && random.nextBoolean()) {
                    s.emit(EventType.ROBOT_STATE, noisy("charging battery at " + (40 + 5 * i) + " percent"), here,
                            task, List.of());
                } else {
                    Sight sight = seen(here);
                    s.emit(EventType.OBSERVATION_BATCH, sight.text(), here, task, sight.objects());
                }
            }
        }
        String end = route.get(route.size() - 1);
        if (fails) {
            s.emit(EventType.TASK_FAILED, "failed task " + task + ": " + pick(List.of("gripper slipped",
                    "path blocked", "object not found", "battery low")), end, task, List.of());
            if (item != 0) {
                lay(item, end);
            }
        } else {
            s.emit(EventType.TASK_FINISHED, "finished task " + task, end, task, List.of());
        }
        return end;
    }

    private record Sight(String text, List<Long> objects) {
    }

    private Sight seen(String room) {
        int r = ROOMS.indexOf(room);
        List<Long> objects = new ArrayList<>();
        objects.add(furniture(r, random.nextInt(4)));
        if (random.nextBoolean()) {
            long other = furniture(r, random.nextInt(4));
            if (!objects.contains(other)) {
                objects.add(other);
            }
        }
        ArrayDeque<Long> lying = itemsIn.get(room);
        if (!lying.isEmpty() && random.nextDouble() < 0.6) {
            long item = new ArrayList<>(lying).get(random.nextInt(lying.size()));
            objects.add(item);
        }
        StringBuilder text = new StringBuilder(pick(SAW));
        for (int i = 0; i < objects.size(); i++) {
            text.append(i == 0 ? " the " : i == objects.size() - 1 ? " and the " : ", the ")
                    .append(labels.get(objects.get(i)));
        }
        return new Sight(noisy(text.toString()), objects);
    }

    private String noisy(String text) {
        StringBuilder out = new StringBuilder(text);
        int fillers = random.nextInt(3);
        for (int i = 0; i < fillers; i++) {
            out.append(' ').append(pick(FILLER));
        }
        return out.toString();
    }

    private long newItem(String room) {
        long id = nextItem++;
        labels.put(id, pick(COLOURS) + " " + pick(ITEMS) + " " + id);
        lay(id, room);
        return id;
    }

    private void lay(long item, String room) {
        itemsIn.values().forEach(items -> items.remove(item));
        ArrayDeque<Long> items = itemsIn.get(room);
        items.addFirst(item);
        if (items.size() > 5) {
            items.removeLast();
        }
    }

    private static long furniture(int room, int k) {
        return 1 + room * 10L + k;
    }

    private String otherRoom(String room) {
        String other;
        do {
            other = ROOMS.get(random.nextInt(ROOMS.size()));
        } while (other.equals(room));
        return other;
    }

    private String pick(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private record Pending(Event event, boolean startsSegment) {
    }

    /** One robot's script: its queued events (one task at a time), time, room, shift and last (task, room). */
    private final class Script {
        final RobotId robot;
        final ArrayDeque<Pending> pending = new ArrayDeque<>();
        long time;
        String room;
        int tasksLeftInShift;
        String lastKey;

        Script(RobotId robot) {
            this.robot = robot;
        }

        /** Queues the robot's next task (after an off-shift gap when its shift is over). */
        void refill() {
            if (tasksLeftInShift == 0) {
                if (lastKey != null) {
                    time += (3600L + random.nextInt(7200)) * 1_000_000_000L; // off shift
                }
                tasksLeftInShift = 6 + random.nextInt(7);
            }
            tasksLeftInShift--;
            room = task(this, room);
        }

        void emit(EventType type, String description, String room, String task, List<Long> objects) {
            time += (2 + random.nextInt(7)) * 1_000_000_000L;
            Vec3 place = position(room);
            Map<String, String> attributes = new TreeMap<>();
            attributes.put("room", room);
            attributes.put("task", task);
            Event event = new Event(robot, Timestamp.ofNanos(time), type, "tasks", description, new TreeMap<>(
                    attributes), Optional.of(place), objects);
            String key = task + "@" + room;
            pending.add(new Pending(event, !key.equals(lastKey)));
            lastKey = key;
            if (random.nextDouble() < distractorRate) {
                time += (1 + random.nextInt(4)) * 1_000_000_000L;
                pending.add(new Pending(distractor(room), false));
            }
        }

        private Event distractor(String room) {
            Vec3 place = position(room);
            Timestamp at = Timestamp.ofNanos(time);
            return switch (random.nextInt(4)) {
                case 0 -> Event.of(robot, at, EventType.ROBOT_STATE, "monitor",
                        "battery at " + (20 + random.nextInt(80)) + " percent").at(place);
                case 1 -> Event.of(robot, at, EventType.CUSTOM, "monitor",
                        pick(List.of("person walked past", "door slammed", "alarm test", "wifi reconnected")))
                        .at(place);
                case 2 -> Event.of(robot, at, EventType.ROBOT_STATE, "monitor",
                        "motor temperature " + (30 + random.nextInt(40)) + " degrees");
                default -> {
                    long stray = 1 + random.nextInt(ROOMS.size()) * 10L + random.nextInt(4);
                    yield Event.of(robot, at, EventType.OBSERVATION_BATCH, "detector",
                            "glimpsed a " + labels.get(stray).split(" ")[1] + " in passing").at(place)
                            .involving(List.of(stray));
                }
            };
        }

        private Vec3 position(String room) {
            Vec3 c = centre(room);
            return new Vec3(c.x() + (random.nextDouble() * 4 - 2), c.y() + (random.nextDouble() * 4 - 2), 0);
        }
    }
}
