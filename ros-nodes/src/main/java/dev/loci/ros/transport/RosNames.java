package dev.loci.ros.transport;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.regex.Pattern;

/**
 * ROS 2 name resolution as rclcpp does it: absolute names stay, {@code ~/x} goes under the node's own name,
 * anything else under the node's namespace; and the DDS topic names rmw_cyclonedds derives from them.
 */
public final class RosNames {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RosNames() {
    }

    /** A namespace: "/" or "/a/b" (a leading slash is added when missing, as ros2 run does). */
    public static String namespace(String namespace) {
        if (namespace == null || namespace.isEmpty() || namespace.equals("/")) {
            return "/";
        }
        String ns = namespace.startsWith("/") ? namespace : "/" + namespace;
        checkTokens("namespace", ns, ns.substring(1));
        return ns;
    }

    /** The fully qualified name of {@code name} for a node {@code nodeName} in {@code namespace}. */
    public static String resolve(String namespace, String nodeName, String name) {
        String ns = namespace(namespace);
        if (name == null || name.isEmpty()) {
            throw new InvalidValueException("name", name, "must not be empty");
        }
        checkTokens("node name", nodeName, nodeName);
        String prefix = ns.equals("/") ? "" : ns;
        String resolved;
        if (name.startsWith("/")) {
            resolved = name;
        } else if (name.equals("~")) {
            resolved = prefix + "/" + nodeName;
        } else if (name.startsWith("~/")) {
            resolved = prefix + "/" + nodeName + name.substring(1);
        } else {
            resolved = prefix + "/" + name;
        }
        checkTokens("name", name, resolved.substring(1));
        return resolved;
    }

    /** DDS topic of a ROS topic: {@code /a/b} is {@code rt/a/b}. */
    public static String topic(String fullyQualified) {
        return "rt" + fullyQualified;
    }

    /** DDS topic that carries requests of a service, as rmw_cyclonedds names it. */
    public static String requestTopic(String fullyQualifiedService) {
        return "rq" + fullyQualifiedService + "Request";
    }

    /** DDS topic that carries replies of a service, as rmw_cyclonedds names it. */
    public static String replyTopic(String fullyQualifiedService) {
        return "rr" + fullyQualifiedService + "Reply";
    }

    private static void checkTokens(String field, String original, String path) {
        if (path.isEmpty() || path.endsWith("/")) {
            throw new InvalidValueException(field, original, "must not be empty or end with '/'");
        }
        for (String token : path.split("/", -1)) {
            if (!TOKEN.matcher(token).matches()) {
                throw new InvalidValueException(field, original,
                        "must be '/'-separated tokens of letters, digits and '_' not starting with a digit");
            }
        }
    }
}
