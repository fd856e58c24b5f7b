package dev.loci.sim.task;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.sim.MemoryLink;
import dev.loci.sim.nav.NavStatus;
import dev.loci.sim.robot.Manipulation;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.world.Solid;
import dev.loci.sim.world.World;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Fetch an object to a place: go to it (memory-guided or exploring, as {@link GoToObject}), pick it, drive to
 * the destination furniture (a place the task names, with its position), and put it down there. Picks and
 * places are recorded as events in Loci.
 */
public final class Fetch {
    private enum Phase { FIND, CARRY, DONE, FAILED }

    private final TeamMember member;
    private final MemoryLink memory;
    private final World world;
    private final Manipulation arm;
    private final Solid destination;
    private final GoToObject find;
    private Phase phase = Phase.FIND;
    private Solid carried;
    private boolean carryPlanned;

    public Fetch(TeamMember member, MemoryLink memory, World world, Manipulation arm, Target target,
                 Solid destination, GoToObject.Mode mode) {
        this.member = member;
        this.memory = memory;
        this.world = world;
        this.arm = arm;
        this.destination = destination;
        this.find = new GoToObject(member, memory, target, mode);
    }

    public boolean done() {
        return phase == Phase.DONE;
    }

    public boolean finished() {
        return phase == Phase.DONE || phase == Phase.FAILED;
    }

    public String state() {
        return phase + " / " + find.state() + (carried == null ? "" : " carrying " + carried.name());
    }

    /** The object now held or delivered, once picked. */
    public Optional<Solid> object() {
        return Optional.ofNullable(carried);
    }

    public void step(double now, Timestamp time) {
        switch (phase) {
            case FIND -> {
                find.step(now);
                if (find.failed()) {
                    phase = Phase.FAILED;
                } else if (find.done()) {
                    pick(time);
                }
            }
            case CARRY -> carry(now, time);
            default -> member.robot().stop();
        }
    }

    private void pick(Timestamp time) {
        Robot robot = member.robot();
        Vec3 believed = find.goal().orElseThrow();
        Optional<Solid> object = world.objects().stream()
                .filter(o -> o.center().distanceTo(believed) < 0.5)
                .min(Comparator.comparingDouble(o -> o.center().distanceTo(believed)));
        if (object.isEmpty() || !arm.pick(robot, object.get())) {
            phase = Phase.FAILED;
            return;
        }
        carried = object.get();
        record(time, "picked " + carried.label(), carried.center());
        phase = Phase.CARRY;
    }

    private void carry(double now, Timestamp time) {
        Robot robot = member.robot();
        Aabb box = destination.box();
        if (!carryPlanned) {
            Optional<Approach.Plan> plan = Approach.planBeside(member.navigator().planner(), robot, box,
                    robot.body().footprintRadius() + 0.3);
            if (plan.isEmpty()) {
                phase = Phase.FAILED;
                return;
            }
            member.navigator().goTo(plan.get().standAt(), 0.1, now);
            carryPlanned = true;
        }
        boolean beside = arm.place(robot, destination);
        if (beside) {
            robot.stop();
            record(time, "placed " + carried.label() + " on " + destination.name(), carried.center());
            phase = Phase.DONE;
            return;
        }
        NavStatus status = member.navigator().step(now);
        if (status == NavStatus.UNREACHABLE || status == NavStatus.STUCK || status == NavStatus.ARRIVED) {
            phase = arm.place(robot, destination) ? Phase.DONE : Phase.FAILED;
        }
    }

    private void record(Timestamp time, String what, Vec3 where) {
        memory.event(new Event(member.robot().id(), time, EventType.ACTION, "sim.fetch", what,
                new java.util.TreeMap<>(Map.of("destination", destination.name())), Optional.of(where),
                java.util.List.of()));
    }
}
