package dev.loci.bench.semantic.qa;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A scripted day of two robots in a five-room apartment, written into a runtime through its public API, with
 * the ground truth kept beside it: objects (with colours) seen on patrols every half hour with sensor noise,
 * some of them carried elsewhere during the day, and tasks with start and end events. The questions are
 * generated from the truth, not from memory.
 */
final class ScriptedDay {
    static final double HOUR = 3600;
    static final RobotId ROVER = RobotId.of("rover");
    static final RobotId ARM = RobotId.of("arm");
    static final Map<String, Aabb> ROOMS = new LinkedHashMap<>();

    static {
        ROOMS.put("kitchen", new Aabb(new Vec3(0, 0, 0), new Vec3(5, 5, 3)));
        ROOMS.put("living room", new Aabb(new Vec3(5, 0, 0), new Vec3(12, 6, 3)));
        ROOMS.put("bedroom", new Aabb(new Vec3(0, 5, 0), new Vec3(5, 10, 3)));
        ROOMS.put("office", new Aabb(new Vec3(5, 6, 0), new Vec3(12, 10, 3)));
        ROOMS.put("bathroom", new Aabb(new Vec3(12, 0, 0), new Vec3(15, 5, 3)));
    }

    /** One object of the script: where it stands, and (maybe) where it is carried and when. */
    record Thing(String label, String colour, String room, Vec3 at, String movedToRoom, Vec3 movedTo, double movedAt) {
        Vec3 positionAt(double seconds) {
            return movedTo != null && seconds >= movedAt ? movedTo : at;
        }

        String roomAt(double seconds) {
            return movedTo != null && seconds >= movedAt ? movedToRoom : room;
        }
    }

    /** A task: what, who, where, from when to when. */
    record Task(String name, RobotId robot, String room, double start, double end) {
    }

    /** An action event: what was done, by whom, where, when. */
    record Action(String description, RobotId robot, String room, double time) {
    }

    final List<Thing> things = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    final List<Action> actions = new ArrayList<>();
    final double dayStart = 7 * HOUR;
    final double dayEnd = 18 * HOUR;

    ScriptedDay() {
        thing("mug", "red", "kitchen", 1.5, 1.2, "office", 9.0, 8.5, 12 * HOUR);
        thing("water bottle", "blue", "kitchen", 3.5, 1.0, "living room", 7.5, 2.0, 10 * HOUR);
        thing("kettle", "white", "kitchen", 4.2, 3.8);
        thing("apple", "green", "kitchen", 1.0, 3.5);
        thing("toaster", "silver", "kitchen", 4.5, 0.5);
        thing("sofa", "grey", "living room", 8.0, 4.5);
        thing("television", "black", "living room", 11.0, 3.0);
        thing("remote control", "black", "living room", 7.0, 4.0, "bedroom", 2.0, 9.0, 15 * HOUR);
        thing("plant", "green", "living room", 5.5, 0.5);
        thing("bed", "white", "bedroom", 2.5, 8.5);
        thing("pillow", "yellow", "bedroom", 1.0, 9.5);
        thing("book", "brown", "bedroom", 4.0, 6.0, "office", 6.0, 9.5, 15.25 * HOUR);
        thing("shoe", "black", "bedroom", 0.5, 5.5);
        thing("laptop", "grey", "office", 10.0, 8.0);
        thing("desk lamp", "orange", "office", 11.5, 9.5);
        thing("printer", "white", "office", 6.5, 7.0);
        thing("towel", "purple", "bathroom", 13.0, 1.0);
        thing("toothbrush", "blue", "bathroom", 14.5, 4.5);
        thing("soap", "pink", "bathroom", 12.5, 3.0);

        tasks.add(new Task("clean the kitchen floor", ROVER, "kitchen", 8 * HOUR + 600, 8 * HOUR + 3300));
        tasks.add(new Task("deliver the blue water bottle to the living room", ARM, "living room", 9.9 * HOUR,
                10 * HOUR + 120));
        tasks.add(new Task("charge the battery at the dock", ROVER, "office", 13 * HOUR, 14.5 * HOUR));
        tasks.add(new Task("fetch the brown book from the bedroom", ARM, "bedroom", 15 * HOUR, 15.25 * HOUR + 60));
        tasks.add(new Task("water the green plant", ARM, "living room", 16 * HOUR, 16 * HOUR + 420));

        actions.add(new Action("picked up the red mug from the kitchen counter", ARM, "kitchen", 11.9 * HOUR));
        actions.add(new Action("put the red mug down on the office desk", ARM, "office", 12 * HOUR));
        actions.add(new Action("opened the bathroom door", ROVER, "bathroom", 9.5 * HOUR));
        actions.add(new Action("took the remote control to the bedroom", ROVER, "bedroom", 15 * HOUR));
        actions.add(new Action("heard the doorbell ring", ROVER, "living room", 11 * HOUR));
        actions.add(new Action("saw a spill on the kitchen floor", ROVER, "kitchen", 7.5 * HOUR));
    }

