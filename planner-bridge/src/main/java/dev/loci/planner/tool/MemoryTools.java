package dev.loci.planner.tool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.place.Place;
import dev.loci.spatial.place.PlaceLink;
import dev.loci.spatial.place.PlaceMap;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** The tools that read memory: where_is, objects_near, recall, describe_place, frontiers, robot_status. */
final class MemoryTools {
    private static final int MAX_LABEL = Require.MAX_LABEL_CHARS;
    private static final double MAX_RADIUS_M = 100;

    private final LociRuntime memory;
    private final TaskCoordinator tasks;

    MemoryTools(LociRuntime memory, TaskCoordinator tasks) {
        this.memory = memory;
        this.tasks = tasks;
    }

    List<Tool> tools() {
        return List.of(
                new Tool("where_is", "Where objects were last seen: one object by id, or the objects of a class "
                        + "(nearest to 'near' first if given, else most recently seen first).",
                        List.of(Param.text("label", MAX_LABEL, false, "object class, e.g. 'mug'"),
                                Param.integer("object_id", 1, Long.MAX_VALUE, false, "a remembered object's id"),
                                Param.point("near", false, "rank by distance from this point"),
                                Param.integer("limit", 1, 50, false, "most objects to return (default 5)")),
                        false, this::whereIs),
                new Tool("objects_near", "Remembered objects within a radius of a point, nearest first.",
                        List.of(Param.point("center", true, "the point to search around"),
                                Param.number("radius", 0, MAX_RADIUS_M, true, "metres"),
                                Param.text("label", MAX_LABEL, false, "only objects of this class"),
                                Param.integer("limit", 1, 100, false, "most objects to return (default 20)")),
                        false, this::objectsNear),
                new Tool("recall", "Events from the robots' history that answer a question in words (what happened, "
                        + "who did what, where), with their neighbours in time, oldest first.",
                        List.of(Param.text("question", Require.MAX_TEXT_CHARS, true, "the question, in words"),
                                Param.integer("k", 1, 50, false, "how many best matches to expand (default 5)")),
                        false, this::recall),
                new Tool("describe_place", "The room or corridor at a point (or by place id): size, bounds, "
                        + "neighbouring places with their doorways, and the objects in it.",
                        List.of(Param.point("at", false, "a point inside the place"),
                                Param.integer("place_id", 1, Integer.MAX_VALUE, false, "a place id from an earlier answer")),
                        false, this::describePlace),
                new Tool("frontiers", "Edges between explored and unexplored space, each with a viewpoint to "
                        + "drive to; nearest to 'near' first if given (by path), else largest first.",
                        List.of(Param.point("near", false, "rank by path distance from this point"),
                                Param.integer("limit", 1, 50, false, "most frontiers to return (default 10)")),
                        false, this::frontiers),
                new Tool("robot_status", "The robots: body (kind, skills, reach, payload, speed), status, battery, "
                        + "pose, last heartbeat, when the task coordinator last heard from it, and the task it runs.",
                        List.of(Param.text("robot", MAX_LABEL, false, "one robot's id (default: all)")),
                        false, this::robotStatus));
    }

    private ObjectNode whereIs(ToolArgs args) {
        Optional<String> label = args.text("label");
        Optional<Long> id = args.integer("object_id");
        int limit = args.integer("limit").orElse(5L).intValue();
        List<RememberedObject> found = new ArrayList<>();
        if (id.isPresent()) {
            memory.object(id.get()).ifPresent(found::add);
        } else if (label.isPresent()) {
            Optional<Vec3> near = args.point("near");
            if (near.isPresent()) {
                found.addAll(memory.nearestOfClass(near.get(), label.get(), limit));
            } else {
                found.addAll(memory.objectsOfClass(label.get()));
                found.sort(Comparator.comparing((RememberedObject o) -> o.lastSeen().time()).reversed()
                        .thenComparingLong(RememberedObject::id));
            }
        } else {
            throw new InvalidValueException("label", null, "or object_id is required");
        }
        ObjectNode answer = Answers.object();
        ArrayNode objects = answer.putArray("objects");
        found.stream().limit(limit).forEach(o -> {
            ObjectNode node = Answers.remembered(o);
            args.point("near").ifPresent(p -> node.put("distance_m", Answers.round(p.distanceTo(o.position()))));
            objects.add(node);
        });
        if (found.isEmpty()) {
            answer.put("note", "nothing like that in memory; 'frontiers' shows where to explore");
        }
        return answer;
    }

    private ObjectNode objectsNear(ToolArgs args) {
        Vec3 center = args.required("center", Vec3.class);
        double radius = args.required("radius", Double.class);
        int limit = args.integer("limit").orElse(20L).intValue();
        ObjectNode answer = Answers.object();
        ArrayNode objects = answer.putArray("objects");
        memory.objectsWithin(center, radius).stream()
                .filter(o -> args.text("label").map(o.label()::equals).orElse(true))
                .limit(limit)
                .forEach(o -> objects.add(Answers.remembered(o).put("distance_m",
                        Answers.round(center.distanceTo(o.position())))));
        return answer;
    }

