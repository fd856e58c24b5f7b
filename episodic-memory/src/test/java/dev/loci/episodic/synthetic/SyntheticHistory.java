package dev.loci.episodic.synthetic;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * A seeded, scripted robot history: robots move room to room in a building, switch tasks (deliver an item,
 * inspect a room, patrol, recharge), describe what they do and see with noisy wording, and now and then log a
 * distractor (battery, a passer-by, a stray object). Shifts of tasks are separated by hours-long gaps.
 *
 * <p>The scripted boundaries: a new segment starts at every event whose (task, room) pair differs from the
 * previous task-carrying event's. Distractors carry neither and belong to the segment they fall in.
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

    /** What the history holds: events in log order, the scripted segment starts, and object labels. */
    public record History(List<StoredEvent> events, Set<Long> truthStarts, Map<Long, String> labels) {
    }

    private final Random random;
    private final double distractorRate;
    private final Map<Long, String> labels = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> itemsIn = new HashMap<>();
    private long nextItem = 1000;

    public SyntheticHistory(long seed, double distractorRate) {
        this.random = new Random(seed);
        this.distractorRate = distractorRate;
        for (int r = 0; r < ROOMS.size(); r++) {
            itemsIn.put(ROOMS.get(r), new ArrayDeque<>());
            for (int k = 0; k < 4; k++) {
                labels.put(furniture(r, k), ROOMS.get(r) + " " + FURNITURE.get((r * 5 + k * 7) % FURNITURE.size()));
            }
        }
    }

    public static Vec3 centre(String room) {
        int r = ROOMS.indexOf(room);
        return new Vec3(10.0 * (r % 6), 10.0 * (r / 6), 0);
    }

    /** Events of {@code robots} robots, about {@code eventsPerRobot} each, interleaved by time and numbered. */
    public History generate(int robots, int eventsPerRobot) {
        List<List<Event>> streams = new ArrayList<>();
        Set<Event> starts = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int r = 1; r <= robots; r++) {
            streams.add(robotStream(RobotId.of("robot_" + r), eventsPerRobot, starts));
        }
        List<Event> all = new ArrayList<>();
        streams.forEach(all::addAll);
        all.sort(Comparator.comparing(Event::time).thenComparing(Event::robot)); // stable: keeps robot order
        List<StoredEvent> stored = new ArrayList<>(all.size());
        Set<Long> truth = new HashSet<>();
        long id = 1;
        for (Event event : all) {
            stored.add(new StoredEvent(id, event));
            if (starts.contains(event)) {
                truth.add(id);
            }
            id++;
        }
        return new History(stored, truth, Map.copyOf(labels));
    }

    private List<Event> robotStream(RobotId robot, int count, Set<Event> starts) {
        Script script = new Script(robot, starts);
        String room = ROOMS.get(random.nextInt(ROOMS.size()));
        script.time = 1_700_000_000L * 1_000_000_000L + random.nextInt(3600) * 1_000_000_000L;
        int shift = 0;
        while (script.events.size() < count) {
            int tasks = 6 + random.nextInt(7);
            for (int t = 0; t < tasks && script.events.size() < count; t++) {
                room = task(script, room, "shift " + shift);
            }
            shift++;
            script.time += (3600L + random.nextInt(7200)) * 1_000_000_000L; // off shift
        }
        return script.events;
    }

    /** Runs one task from {@code room}; returns the room the robot ends in. */
    private String task(Script s, String room, String shift) {
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

    /** One robot's stream being written: time, the last (task, room) pair and the distractors between events. */
    private final class Script {
        final RobotId robot;
        final Set<Event> starts;
        final List<Event> events = new ArrayList<>();
        long time;
        String lastKey;

        Script(RobotId robot, Set<Event> starts) {
            this.robot = robot;
            this.starts = starts;
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
            if (!key.equals(lastKey)) {
                starts.add(event);
                lastKey = key;
            }
            events.add(event);
            if (random.nextDouble() < distractorRate) {
                time += (1 + random.nextInt(4)) * 1_000_000_000L;
                events.add(distractor(room));
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
