package dev.loci.sim.nav;

import dev.loci.sim.MemoryLink;
import dev.loci.sim.robot.Robot;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.geometry.Vec3;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Frontier exploration on memory's map: go to the viewpoint of the nearest reachable frontier (by path length)
 * that no teammate has claimed, look, repeat until no frontier is left.
 */
public final class Exploration {
    private static final double ARRIVE_TOLERANCE = 0.3;
    private static final double MIN_AREA_M2 = 0.05;
    private static final double STALE_CHECK_SECONDS = 2;

    private final MemoryLink memory;
    private double checkedAt = Double.NEGATIVE_INFINITY;
    private final Robot robot;
    private final Navigator navigator;
    private final FrontierClaims claims;
    private Optional<Frontier> target = Optional.empty();
    private boolean finished;

    public Exploration(MemoryLink memory, Robot robot, Navigator navigator, FrontierClaims claims) {
        this.memory = memory;
        this.robot = robot;
        this.navigator = navigator;
        this.claims = claims;
    }

    /** True once no reachable frontier is left. */
    public boolean finished() {
        return finished;
    }

    public Optional<Frontier> target() {
        return target;
    }

    public void step(double now) {
        if (finished) {
            robot.stop();
            return;
        }
        if (target.isEmpty() || stale(target.get(), now)) {
            choose(now);
            if (target.isEmpty()) {
                return;
            }
        }
        NavStatus status = navigator.step(now);
        if (status == NavStatus.ARRIVED) {
            claims.abandon(target.get().id()); // looked from there; a frontier that survives gets a new id or is skipped
            target = Optional.empty();
        } else if (status == NavStatus.UNREACHABLE || status == NavStatus.STUCK) {
            claims.abandon(target.get().id());
            target = Optional.empty();
        }
    }

    /** Whether the target frontier was explored meanwhile (asked every couple of seconds, not every tick). */
    private boolean stale(Frontier current, double now) {
        if (now - checkedAt < STALE_CHECK_SECONDS) {
            return false;
        }
        checkedAt = now;
        return memory.read().frontiers().stream().noneMatch(f -> f.id() == current.id());
    }

    private void choose(double now) {
        List<Frontier> candidates = memory.read().frontiers().stream()
                .filter(f -> f.areaM2() >= MIN_AREA_M2 && claims.available(f.id(), robot.id()))
                .sorted(Comparator.comparingDouble((Frontier f) -> straight(f)).thenComparingLong(Frontier::id))
                .toList();
        Frontier best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (Frontier f : candidates) {
            if (straight(f) >= bestCost) {
                break; // the path is never shorter than the straight line
            }
            OptionalDouble d = navigator.planner().distance(robot.position(), goalOf(f));
            if (d.isPresent() && d.getAsDouble() < bestCost) {
                bestCost = d.getAsDouble();
                best = f;
            } else if (d.isEmpty()) {
                claims.abandon(f.id());
            }
        }
        if (best == null) {
            target = Optional.empty();
            claims.release(robot.id());
            finished = candidates.isEmpty() || memory.read().frontiers().stream()
                    .noneMatch(f -> claims.available(f.id(), robot.id()));
            robot.stop();
            return;
        }
        target = Optional.of(best);
        claims.claim(best.id(), robot.id());
        navigator.goTo(goalOf(best), ARRIVE_TOLERANCE, now);
    }

    private double straight(Frontier f) {
        Vec3 g = goalOf(f);
        return Math.hypot(g.x() - robot.x(), g.y() - robot.y());
    }

    private static Vec3 goalOf(Frontier f) {
        Vec3 p = f.viewpoint().position();
        return new Vec3(p.x(), p.y(), 0);
    }
}
