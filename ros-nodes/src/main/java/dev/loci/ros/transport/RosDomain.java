package dev.loci.ros.transport;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Map;

/** The DDS domain a node joins: ROS_DOMAIN_ID as ROS 2 reads it (unset or empty means 0). */
public record RosDomain(int id) {
    /** Highest domain id whose ports stay valid on Linux, as the ROS 2 docs say. */
    public static final int MAX_ID = 232;

    public RosDomain {
        if (id < 0 || id > MAX_ID) {
            throw new InvalidValueException("ROS_DOMAIN_ID", id, "must be in [0, " + MAX_ID + "]");
        }
    }

    public static RosDomain fromEnvironment(Map<String, String> environment) {
        String value = environment.get("ROS_DOMAIN_ID");
        if (value == null || value.isBlank()) {
            return new RosDomain(0);
        }
        try {
            return new RosDomain(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("ROS_DOMAIN_ID", value, "must be an integer in [0, " + MAX_ID + "]");
        }
    }
}
