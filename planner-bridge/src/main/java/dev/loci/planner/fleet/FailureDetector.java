package dev.loci.planner.fleet;

import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Heartbeat timeouts: a robot not heard from for longer than the timeout is silent. Checked at each
 * {@link TaskCoordinator#tick}, so a robot is declared failed at most timeout + tick period after its last sign
 * of life. Not thread-safe: the coordinator owns it.
 */
final class FailureDetector {
    private final long timeoutNanos;
    private final Map<RobotId, Timestamp> lastHeard = new TreeMap<>();

    FailureDetector(Duration timeout) {
        Require.present("heartbeatTimeout", timeout);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidValueException("heartbeatTimeout", timeout, "must be positive");
        }
        this.timeoutNanos = timeout.toNanos();
    }

    /** Proof of life. Time never moves a robot's last sign of life backwards. */
    void heard(RobotId robot, Timestamp at) {
        lastHeard.merge(robot, at, (old, now) -> old.compareTo(now) >= 0 ? old : now);
    }

    /** Robots silent for longer than the timeout at {@code now}; each is reported once, until heard again. */
    List<RobotId> silentAt(Timestamp now) {
        List<RobotId> silent = new ArrayList<>();
        lastHeard.forEach((robot, heard) -> {
            if (now.nanos() - heard.nanos() > timeoutNanos) {
                silent.add(robot);
            }
        });
        silent.forEach(lastHeard::remove);
        return silent;
    }

    /** When the robot was last heard from, while it is not declared silent. */
    java.util.Optional<Timestamp> lastHeard(RobotId robot) {
        return java.util.Optional.ofNullable(lastHeard.get(robot));
    }
}
