package dev.loci.bench.episodic;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * The episodic-memory tests' synthetic building (SyntheticHistory in episodic-memory's tests), as a stream so a
 * million events need not be held: robots go room to room doing tasks (deliver an item, inspect, patrol,
 * recharge), describe what they do and see with noisy wording, log distractors, and work in shifts separated by
 * hours. Seeded; events come interleaved by time and numbered in that order. Also keeps what the recall
 * questions are made from: the deliveries and patrols, and a sample of item sightings.
 */
final class SyntheticBuilding {
    static final List<String> ROOMS = List.of("kitchen", "pantry", "laundry", "garage", "lobby", "library",
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
    private static final int SIGHTING_SAMPLE = 20_000;

    private final Random random;
    private final double distractorRate;
    private final Map<Long, String> labels = new HashMap<>();
    private final Map<String, ArrayDeque<Long>> itemsIn = new HashMap<>();
    private final List<Script> robots = new ArrayList<>();
    /** Task attributes of every delivery and patrol started. */
    final List<String> recallableTasks = new ArrayList<>();
    /** A reservoir sample of (item label, room) of events that involved an item. */
    final List<String[]> sightings = new ArrayList<>();
    private long itemEvents;
    private long nextItem = 1000;
    private long nextId = 1;

    SyntheticBuilding(long seed, double distractorRate, int robotCount) {
        this.random = new Random(seed);
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

    String label(long object) {
        return labels.get(object);
    }

    /** The next event in time order across robots. */
    StoredEvent next() {
        Script earliest = null;
        for (Script script : robots) {
            if (script.pending.isEmpty()) {
                script.refill();
            }
            if (earliest == null || script.pending.peekFirst().time().isBefore(earliest.pending.peekFirst().time())) {
                earliest = script;
            }
        }
        Event event = earliest.pending.removeFirst();
        StoredEvent stored = new StoredEvent(nextId++, event);
        event.objects().stream().filter(o -> o >= 1000).findFirst().ifPresent(item -> sample(event, item));
        return stored;
    }

    private void sample(Event event, long item) {
        itemEvents++;
        String[] sighting = {labels.get(item), event.attributes().getOrDefault("room", ""), event.description()};
        if (sightings.size() < SIGHTING_SAMPLE) {
            sightings.add(sighting);
        } else {
            long slot = (long) (random.nextDouble() * itemEvents);
            if (slot < SIGHTING_SAMPLE) {
                sightings.set((int) slot, sighting);
            }
        }
    }

    private final class Script {
        final RobotId robot;
        final ArrayDeque<Event> pending = new ArrayDeque<>();
        long time;
        String room;
        int tasksLeftInShift;

        Script(RobotId robot) {
            this.robot = robot;
        }

        void refill() {
            if (tasksLeftInShift == 0) {
                time += (3600L + random.nextInt(7200)) * 1_000_000_000L; // off shift
                tasksLeftInShift = 6 + random.nextInt(7);
            }
            tasksLeftInShift--;
            room = task();
        }

        /** One task from {@link #room}; returns the room the robot ends in. */
        private String task() {
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
                recallableTasks.add(task);
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
                recallableTasks.add(task);
            } else {
                String dock = ROOMS.get(ROOMS.size() - 1 - random.nextInt(3));
                if (dock.equals(room)) {
                    dock = otherRoom(room);
                }
                task = "recharge at the " + dock + " dock";
                route.add(dock);
            }
            boolean fails = random.nextDouble() < 0.15;
            emit(EventType.TASK_STARTED, "started task " + task, room, task, List.of());
            int prep = 4 + random.nextInt(3);
            for (int i = 1; i < prep; i++) {
                emit(EventType.ACTION, noisy(pick(List.of("planning route for", "checking gripper before",
                        "localising before", "reading map for"))) + " " + task, room, task, List.of());
            }
            for (int leg = 0; leg < route.size(); leg++) {
                String here = route.get(leg);
                time += (20 + random.nextInt(40)) * 1_000_000_000L;
                emit(EventType.ACTION, noisy("navigated to the " + here), here, task, List.of());
                int length = 5 + random.nextInt(10);
                for (int i = 1; i < length; i++) {
                    if (item != 0 && leg == 0 && i == length / 2 && task.startsWith("deliver")) {
                        emit(EventType.ACTION, noisy(pick(PICK) + " the " + labels.get(item) + " from the "
                                + labels.get(furniture(ROOMS.indexOf(here), random.nextInt(4)))), here, task,
                                List.of(item));
                        itemsIn.get(here).remove(item);
                    } else if (item != 0 && leg == 1 && i == length - 1 && !fails) {
                        emit(EventType.ACTION, noisy(pick(PUT) + " the " + labels.get(item) + " on the "
                                + labels.get(furniture(ROOMS.indexOf(here), random.nextInt(4)))), here, task,
                                List.of(item));
                        lay(item, here);
                    } else if (task.startsWith("recharge") && random.nextBoolean()) {
                        emit(EventType.ROBOT_STATE, noisy("charging battery at " + (40 + 5 * i) + " percent"), here,
                                task, List.of());
                    } else {
                        seen(here, task);
                    }
                }
            }
            String end = route.get(route.size() - 1);
            if (fails) {
                emit(EventType.TASK_FAILED, "failed task " + task + ": " + pick(List.of("gripper slipped",
                        "path blocked", "object not found", "battery low")), end, task, List.of());
                if (item != 0) {
                    lay(item, end);
                }
            } else {
                emit(EventType.TASK_FINISHED, "finished task " + task, end, task, List.of());
            }
            return end;
        }

        private void seen(String here, String task) {
            int r = ROOMS.indexOf(here);
            List<Long> objects = new ArrayList<>();
            objects.add(furniture(r, random.nextInt(4)));
            if (random.nextBoolean()) {
                long other = furniture(r, random.nextInt(4));
                if (!objects.contains(other)) {
                    objects.add(other);
                }
            }
            ArrayDeque<Long> lying = itemsIn.get(here);
            if (!lying.isEmpty() && random.nextDouble() < 0.6) {
                objects.add(new ArrayList<>(lying).get(random.nextInt(lying.size())));
            }
            StringBuilder text = new StringBuilder(pick(SAW));
            for (int i = 0; i < objects.size(); i++) {
                text.append(i == 0 ? " the " : i == objects.size() - 1 ? " and the " : ", the ")
                        .append(labels.get(objects.get(i)));
            }
            emit(EventType.OBSERVATION_BATCH, noisy(text.toString()), here, task, objects);
        }

        private void emit(EventType type, String description, String where, String task, List<Long> objects) {
            time += (2 + random.nextInt(7)) * 1_000_000_000L;
            TreeMap<String, String> attributes = new TreeMap<>();
            attributes.put("room", where);
            attributes.put("task", task);
            pending.addLast(new Event(robot, Timestamp.ofNanos(time), type, "tasks", description, attributes,
                    Optional.of(position(where)), objects));
            if (random.nextDouble() < distractorRate) {
                time += (1 + random.nextInt(4)) * 1_000_000_000L;
                pending.addLast(distractor(where));
            }
        }

        private Event distractor(String where) {
            Vec3 place = position(where);
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

        private Vec3 position(String where) {
            int r = ROOMS.indexOf(where);
            return new Vec3(10.0 * (r % 6) + random.nextDouble() * 4 - 2, 10.0 * (r / 6) + random.nextDouble() * 4 - 2,
                    0);
        }
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
}
