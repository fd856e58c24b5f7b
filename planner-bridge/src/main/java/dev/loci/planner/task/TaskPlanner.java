package dev.loci.planner.task;

import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.validation.Require;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The built-in, deterministic planner: turns a task into skills for one robot, choosing targets from memory
 * (remembered objects of the class, their last sightings, frontiers) by path distance from the robot.
 *
 * <p>With the body respected, a robot is only given what it can do: the skills the plan needs, objects no higher
 * than its reach, no heavier than its payload. Ignoring the body (for naive allocation) it gets the nearest
 * target regardless, and will fail on the robot.
 */
public final class TaskPlanner {
    /** Object attribute that gives its mass in kilograms, when a detector or person recorded it. */
    public static final String MASS_ATTRIBUTE = "mass_kg";

    private final LociRuntime memory;
    private final PathCosts paths;

    public TaskPlanner(LociRuntime memory) {
        this.memory = Require.present("memory", memory);
        this.paths = new PathCosts(memory);
    }

    /** A plan within what the robot's body can do, or why there is none. */
    public Planning plan(TaskSpec spec, RobotProfile robot) {
        return plan(spec, robot, true);
    }

    /** The plan for the nearest target whatever the robot's body: what naive allocation hands out. */
    public Planning planIgnoringBody(TaskSpec spec, RobotProfile robot) {
        return plan(spec, robot, false);
    }

    private Planning plan(TaskSpec spec, RobotProfile robot, boolean respectBody) {
        Require.present("spec", spec);
        Require.present("robot", robot);
        return switch (spec.kind()) {
            case FIND -> find(spec, robot, respectBody);
            case FETCH, DELIVER -> carry(spec, robot, respectBody);
            case EXPLORE -> explore(robot, respectBody);
        };
    }

    private Planning find(TaskSpec spec, RobotProfile robot, boolean respectBody) {
        Optional<String> missing = missingSkill(robot, respectBody, Skill.NAVIGATE_TO, Skill.SEARCH);
        if (missing.isPresent()) {
            return Planning.refused(missing.get());
        }
        Vec3 from = robot.pose().position();
        List<RememberedObject> candidates = candidates(spec);
        String label = label(spec, candidates);
        Optional<Target> best = nearest(candidates, from, object -> true);
        if (best.isPresent()) {
            Target target = best.get();
            List<SkillStep> steps = List.of(
                    SkillStep.at(Skill.NAVIGATE_TO, target.approach().standAt()),
                    SkillStep.at(Skill.SEARCH, target.object().position()).on(target.object().id()).lookingFor(label));
            return Planning.of(plan(robot, steps, Optional.of(target.object().id()), target.approach().meters()));
        }
        if (spec.objectId().isPresent()) {
            return Planning.refused("object " + spec.objectId().get() + " is not in memory (or is gone)");
        }
        Optional<String> cannotExplore = missingSkill(robot, respectBody, Skill.EXPLORE);
        if (cannotExplore.isPresent()) {
            return Planning.refused("no " + label + " in memory, and " + cannotExplore.get());
        }
        return nearestFrontier(from)
                .map(frontier -> Planning.of(plan(robot, List.of(
                        SkillStep.at(Skill.EXPLORE, frontier.approach().standAt()),
                        SkillStep.at(Skill.SEARCH, frontier.approach().standAt()).lookingFor(label)),
                        Optional.empty(), frontier.approach().meters())))
                .orElseGet(() -> Planning.refused("no " + label + " in memory and no frontier left to explore"));
    }

    private Planning carry(TaskSpec spec, RobotProfile robot, boolean respectBody) {
        Optional<String> missing = missingSkill(robot, respectBody, Skill.NAVIGATE_TO, Skill.PICK, Skill.PLACE);
        if (missing.isPresent()) {
            return Planning.refused(missing.get());
        }
        Vec3 from = robot.pose().position();
        Vec3 destination = spec.destination().orElseThrow();
        List<RememberedObject> candidates = candidates(spec);
        String label = label(spec, candidates);
        if (candidates.isEmpty()) {
            return Planning.refused("no " + label + " in memory: find one first");
        }
        Optional<Target> best = nearest(candidates, from,
                object -> !respectBody || withinReach(object, robot) && withinPayload(spec, object, robot));
        if (best.isEmpty()) {
            return Planning.refused("robot " + robot.id() + " can reach no " + label + " in memory (reach "
                    + robot.reachHeight() + " m, payload " + robot.payloadKg() + " kg)");
        }
        Target target = best.get();
        RememberedObject object = target.object();
        Approach toDestination = paths.approach(target.approach().standAt(), destination);
        List<SkillStep> steps = List.of(
                SkillStep.at(Skill.NAVIGATE_TO, target.approach().standAt()),
                SkillStep.at(Skill.PICK, object.position()).on(object.id()).lookingFor(object.label()),
                SkillStep.at(Skill.NAVIGATE_TO, toDestination.standAt()),
                SkillStep.at(Skill.PLACE, destination).on(object.id()).lookingFor(object.label()));
        return Planning.of(plan(robot, steps, Optional.of(object.id()),
                target.approach().meters() + toDestination.meters()));
    }

