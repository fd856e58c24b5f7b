package dev.loci.ros.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.spatial.validation.InvalidValueException;
import org.junit.jupiter.api.Test;

class RosNamesTest {
    @Test
    void relativeNamesGoUnderTheNamespaceLikeRclcpp() {
        assertThat(RosNames.resolve("/robot_1", "loci_memory", "where_is")).isEqualTo("/robot_1/where_is");
        assertThat(RosNames.resolve("robot_1", "loci_memory", "odom")).isEqualTo("/robot_1/odom");
        assertThat(RosNames.resolve("/", "loci_memory", "where_is")).isEqualTo("/where_is");
        assertThat(RosNames.resolve("", "loci_memory", "a/b")).isEqualTo("/a/b");
    }

    @Test
    void absoluteAndPrivateNames() {
        assertThat(RosNames.resolve("/robot_1", "loci_memory", "/map")).isEqualTo("/map");
        assertThat(RosNames.resolve("/robot_1", "loci_memory", "~/markers")).isEqualTo("/robot_1/loci_memory/markers");
        assertThat(RosNames.resolve("/", "loci_memory", "~")).isEqualTo("/loci_memory");
    }

    @Test
    void ddsTopicNamesFollowRmwCyclonedds() {
        assertThat(RosNames.topic("/robot_1/odom")).isEqualTo("rt/robot_1/odom");
        assertThat(RosNames.requestTopic("/robot_1/where_is")).isEqualTo("rq/robot_1/where_isRequest");
        assertThat(RosNames.replyTopic("/robot_1/where_is")).isEqualTo("rr/robot_1/where_isReply");
    }

    @Test
    void invalidNamesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> RosNames.resolve("/r", "n", "bad name")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("bad name");
        assertThatThrownBy(() -> RosNames.resolve("/r", "n", "1abc")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> RosNames.resolve("/r", "n", "a//b")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> RosNames.resolve("/r", "n", "a/")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> RosNames.namespace("/robot 1")).isInstanceOf(InvalidValueException.class);
    }
}
