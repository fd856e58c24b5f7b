package dev.loci.sim.task;

import dev.loci.sim.MemoryLink;
import dev.loci.sim.nav.NavStatus;
import dev.loci.sim.nav.PlaceTour;
import dev.loci.sim.robot.Robot;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.RememberedObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Go to an object of a class or a described instance. With {@link Mode#MEMORY} the robot asks Loci where such
 * objects are and drives to the nearest by path; with {@link Mode#EXPLORE} (the memoryless baseline) it
 * explores frontiers until its detector sees one. Either way it finishes by turning to the object and seeing it
 * (a remembered place that turns out empty is dropped, and the next candidate or exploration follows).
 */
public final class GoToObject {
    public enum Mode { MEMORY, EXPLORE }

    private enum Phase { CHOOSE, APPROACH, RECOVER, LOOK, EXPLORE, SEARCH, DONE, FAILED }

    /** Close enough to stop and look, metres from the object's centre (the score uses {@link Reach#RADIUS}). */
    static final double ARRIVE = 1.0;
    private static final double CHECK_SECONDS = 2;
    private static final double LOOK_SECONDS = 5;
    private static final double SAME_OBJECT = 0.5;
    private static final double RECOVER_SECONDS = 1.5;
    private static final int MAX_RECOVERIES = 3;

    private final TeamMember member;
    private final MemoryLink memory;
    private final Target target;
    private final Mode mode;
    private final Set<Long> rejected = new HashSet<>();
    private final List<Vec3> emptyPlaces = new ArrayList<>();
    private final PlaceTour search;
    private Phase phase = Phase.CHOOSE;
    private String lastRejection = "";
    private int recoveries;
    private Vec3 goal;
    private long goalId = -1;
    private double phaseSince;
    private double checkedAt;

    public GoToObject(TeamMember member, MemoryLink memory, Target target, Mode mode) {
        this.member = member;
        this.memory = memory;
        this.target = target;
        this.mode = mode;
        this.search = new PlaceTour(member.robot(), member.navigator(), memory);
    }

    public boolean done() {
        return phase == Phase.DONE;
    }

    public boolean failed() {
        return phase == Phase.FAILED;
    }

    public boolean finished() {
        return done() || failed();
    }

    /** The current phase and goal, for progress displays and failure messages. */
    public String state() {
        return phase + (goal == null ? "" : String.format(" goal (%.2f, %.2f, %.2f)", goal.x(), goal.y(), goal.z()))
                + " rejected " + rejected + " " + lastRejection;
    }

    /** Where the robot believes the object is (empty until it has a candidate). */
    public Optional<Vec3> goal() {
        return Optional.ofNullable(goal);
    }

    public void step(double now) {
        Robot robot = member.robot();
        switch (phase) {
            case CHOOSE -> choose(now);
            case EXPLORE -> {
                if (now - checkedAt >= CHECK_SECONDS || seenNow().isPresent()) {
                    checkedAt = now;
                    choose(now);
                    if (phase != Phase.EXPLORE) {
                        return;
                    }
                }
                member.exploration().step(now);
                if (member.exploration().finished()) {
                    phase = Phase.SEARCH;
                    search.start(now);
                }
            }
            case SEARCH -> {
                if (seenNow().isPresent() || (mode == Mode.MEMORY && now - checkedAt >= CHECK_SECONDS)) {
                    checkedAt = now;
                    Phase before = phase;
                    choose(now);
                    if (phase != Phase.EXPLORE) {
                        return;
                    }
                    phase = before;
                }
                if (!search.step(now)) {
                    robot.stop();
                    phase = Phase.FAILED;
                }
            }
            case APPROACH -> approach(now);
            case RECOVER -> {
                // back off the obstacle the robot is pressed against, turning a little, then plan again
                robot.command(-robot.body().maxSpeed() / 2, 0.6);
                if (now - phaseSince > RECOVER_SECONDS) {
                    startApproach(goal, goalId, now);
                }
            }
            case LOOK -> look(now);
            default -> robot.stop();
        }
    }

    private void choose(double now) {
        Optional<Vec3> seen = seenNow();
        if (seen.isPresent()) {
            startApproach(seen.get(), -1, now);
            return;
        }
        if (mode == Mode.MEMORY) {
            Optional<RememberedObject> best = bestRemembered();
            if (best.isPresent()) {
                startApproach(best.get().position(), best.get().id(), now);
                return;
            }
        }
        if (phase != Phase.EXPLORE && phase != Phase.SEARCH) {
            phase = Phase.EXPLORE;
            phaseSince = now;
            checkedAt = now;
        }
    }

    private void startApproach(Vec3 objectAt, long id, double now) {
        Optional<Approach.Plan> plan = Approach.plan(member.navigator().planner(), member.robot(), objectAt);
        if (plan.isEmpty()) {
            reject(objectAt, id, "no approach");
            phase = Phase.EXPLORE;
            return;
        }
        goal = objectAt;
        goalId = id;
        member.navigator().goTo(plan.get().standAt(), 0.1, now);
        phase = Phase.APPROACH;
        phaseSince = now;
        checkedAt = now;
    }

    private void approach(double now) {
        Robot robot = member.robot();
        double distance = Math.hypot(goal.x() - robot.x(), goal.y() - robot.y());
        Optional<Vec3> seen = seenNow();
        if (seen.isPresent() && seen.get().distanceTo(goal) < SAME_OBJECT) {
            goal = seen.get(); // fresher than memory
        }
        if (distance <= ARRIVE && (seen.isPresent() || now - phaseSince > 1)) {
            startLook(now);
            return;
        }
        if (mode == Mode.MEMORY && goalId >= 0 && now - checkedAt >= CHECK_SECONDS) {
            checkedAt = now;
            Optional<RememberedObject> current = memory.read().object(goalId);
            if (current.isEmpty() || current.get().status() == ObjectStatus.GONE) {
                reject(goal, goalId, "gone from memory");
                phase = Phase.CHOOSE;
                return;
            }
        }
        NavStatus status = member.navigator().step(now);
        if (status == NavStatus.ARRIVED) {
            startLook(now);
        } else if (status == NavStatus.STUCK && recoveries < MAX_RECOVERIES) {
            recoveries++;
            phase = Phase.RECOVER;
            phaseSince = now;
        } else if (status == NavStatus.UNREACHABLE || status == NavStatus.STUCK) {
            reject(goal, goalId, status.toString());
            phase = Phase.CHOOSE;
        }
    }

    private void startLook(double now) {
        member.robot().stop();
        phase = Phase.LOOK;
        phaseSince = now;
    }

    private void look(double now) {
        Robot robot = member.robot();
        Optional<Vec3> seen = seenNow();
        if (seen.isPresent() && seen.get().distanceTo(goal) < SAME_OBJECT + 0.5) {
            robot.stop();
            goal = seen.get();
            phase = Phase.DONE;
            return;
        }
        if (now - phaseSince > LOOK_SECONDS) {
            reject(goal, goalId, String.format("not seen from (%.2f, %.2f)", robot.x(), robot.y()));
            phase = Phase.CHOOSE;
            return;
        }
        double error = Robot.normalize(Math.atan2(goal.y() - robot.y(), goal.x() - robot.x()) - robot.yaw());
        robot.command(0, 2.5 * error);
    }

    private void reject(Vec3 place, long id, String why) {
        lastRejection = why;
        if (id >= 0) {
            rejected.add(id);
        }
        if (place != null) {
            emptyPlaces.add(place);
        }
    }

    /** A matching detection in the latest frame, nearest the robot, not at a place already found empty. */
    private Optional<Vec3> seenNow() {
        SensorFrame frame = member.perception().lastFrame();
        if (frame == null) {
            return Optional.empty();
        }
        Robot robot = member.robot();
        return frame.observations().stream().filter(target::matches).map(o -> o.box().center())
                .filter(p -> phase == Phase.LOOK || emptyPlaces.stream().noneMatch(e -> e.distanceTo(p) < SAME_OBJECT))
                .min(Comparator.comparingDouble(p -> Math.hypot(p.x() - robot.x(), p.y() - robot.y())));
    }

    private Optional<RememberedObject> bestRemembered() {
        List<RememberedObject> candidates = memory.read().objectsOfClass(target.label()).stream()
                .filter(target::matches)
                .filter(o -> o.status() != ObjectStatus.GONE && !rejected.contains(o.id()))
                .filter(o -> emptyPlaces.stream().noneMatch(e -> e.distanceTo(o.position()) < SAME_OBJECT))
                .sorted(Comparator.comparingLong(RememberedObject::id))
                .toList();
        RememberedObject best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (RememberedObject candidate : candidates) {
            Optional<Approach.Plan> plan = Approach.plan(member.navigator().planner(), member.robot(),
                    candidate.position());
            if (plan.isPresent() && plan.get().distance() < bestDistance) {
                bestDistance = plan.get().distance();
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }
}
