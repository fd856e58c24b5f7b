package dev.loci.ros.fleet;

import dev.loci.ros.params.RosParameters;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code fleet.*} parameters of the memory node: whether it shares its memory with the other Loci runtimes
 * on the ROS domain, under which origin name, and how its {@link FleetLink} talks.
 *
 * @param origin empty when fleet memory is off
 */
public record FleetParameters(Optional<RobotId> origin, FleetLink.Settings link) {
    public boolean enabled() {
        return origin.isPresent();
    }

    /**
     * Reads {@code fleet.enabled} (default false), {@code fleet.robot_id} (required when enabled: the store keeps
     * its origin name for good), {@code fleet.deltas_topic}, {@code fleet.vectors_topic}, {@code fleet.tick}
     * (seconds), {@code fleet.vector_every} (ticks) and {@code fleet.max_per_tick} (deltas).
     */
    public static FleetParameters from(RosParameters params) {
        FleetLink.Settings defaults = FleetLink.Settings.DEFAULT;
        double tickSeconds = params.number("fleet.tick", defaults.tick().toNanos() / 1e9);
        if (!(tickSeconds > 0) || tickSeconds > 60) {
            throw new InvalidValueException("fleet.tick", tickSeconds, "must be in (0, 60] seconds");
        }
        FleetLink.Settings link = new FleetLink.Settings(Duration.ofNanos((long) (tickSeconds * 1e9)),
                params.integer("fleet.vector_every", defaults.vectorEvery()),
                params.integer("fleet.max_per_tick", defaults.maxPerTick()),
                params.string("fleet.deltas_topic", defaults.deltasTopic()),
                params.string("fleet.vectors_topic", defaults.vectorsTopic()));
        if (!params.flag("fleet.enabled", false)) {
            return new FleetParameters(Optional.empty(), link);
        }
        String id = params.string("fleet.robot_id", "");
        if (id.isBlank()) {
            throw new InvalidValueException("fleet.robot_id", "\"" + id + "\"",
                    "is required when fleet.enabled is true (the memory's name in the fleet; a store keeps it)");
        }
        try {
            return new FleetParameters(Optional.of(RobotId.of(id)), link);
        } catch (InvalidValueException bad) {
            throw new InvalidValueException("fleet.robot_id", id, "must be a robot name (" + bad.getMessage() + ")");
        }
    }
}