    private void thing(String label, String colour, String room, double x, double y) {
        things.add(new Thing(label, colour, room, new Vec3(x, y, 0.8), null, null, Double.MAX_VALUE));
    }

    private void thing(String label, String colour, String room, double x, double y, String toRoom, double tx,
                       double ty, double at) {
        things.add(new Thing(label, colour, room, new Vec3(x, y, 0.8), toRoom, new Vec3(tx, ty, 0.8), at));
    }

    /** Writes the day into {@code memory}: patrols every 30 minutes (alternating robots), tasks, actions. */
    void writeInto(LociRuntime memory, long seed) {
        Random random = new Random(seed);
        List<Observation> batch = new ArrayList<>();
        int patrol = 0;
        for (double t = dayStart; t <= dayEnd; t += 1800, patrol++) {
            RobotId robot = patrol % 2 == 0 ? ROVER : ARM;
            double seconds = t;
            for (String room : ROOMS.keySet()) {
                seconds += 60; // a minute per room
                for (Thing thing : things) {
                    if (!thing.roomAt(seconds).equals(room) || random.nextDouble() < 0.1) {
                        continue; // not here, or missed this time
                    }
                    Vec3 p = thing.positionAt(seconds);
                    Vec3 noisy = new Vec3(p.x() + random.nextGaussian() * 0.03, p.y() + random.nextGaussian() * 0.03,
                            p.z());
                    batch.add(Observation.of(robot, Timestamp.ofSeconds(seconds), "camera",
                                    Pose.of(p.x() - 1, p.y(), 1, 0), thing.label(),
                                    Aabb.centered(noisy, new Vec3(0.2, 0.2, 0.2)), 0.9)
                            .withAttributes(Map.of("colour", thing.colour())));
                }
            }
        }
        memory.ingestAll(batch).join();
        List<Event> events = new ArrayList<>();
        for (Task task : tasks) {
            Vec3 centre = ROOMS.get(task.room()).center();
            events.add(Event.of(task.robot(), Timestamp.ofSeconds(task.start()), EventType.TASK_STARTED,
                    "task_manager", "started task: " + task.name()).at(centre));
            events.add(Event.of(task.robot(), Timestamp.ofSeconds(task.end()), EventType.TASK_FINISHED,
                    "task_manager", "finished task: " + task.name()).at(centre));
        }
        for (Action action : actions) {
            events.add(Event.of(action.robot(), Timestamp.ofSeconds(action.time()), EventType.ACTION, "controller",
                    action.description()).at(ROOMS.get(action.room()).center()));
        }
        events.sort(java.util.Comparator.comparingLong(e -> e.time().nanos()));
        for (Event e : events) {
            memory.record(e).join();
        }
    }

    /** Questions of every type with their truth at the end of the day. */
    List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        for (Thing thing : things) {
            questions.add(Question.position("where did I last see the " + thing.colour() + " " + thing.label() + "?",
                    thing.colour() + " " + thing.label(), thing.positionAt(dayEnd)));
            questions.add(Question.text("what colour is the " + thing.label() + "?", thing.label(), thing.colour()));
            questions.add(Question.text("which room is the " + thing.label() + " in?", thing.label(),
                    thing.roomAt(dayEnd)));
            String otherRoom = ROOMS.keySet().stream().filter(r -> !r.equals(thing.roomAt(dayEnd)))
                    .skip(thing.label().length() % 4).findFirst().orElseThrow();
            questions.add(Question.yesNo("is there a " + thing.label() + " in the " + thing.roomAt(dayEnd) + "?",
                    thing.label(), thing.roomAt(dayEnd), true));
            questions.add(Question.yesNo("is there a " + thing.label() + " in the " + otherRoom + "?", thing.label(),
                    otherRoom, false));
        }
        questions.add(Question.position("where did I last see something to drink?", "something to drink",
                things.get(1).positionAt(dayEnd)));
        for (Action action : actions) {
            questions.add(Question.time("when did I " + paraphrase(action.description()) + "?",
                    action.description(), action.time()));
        }
        for (Task task : tasks) {
            questions.add(Question.time("when did I start to " + task.name() + "?", "started task: " + task.name(),
                    task.start()));
            questions.add(Question.duration("how long did it take to " + task.name() + "?", task.name(),
                    task.end() - task.start()));
        }
        return questions;
    }

    private static String paraphrase(String description) {
        return description.replace("picked up", "pick up").replace("put ", "put ").replace("opened", "open")
                .replace("took", "take").replace("heard", "hear").replace("saw", "see");
    }
}
