package dev.loci.ros.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eprosima.xmlschemas.fastrtps_profiles.DurabilityQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.HistoryQosKindPolicyType;
import com.eprosima.xmlschemas.fastrtps_profiles.ReliabilityQosKindPolicyType;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import us.ihmc.pubsub.attributes.SubscriberAttributes;

class RosQosTest {
    @Test
    void defaultIsReliableKeepLastTenVolatileLikeRmw() {
        SubscriberAttributes attributes = SubscriberAttributes.create();
        RosQos.DEFAULT.applyTo(attributes);
        assertThat(attributes.getReliabilityKind()).isEqualTo(ReliabilityQosKindPolicyType.RELIABLE);
        assertThat(attributes.getDurabilityKind()).isEqualTo(DurabilityQosKindPolicyType.VOLATILE);
        assertThat(attributes.getHistoryQosPolicyKind()).isEqualTo(HistoryQosKindPolicyType.KEEP_LAST);
        assertThat(attributes.getHistoryDepth()).isEqualTo(10);
    }

    @Test
    void sensorIsBestEffortAndLatchedIsReliableTransientLocal() {
        SubscriberAttributes sensor = SubscriberAttributes.create();
        RosQos.SENSOR.applyTo(sensor);
        assertThat(sensor.getReliabilityKind()).isEqualTo(ReliabilityQosKindPolicyType.BEST_EFFORT);
        SubscriberAttributes latched = SubscriberAttributes.create();
        RosQos.LATCHED.applyTo(latched);
        assertThat(latched.getReliabilityKind()).isEqualTo(ReliabilityQosKindPolicyType.RELIABLE);
        assertThat(latched.getDurabilityKind()).isEqualTo(DurabilityQosKindPolicyType.TRANSIENT_LOCAL);
        assertThat(RosQos.named("latched")).isEqualTo(RosQos.LATCHED);
        assertThatThrownBy(() -> RosQos.named("fast")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void domainIdComesFromRosDomainId() {
        assertThat(RosDomain.fromEnvironment(Map.of()).id()).isZero();
        assertThat(RosDomain.fromEnvironment(Map.of("ROS_DOMAIN_ID", "42")).id()).isEqualTo(42);
        assertThatThrownBy(() -> RosDomain.fromEnvironment(Map.of("ROS_DOMAIN_ID", "x")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("ROS_DOMAIN_ID");
        assertThatThrownBy(() -> RosDomain.fromEnvironment(Map.of("ROS_DOMAIN_ID", "300")))
                .isInstanceOf(InvalidValueException.class);
    }
}
