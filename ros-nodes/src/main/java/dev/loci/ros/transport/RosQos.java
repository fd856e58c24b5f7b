package dev.loci.ros.transport;

import com.eprosima.xmlschemas.fastrtps_profiles.DurabilityQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.HistoryQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.ReliabilityQosKindPolicyType;
import dev.loci.spatial.validation.InvalidValueException;
import us.ihmc.pubsub.attributes.CommonAttributes;

/**
 * The QoS profiles ROS 2 uses, built explicitly: the library's own {@code ROS2QosProfile.DEFAULT()} is best
 * effort with depth 1, which a reliable ROS subscriber never matches.
 */
public record RosQos(boolean reliable, boolean transientLocal, boolean keepAll, int depth) {
    /** rmw_qos_profile_default: reliable, keep last 10, volatile (commands, services). */
    public static final RosQos DEFAULT = new RosQos(true, false, false, 10);
    /** rmw_qos_profile_sensor_data: best effort, keep last 5, volatile. */
    public static final RosQos SENSOR = new RosQos(false, false, false, 5);
    /** Latched: reliable + transient local, keep last 1 (maps, profiles: late joiners get the last one). */
    public static final RosQos LATCHED = new RosQos(true, true, false, 1);
    /** rmw_qos_profile_services_default. */
    public static final RosQos SERVICES = DEFAULT;

    public RosQos {
        if (!keepAll && depth < 1) {
            throw new InvalidValueException("depth", depth, "must be >= 1 for keep-last history");
        }
    }

    public RosQos withDepth(int newDepth) {
        return new RosQos(reliable, transientLocal, keepAll, newDepth);
    }

    /** Parses the names used in parameter files: default, sensor, latched (or services). */
    public static RosQos named(String name) {
        return switch (name) {
            case "default", "reliable" -> DEFAULT;
            case "sensor", "best_effort" -> SENSOR;
            case "latched", "transient_local" -> LATCHED;
            case "services" -> SERVICES;
            default -> throw new InvalidValueException("qos", name, "must be one of default, sensor, latched, services");
        };
    }

    void applyTo(CommonAttributes<?> attributes) {
        attributes.reliabilityKind(reliable ? ReliabilityQosKindPolicyType.RELIABLE : ReliabilityQosKindPolicyType.BEST_EFFORT);
        attributes.durabilityKind(transientLocal ? DurabilityQosKindPolicyType.TRANSIENT_LOCAL : DurabilityQosKindPolicyType.VOLATILE);
        attributes.historyQosPolicyKind(keepAll ? HistoryQosKindPolicyType.KEEP_ALL : HistoryQosKindPolicyType.KEEP_LAST);
        attributes.historyDepth(keepAll ? Math.max(depth, 1) : depth);
    }
}
