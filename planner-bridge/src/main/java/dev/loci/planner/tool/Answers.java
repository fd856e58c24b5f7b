package dev.loci.planner.tool;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.planner.task.Plan;
import dev.loci.planner.task.SkillStep;
import dev.loci.planner.task.Task;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.place.Place;
import dev.loci.spatial.provenance.Timestamp;

/** Memory's values as the JSON that tools answer with: snake_case, metres, seconds. */
final class Answers {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Answers() {
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    static ObjectNode point(Vec3 p) {
        return JSON.objectNode().put("x", round(p.x())).put("y", round(p.y())).put("z", round(p.z()));
    }

    static double seconds(Timestamp t) {
        return t.nanos() / 1e9;
    }

    static ObjectNode remembered(RememberedObject o) {
        ObjectNode node = JSON.objectNode();
        node.put("id", o.id()).put("label", o.label());
        node.set("position", point(o.position()));
        node.set("size", point(o.size()));
        node.set("last_seen_at", point(o.lastSeenAt()));
        node.put("last_seen_time_s", seconds(o.lastSeen().time()));
        node.put("last_seen_by", o.lastSeen().robot().name());
        node.put("confidence", round(o.confidence()));
        node.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
        node.put("sightings", o.observationCount());
        if (!o.attributes().isEmpty()) {
            ObjectNode attributes = node.putObject("attributes");
            o.attributes().forEach(attributes::put);
        }
        return node;
    }

    static ObjectNode event(StoredEvent stored) {
        var e = stored.event();
        ObjectNode node = JSON.objectNode();
        node.put("id", stored.id()).put("robot", e.robot().name()).put("time_s", seconds(e.time()))
                .put("type", e.type().name().toLowerCase(java.util.Locale.ROOT)).put("source", e.source())
                .put("description", e.description());
        e.place().ifPresent(p -> node.set("place", point(p)));
        if (!e.objects().isEmpty()) {
            ArrayNode objects = node.putArray("objects");
            e.objects().forEach(objects::add);
        }
        return node;
    }

    static ObjectNode place(Place place) {
        ObjectNode node = JSON.objectNode();
        node.put("id", place.id()).put("name", place.name()).put("area_m2", round(place.areaM2()));
        ObjectNode bounds = node.putObject("bounds");
        bounds.set("min", point(place.bounds().min()));
        bounds.set("max", point(place.bounds().max()));
        node.set("anchor", point(place.anchor()));
        return node;
    }

    static ObjectNode frontier(Frontier f) {
        ObjectNode node = JSON.objectNode();
        node.put("id", f.id()).put("area_m2", round(f.areaM2()));
        node.set("centroid", point(f.centroid()));
        ObjectNode viewpoint = point(f.viewpoint().position());
        viewpoint.put("yaw", round(f.yaw()));
        node.set("viewpoint", viewpoint);
        node.put("last_scan_time_s", seconds(f.lastScanTime()));
        return node;
    }

    static ObjectNode robot(RobotProfile r) {
        ObjectNode node = JSON.objectNode();
        node.put("id", r.id().name()).put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT))
                .put("status", r.status().name().toLowerCase(java.util.Locale.ROOT)).put("battery", round(r.battery()));
        ObjectNode pose = point(r.pose().position());
        pose.put("yaw", round(r.pose().orientation().yaw()));
        node.set("pose", pose);
        r.skills().forEach(node.putArray("skills")::add);
        r.sensors().forEach(node.putArray("sensors")::add);
        node.put("reach_height_m", r.reachHeight()).put("payload_kg", r.payloadKg()).put("max_speed_mps", r.maxSpeed())
                .put("last_heartbeat_s", seconds(r.lastHeartbeat()));
        return node;
    }

    static ObjectNode task(Task task) {
        ObjectNode node = JSON.objectNode();
        node.put("task_id", task.id()).put("kind", task.spec().kind().wireName())
                .put("state", task.state().name().toLowerCase(java.util.Locale.ROOT))
                .put("attempts", task.attempts());
        task.robot().ifPresent(r -> node.put("robot", r.name()));
        if (!task.state().finished() && task.robot().isPresent()) {
            node.put("step", task.nextStep());
        }
        task.plan().ifPresent(plan -> node.set("plan", plan(plan)));
        if (!task.reason().isEmpty()) {
            node.put("reason", task.reason());
        }
        if (!task.excluded().isEmpty()) {
            ArrayNode excluded = node.putArray("excluded_robots");
            task.excluded().forEach(r -> excluded.add(r.name()));
        }
        return node;
    }

    static ObjectNode plan(Plan plan) {
        ObjectNode node = JSON.objectNode();
        node.put("robot", plan.robot().name());
        plan.objectId().ifPresent(id -> node.put("object_id", id));
        node.put("travel_m", round(plan.travelMeters())).put("estimated_s", round(plan.estimatedSeconds()));
        ArrayNode steps = node.putArray("steps");
        for (SkillStep step : plan.steps()) {
            ObjectNode s = steps.addObject().put("skill", step.skill().wireName());
            s.set("target", point(step.target()));
            step.objectId().ifPresent(id -> s.put("object_id", id));
            step.objectClass().ifPresent(label -> s.put("object_class", label));
        }
        return node;
    }

    /** Millimetre precision is all a planner needs, and it keeps answers short. */
    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
