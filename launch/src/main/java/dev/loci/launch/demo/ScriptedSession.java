package dev.loci.launch.demo;

import dev.loci.episodic.event.Event;
import dev.loci.episodic.event.EventType;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Drives a runtime the way robots would until the simulator lands: each robot walks its route at 10 Hz,
 * reports what its camera sees within range (with noise and misses), its state, and its task's start and end.
 * Deterministic for a seed; time is simulated, never read from the clock.
 */
final class ScriptedSession {
    static final double RATE_HZ = 10;
    private static final double SENSOR_RANGE = 3.5;
    /** A wide-angle camera tilted level: sees a room's furniture from its middle. */
    private static final FieldOfView CAMERA = new FieldOfView(Math.toRadians(120), Math.toRadians(90), 0.1,
            SENSOR_RANGE);
    private static final double NOISE_SIGMA = 0.04;
    private static final double MISS_RATE = 0.2;

    private final LociRuntime runtime;
    private final Random random;
    private final Consumer<String> progress;

    ScriptedSession(LociRuntime runtime, long seed, Consumer<String> progress) {
        this.runtime = runtime;
        this.random = new Random(seed);
        this.progress = progress;
    }

    /** Writes in flight before the session waits for the oldest: a publisher that keeps pace with the store. */
    private static final int MAX_IN_FLIGHT = 128;

    /** Runs every route; returns the simulated end time. */
    Timestamp run() {
        List<CompletableFuture<?>> writes = new ArrayList<>();
        Timestamp end = Timestamp.ZERO;
        for (Apartment.Route route : Apartment.ROUTES) {
            Timestamp finished = walk(route, writes);
            end = finished.compareTo(end) > 0 ? finished : end;
        }
        CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0])).join();
        return end;
    }

    private Timestamp walk(Apartment.Route route, List<CompletableFuture<?>> writes) {
        RobotProfile body = route.body();
        double step = body.maxSpeed() / RATE_HZ;
        long tick = 0;
        Vec3 at = route.waypoints().get(0);
        writes.add(runtime.record(event(body, tick, EventType.TASK_STARTED, "started: " + route.task(), at)));
        writes.add(runtime.updateProfile(body.withStatus(RobotStatus.BUSY).at(pose(at, 0), time(tick)), "demo"));
        int observed = 0;
        for (int leg = 1; leg < route.waypoints().size(); leg++) {
            Vec3 target = route.waypoints().get(leg);
            double yaw = Math.atan2(target.y() - at.y(), target.x() - at.x());
            progress.accept(String.format("%-8s leg %d/%d -> (%.1f, %.1f)", body.id(), leg,
                    route.waypoints().size() - 1, target.x(), target.y()));
            while (at.distanceTo(target) > 1e-9) {
                double remaining = at.distanceTo(target);
                at = remaining <= step ? target : at.plus(target.minus(at).times(step / remaining));
                tick++;
                SensorFrame frame = look(body, pose(at, yaw), time(tick));
                observed += frame.observations().size();
                writes.add(runtime.ingestFrame(frame));
                if (writes.size() > MAX_IN_FLIGHT) {
                    writes.get(writes.size() - MAX_IN_FLIGHT - 1).join();
                }
                if (tick % (long) RATE_HZ == 0) {
                    double battery = Math.max(0.05, 1.0 - tick * 0.0005);
                    writes.add(runtime.updateProfile(body.withStatus(RobotStatus.BUSY).withBattery(battery)
                            .at(pose(at, yaw), time(tick)), "demo"));
                }
            }
            writes.add(runtime.record(event(body, tick, EventType.ACTION, "reached waypoint " + leg, at)));
        }
        writes.add(runtime.record(event(body, tick, EventType.TASK_FINISHED, "finished: " + route.task()
                + " (" + observed + " detections)", at)));
        writes.add(runtime.updateProfile(body.withStatus(RobotStatus.IDLE).withBattery(Math.max(0.05,
                1.0 - tick * 0.0005)).at(pose(at, 0), time(tick)), "demo"));
        return time(tick);
    }

    /** What the robot's camera reports from {@code camera}: things in view, with noise and misses. */
    private SensorFrame look(RobotProfile body, Pose camera, Timestamp now) {
        List<Observation> seen = new ArrayList<>();
        for (Apartment.Thing thing : Apartment.THINGS) {
            Vec3 offset = thing.position().minus(camera.position());
            if (!CAMERA.contains(camera, thing.position()) || random.nextDouble() < MISS_RATE) {
                continue;
            }
            Vec3 noisy = thing.position().plus(new Vec3(random.nextGaussian() * NOISE_SIGMA,
                    random.nextGaussian() * NOISE_SIGMA, random.nextGaussian() * NOISE_SIGMA / 2));
            double confidence = Math.max(0.3, Math.min(1.0, 1.0 - offset.norm() / (2 * SENSOR_RANGE)
                    + random.nextGaussian() * 0.05));
            seen.add(Observation.of(body.id(), now, body.sensors().first(), camera, thing.label(),
                    Aabb.centered(noisy, new Vec3(0.15, 0.15, 0.15)), confidence).withAttributes(thing.attributes()));
        }
        return new SensorFrame(body.id(), now, body.sensors().first(), camera, CAMERA, seen, Optional.empty());
    }

    private static Event event(RobotProfile body, long tick, EventType type, String description, Vec3 place) {
        return Event.of(body.id(), time(tick), type, "demo_tasks", description).at(place);
    }

    private static Pose pose(Vec3 at, double yaw) {
        return Pose.of(at.x(), at.y(), at.z() + 0.5, yaw);
    }

    static Timestamp time(long tick) {
        return Timestamp.ofNanos(Math.round(tick * 1e9 / RATE_HZ));
    }
}