    private Planning explore(RobotProfile robot, boolean respectBody) {
        Optional<String> missing = missingSkill(robot, respectBody, Skill.NAVIGATE_TO, Skill.EXPLORE);
        if (missing.isPresent()) {
            return Planning.refused(missing.get());
        }
        return nearestFrontier(robot.pose().position())
                .map(frontier -> Planning.of(plan(robot,
                        List.of(SkillStep.at(Skill.EXPLORE, frontier.approach().standAt())), Optional.empty(),
                        frontier.approach().meters())))
                .orElseGet(() -> Planning.refused("no frontier left to explore"));
    }

    private List<RememberedObject> candidates(TaskSpec spec) {
        List<RememberedObject> found = new ArrayList<>();
        if (spec.objectId().isPresent()) {
            memory.object(spec.objectId().get()).ifPresent(found::add);
        } else {
            found.addAll(memory.objectsOfClass(spec.objectClass().orElseThrow()));
        }
        found.removeIf(object -> object.status() == ObjectStatus.GONE);
        return found;
    }

    private static String label(TaskSpec spec, List<RememberedObject> candidates) {
        return spec.objectClass().orElseGet(() -> candidates.isEmpty()
                ? "object " + spec.objectId().orElseThrow() : candidates.get(0).label());
    }

    /** The candidate nearest by path; objects believed present before ones missed lately; then lowest id. */
    private Optional<Target> nearest(List<RememberedObject> candidates, Vec3 from,
                                     java.util.function.Predicate<RememberedObject> allowed) {
        List<Target> targets = new ArrayList<>();
        for (RememberedObject object : candidates) {
            if (allowed.test(object)) {
                targets.add(new Target(object, paths.approach(from, object.position())));
            }
        }
        return targets.stream().min(Comparator
                .comparing((Target t) -> t.object().status() != ObjectStatus.PRESENT)
                .thenComparingDouble(t -> t.approach().meters())
                .thenComparingLong(t -> t.object().id()));
    }

    private Optional<FrontierTarget> nearestFrontier(Vec3 from) {
        List<FrontierTarget> targets = new ArrayList<>();
        for (Frontier frontier : memory.frontiers()) {
            targets.add(new FrontierTarget(frontier, paths.approach(from, frontier.viewpoint().position())));
        }
        return targets.stream().min(Comparator.comparingDouble((FrontierTarget t) -> t.approach().meters())
                .thenComparingLong(t -> t.frontier().id()));
    }

    private static boolean withinReach(RememberedObject object, RobotProfile robot) {
        return object.position().z() <= robot.reachHeight();
    }

    private static boolean withinPayload(TaskSpec spec, RememberedObject object, RobotProfile robot) {
        OptionalDouble mass = spec.massKg().isPresent() ? spec.massKg() : massOf(object);
        return mass.isEmpty() || mass.getAsDouble() <= robot.payloadKg();
    }

    /** The object's recorded mass; a value that is not a finite, non-negative number counts as unknown. */
    static OptionalDouble massOf(RememberedObject object) {
        String text = object.attributes().get(MASS_ATTRIBUTE);
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            double kg = Double.parseDouble(text.trim());
            return Double.isFinite(kg) && kg >= 0 ? OptionalDouble.of(kg) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static Optional<String> missingSkill(RobotProfile robot, boolean respectBody, Skill... needed) {
        if (!respectBody) {
            return Optional.empty();
        }
        for (Skill skill : needed) {
            if (!skill.doableBy(robot)) {
                return Optional.of("robot " + robot.id() + " cannot " + skill.wireName());
            }
        }
        return Optional.empty();
    }

    private static Plan plan(RobotProfile robot, List<SkillStep> steps, Optional<Long> objectId, double meters) {
        double seconds = meters / robot.maxSpeed();
        for (SkillStep step : steps) {
            seconds += step.skill().fixedSeconds();
        }
        return new Plan(robot.id(), steps, objectId, meters, seconds);
    }

    private record Target(RememberedObject object, Approach approach) {
    }

    private record FrontierTarget(Frontier frontier, Approach approach) {
    }
}