    private ObjectNode recall(ToolArgs args) {
        List<StoredEvent> events = memory.recall(args.required("question", String.class),
                args.integer("k").orElse(5L).intValue());
        ObjectNode answer = Answers.object();
        ArrayNode list = answer.putArray("events");
        events.forEach(e -> list.add(Answers.event(e)));
        return answer;
    }

    private ObjectNode describePlace(ToolArgs args) {
        PlaceMap places = memory.places();
        Place place;
        if (args.integer("place_id").isPresent()) {
            long id = args.integer("place_id").get();
            place = places.place((int) id).orElseThrow(() ->
                    new InvalidValueException("place_id", id, "is not a place in the current map"));
        } else if (args.point("at").isPresent()) {
            Vec3 at = args.point("at").get();
            place = places.placeAt(at).orElseThrow(() ->
                    new InvalidValueException("at", Answers.point(at), "is not in any mapped free space"));
        } else {
            throw new InvalidValueException("at", null, "or place_id is required");
        }
        ObjectNode answer = Answers.object();
        answer.set("place", Answers.place(place));
        ArrayNode neighbours = answer.putArray("neighbours");
        for (PlaceLink link : places.links()) {
            if (link.from() == place.id() || link.to() == place.id()) {
                Place other = places.place(link.other(place.id())).orElseThrow();
                ObjectNode node = neighbours.addObject().put("id", other.id()).put("name", other.name());
                node.set("doorway", Answers.point(link.doorway()));
                node.put("doorway_width_m", Answers.round(link.passageWidthM()));
            }
        }
        ArrayNode objects = answer.putArray("objects");
        Vec3 min = place.bounds().min();
        Vec3 max = place.bounds().max();
        Vec3 middle = min.plus(max).times(0.5);
        double radius = max.minus(min).norm() / 2 + 0.01;
        memory.objectsWithin(new Vec3(middle.x(), middle.y(), 0), Math.max(radius, 2.5)).stream()
                .filter(o -> places.placeAt(new Vec3(o.position().x(), o.position().y(), 0))
                        .map(p -> p.id() == place.id())
                        .orElse(o.position().x() >= min.x() && o.position().x() <= max.x()
                                && o.position().y() >= min.y() && o.position().y() <= max.y()))
                .limit(50)
                .forEach(o -> objects.add(Answers.remembered(o)));
        return answer;
    }

    private ObjectNode frontiers(ToolArgs args) {
        Optional<Vec3> near = args.point("near");
        int limit = args.integer("limit").orElse(10L).intValue();
        List<ObjectNode> ranked = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        for (Frontier frontier : memory.frontiers()) {
            ObjectNode node = Answers.frontier(frontier);
            double key = -frontier.areaM2();
            if (near.isPresent()) {
                Vec3 from = new Vec3(near.get().x(), near.get().y(), 0);
                OptionalDouble path = memory.pathDistance(from, frontier.viewpoint().position());
                key = path.isPresent() ? path.getAsDouble() : from.distanceTo(frontier.viewpoint().position());
                node.put("distance_m", Answers.round(key)).put("distance_is_path", path.isPresent());
            }
            ranked.add(node);
            keys.add(key);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ranked.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(keys::get));
        ObjectNode answer = Answers.object();
        ArrayNode list = answer.putArray("frontiers");
        order.stream().limit(limit).forEach(i -> list.add(ranked.get(i)));
        return answer;
    }

    private ObjectNode robotStatus(ToolArgs args) {
        List<RobotProfile> robots = new ArrayList<>();
        if (args.text("robot").isPresent()) {
            RobotId id = RobotId.of(args.text("robot").get());
            robots.add(memory.profile(id).map(Versioned::value).orElseThrow(() ->
                    new InvalidValueException("robot", id.name(), "is not a known robot")));
        } else {
            memory.profiles().forEach(v -> robots.add(v.value()));
        }
        ObjectNode answer = Answers.object();
        ArrayNode list = answer.putArray("robots");
        for (RobotProfile robot : robots) {
            ObjectNode node = Answers.robot(robot);
            tasks.lastHeard(robot.id()).ifPresent(t -> node.put("last_heard_s", Answers.seconds(t)));
            tasks.runningTaskOf(robot.id()).ifPresent(task -> {
                ObjectNode running = Answers.task(task);
                tasks.progressOf(task.id()).ifPresent(f -> running.put("step_progress", Answers.round(f)));
                node.set("task", running);
            });
            list.add(node);
        }
        return answer;
    }
}
