package dev.loci.runtime.access;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.ObservationAck;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One robot's write handle on a memory: provenance enforced. Everything written through it must be attributed
 * to the robot it was bound to; a write naming another robot, or whose time steps back further than the
 * allowed clock skew behind what this robot already wrote, is refused with an error naming the value, counted
 * in the runtime's rejections, and changes nothing. Front ends that serve robots (a ROS 2 node per robot
 * namespace) hand each robot its own writer instead of the runtime.
 */
public final class RobotWriter {
    /** How far a robot's clock may step back between writes (clock sync, reordered sensor pipelines). */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(1);

    private final LociRuntime runtime;
    private final RobotId robot;
    private final long skewNanos;
    private final AtomicLong latestNanos = new AtomicLong(Long.MIN_VALUE);

    private RobotWriter(LociRuntime runtime, RobotId robot, Duration clockSkew) {
        this.runtime = runtime;
        this.robot = robot;
        this.skewNanos = clockSkew.toNanos();
    }

    /** Binds a writer to {@code robot}, which must have a profile in this memory (a known robot). */
    public static RobotWriter bind(LociRuntime runtime, RobotId robot) {
        return bind(runtime, robot, DEFAULT_CLOCK_SKEW);
    }

    public static RobotWriter bind(LociRuntime runtime, RobotId robot, Duration clockSkew) {
        Require.present("runtime", runtime);
        try {
            Require.present("robot", robot);
            Require.present("clockSkew", clockSkew);
            if (clockSkew.isNegative()) {
                throw new InvalidValueException("clockSkew", clockSkew, "must not be negative");
            }
            if (runtime.profile(robot).isEmpty()) {
                throw new InvalidValueException("robot", robot.name(),
                        "is unknown: no profile in this memory (publish the robot's profile first)");
            }
        } catch (InvalidValueException e) {
            throw runtime.countRejection(e);
        }
        return new RobotWriter(runtime, robot, clockSkew);
    }

    public RobotId robot() {
        return robot;
    }

    public CompletableFuture<ObservationAck> ingest(Observation observation) {
        Require.present("observation", observation);
        admit(observation.robot(), observation.time());
        return runtime.ingest(observation);
    }

    /** All or nothing: one observation of another robot refuses the whole batch. */
    public CompletableFuture<List<ObservationAck>> ingestAll(List<Observation> batch) {
        Require.present("observations", batch);
        long latest = latestNanos.get();
        for (Observation observation : batch) {
            Require.present("observation", observation);
            latest = Math.max(latest, check(observation.robot(), observation.time(), latest));
        }
        CompletableFuture<List<ObservationAck>> acks = runtime.ingestAll(batch);
        long batchLatest = latest;
        latestNanos.accumulateAndGet(batchLatest, Math::max);
        return acks;
    }

    public CompletableFuture<StoredEvent> record(Event event) {
        Require.present("event", event);
        admit(event.robot(), event.time());
        return runtime.record(event);
    }

    /** A robot updates only its own profile; the source names it. */
    public CompletableFuture<Versioned<RobotProfile>> updateProfile(RobotProfile profile) {
        Require.present("profile", profile);
        admit(profile.id(), profile.lastHeartbeat());
        return runtime.updateProfile(profile, "robot " + robot.name());
    }

    private void admit(RobotId claimed, Timestamp time) {
        long checked = check(claimed, time, latestNanos.get());
        latestNanos.accumulateAndGet(checked, Math::max);
    }

    private long check(RobotId claimed, Timestamp time, long latest) {
        if (!robot.equals(claimed)) {
            throw runtime.countRejection(new InvalidValueException("robot", claimed.name(),
                    "is not the robot this writer is bound to (" + robot.name() + "): a robot writes only under its own identity"));
        }
        if (latest != Long.MIN_VALUE && time.nanos() < latest - skewNanos) {
            throw runtime.countRejection(new InvalidValueException("time", time.nanos() + " ns",
                    "goes backwards: " + robot.name() + " already wrote at " + latest + " ns (allowed skew "
                            + skewNanos + " ns)"));
        }
        return time.nanos();
    }
}
