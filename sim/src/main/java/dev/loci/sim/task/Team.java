package dev.loci.sim.task;

import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.sim.DirectMemoryLink;
import dev.loci.sim.MemoryLink;
import dev.loci.sim.Simulation;
import dev.loci.sim.nav.FrontierClaims;
import dev.loci.sim.robot.Body;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.sensor.DetectorSettings;
import dev.loci.sim.sensor.Perception;
import dev.loci.sim.sensor.SensorDigest;
import dev.loci.sim.world.World;
import dev.loci.spatial.provenance.RobotId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Robots sharing one world, one clock and one memory. Every tick each member acts, then the simulation steps;
 * every {@code senseEvery} ticks each member senses into memory, and every fifth time its profile is refreshed.
 */
public final class Team {
    private final Simulation simulation;
    private final MemoryLink memory;
    private final DetectorSettings detector;
    private final SensorDigest digest = new SensorDigest();
    private final FrontierClaims claims = new FrontierClaims();
    private final List<TeamMember> members = new ArrayList<>();
    private final List<dev.loci.spatial.geometry.Vec3> toured = new ArrayList<>();
    private final int senseEvery;
    private final long seed;

    public Team(Simulation simulation, LociRuntime memory, DetectorSettings detector, int senseEvery, long seed) {
        this(simulation, (MemoryLink) new DirectMemoryLink(memory), detector, senseEvery, seed);
    }

    /** A team whose sensing reaches memory through {@code memory} (in-process, or over ROS 2). */
    public Team(Simulation simulation, MemoryLink memory, DetectorSettings detector, int senseEvery, long seed) {
        this.simulation = simulation;
        this.memory = memory;
        this.detector = detector;
        this.senseEvery = senseEvery;
        this.seed = seed;
    }

    public TeamMember add(String name, Body body, double x, double y, double yaw) {
        Robot robot = simulation.add(new Robot(RobotId.of(name), body, x, y, yaw));
        Perception perception = new Perception(robot, simulation.world(), detector,
                seed * 31 + members.size(), digest);
        TeamMember member = new TeamMember(robot, perception, memory, claims, toured);
        members.add(member);
        memory.profile(robot.profile(simulation.time()));
        return member;
    }

    public List<TeamMember> members() {
        return Collections.unmodifiableList(members);
    }

    public Simulation simulation() {
        return simulation;
    }

    public World world() {
        return simulation.world();
    }

    public MemoryLink memory() {
        return memory;
    }

    public SensorDigest digest() {
        return digest;
    }

    /** Senses now if this tick is a sensing tick (the first tick always is). */
    public void senseIfDue() {
        if (simulation.tick() % senseEvery != 0) {
            return;
        }
        for (TeamMember member : members) {
            member.perception().sense(simulation.time(), memory);
        }
        if (simulation.tick() % (senseEvery * 5L) == 0) {
            refreshProfiles();
        }
    }

    /**
     * Writes where each member is now. A status memory holds that says a robot is down (FAILED, OFFLINE) is
     * kept: whoever declared it (the task coordinator) is the one to revive it when it hears the robot again.
     */
    private void refreshProfiles() {
        LociRuntime settled = memory.read();
        List<RobotProfile> fresh = new ArrayList<>();
        for (TeamMember member : members) {
            RobotProfile now = member.robot().profile(simulation.time());
            Optional<RobotStatus> held = settled.profile(now.id()).map(p -> p.value().status());
            fresh.add(held.isPresent() && !held.get().alive() ? now.withStatus(held.get()) : now);
        }
        fresh.forEach(memory::profile);
    }

    /** One tick: sense if due, let every member act, step the world, record poses. */
    public void tick(Consumer<TeamMember> act) {
        senseIfDue();
        double now = simulation.seconds();
        for (TeamMember member : members) {
            act.accept(member);
        }
        simulation.step();
        for (TeamMember member : members) {
            member.record();
            digest.add(member.robot().x(), member.robot().y(), member.robot().yaw());
        }
        if (now < 0) {
            throw new IllegalStateException("time went backwards");
        }
    }

    /**
     * Explores with every member (frontiers, then a tour of the places) until all are done or {@code maxSeconds}
     * of simulated time passed.
     */
    public double explore(double maxSeconds) {
        return explore(maxSeconds, elapsed -> { });
    }

    /** {@link #explore(double)}, telling {@code afterTick} the simulated seconds explored after every tick. */
    public double explore(double maxSeconds, DoubleConsumer afterTick) {
        double start = simulation.seconds();
        java.util.Set<TeamMember> done = new java.util.HashSet<>();
        while (simulation.seconds() - start < maxSeconds && done.size() < members.size()) {
            double now = simulation.seconds();
            tick(m -> {
                if (done.contains(m) || !m.exploreStep(now)) {
                    done.add(m);
                    m.robot().stop();
                }
            });
            afterTick.accept(simulation.seconds() - start);
        }
        memory.read();
        return simulation.seconds() - start;
    }
}
