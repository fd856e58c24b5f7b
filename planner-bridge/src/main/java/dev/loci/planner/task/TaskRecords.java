package dev.loci.planner.task;

import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The text form of task specs and plans inside event attributes (string to string, values up to 1024 chars):
 * one attribute per plan step, numbers in Java's round-trip form, labels URL-encoded.
 */
final class TaskRecords {
    static final String KIND = "kind";
    static final String OBJECT_CLASS = "object_class";
    static final String OBJECT_ID = "object_id";
    static final String DESTINATION = "destination";
    static final String MASS_KG = "mass_kg";
    static final String ROBOT = "robot";
    static final String TRAVEL_M = "travel_m";
    static final String ESTIMATED_S = "estimated_s";
    static final String STEP_PREFIX = "step_";

    private TaskRecords() {
    }

    static Map<String, String> spec(TaskSpec spec) {
        Map<String, String> out = new TreeMap<>();
        out.put(KIND, spec.kind().wireName());
        spec.objectClass().ifPresent(label -> out.put(OBJECT_CLASS, encode(label)));
        spec.objectId().ifPresent(id -> out.put(OBJECT_ID, Long.toString(id)));
        spec.destination().ifPresent(p -> out.put(DESTINATION, point(p)));
        spec.massKg().ifPresent(kg -> out.put(MASS_KG, Double.toString(kg)));
        return out;
    }

    static TaskSpec spec(Map<String, String> in) {
        return new TaskSpec(TaskKind.parse(required(in, KIND)),
                Optional.ofNullable(in.get(OBJECT_CLASS)).map(TaskRecords::decode),
                Optional.ofNullable(in.get(OBJECT_ID)).map(text -> parseLong(OBJECT_ID, text)),
                Optional.ofNullable(in.get(DESTINATION)).map(text -> point(DESTINATION, text)),
                in.containsKey(MASS_KG) ? OptionalDouble.of(parseDouble(MASS_KG, in.get(MASS_KG)))
                        : OptionalDouble.empty());
    }

    static Map<String, String> plan(Plan plan) {
        Map<String, String> out = new TreeMap<>();
        out.put(ROBOT, plan.robot().name());
        plan.objectId().ifPresent(id -> out.put(OBJECT_ID, Long.toString(id)));
        out.put(TRAVEL_M, Double.toString(plan.travelMeters()));
        out.put(ESTIMATED_S, Double.toString(plan.estimatedSeconds()));
        for (int i = 0; i < plan.steps().size(); i++) {
            SkillStep step = plan.steps().get(i);
            out.put(STEP_PREFIX + i, step.skill().wireName() + ";" + point(step.target()) + ";"
                    + step.objectId().map(String::valueOf).orElse("-") + ";"
                    + step.objectClass().map(TaskRecords::encode).orElse("-"));
        }
        return out;
    }

    static Plan plan(Map<String, String> in) {
        List<SkillStep> steps = new ArrayList<>();
        for (int i = 0; in.containsKey(STEP_PREFIX + i); i++) {
            String field = STEP_PREFIX + i;
            String[] parts = in.get(field).split(";", -1);
            if (parts.length != 4) {
                throw new InvalidValueException(field, in.get(field), "is not skill;x,y,z;object;class");
            }
            steps.add(new SkillStep(Skill.parse(parts[0]), point(field, parts[1]),
                    parts[2].equals("-") ? Optional.empty() : Optional.of(parseLong(field, parts[2])),
                    parts[3].equals("-") ? Optional.empty() : Optional.of(decode(parts[3]))));
        }
        return new Plan(RobotId.of(required(in, ROBOT)), steps,
                Optional.ofNullable(in.get(OBJECT_ID)).map(text -> parseLong(OBJECT_ID, text)),
                parseDouble(TRAVEL_M, required(in, TRAVEL_M)), parseDouble(ESTIMATED_S, required(in, ESTIMATED_S)));
    }

    static String point(Vec3 p) {
        return p.x() + "," + p.y() + "," + p.z();
    }

    static Vec3 point(String field, String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != 3) {
            throw new InvalidValueException(field, text, "is not x,y,z");
        }
        return new Vec3(parseDouble(field, parts[0]), parseDouble(field, parts[1]), parseDouble(field, parts[2]));
    }

    static String required(Map<String, String> in, String field) {
        String value = in.get(field);
        if (value == null) {
            throw new InvalidValueException(field, "absent", "is required in a task record");
        }
        return value;
    }

    static long parseLong(String field, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, text, "is not an integer");
        }
    }

    static double parseDouble(String field, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(field, text, "is not a number");
        }
    }

    private static String encode(String label) {
        return URLEncoder.encode(label, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
