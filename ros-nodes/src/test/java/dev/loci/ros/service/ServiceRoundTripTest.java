package dev.loci.ros.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.ros.TestDomains;
import dev.loci.ros.transport.MessageTooLargeException;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import java.time.Duration;
import loci_msgs.msg.dds.ObjectInfo;
import loci_msgs.msg.dds.WhereIsRequest;
import loci_msgs.msg.dds.WhereIsRequestPubSubType;
import loci_msgs.msg.dds.WhereIsResponse;
import loci_msgs.msg.dds.WhereIsResponsePubSubType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceRoundTripTest {
    static final ServiceType<WhereIsRequest, WhereIsResponse> WHERE_IS = new ServiceType<>("loci_msgs", "WhereIs",
            WhereIsRequestPubSubType::new, WhereIsResponsePubSubType::new);

    private final RosDomain domain = TestDomains.fresh();
    private final RosNode serverNode = new RosNode("server", "/robot_1", domain);
    private final RosNode clientNode = new RosNode("client", "/robot_1", domain);

    @AfterEach
    void close() {
        clientNode.close();
        serverNode.close();
    }

    @Test
    void requestsReachTheServerUnderTheNamespaceAndRepliesCarryTheRequestBack() throws Exception {
        ServiceServer<WhereIsRequest, WhereIsResponse> server = new ServiceServer<>(serverNode, "where_is", WHERE_IS,
                (request, response) -> {
                    response.setOk(true);
                    ObjectInfo info = response.getObjects().add();
                    info.getClassId().append(request.getClassId());
                    info.getPosition().setX(request.getOrigin().getX() + 1);
                });
        ServiceClient<WhereIsRequest, WhereIsResponse> client = new ServiceClient<>(clientNode, "where_is", WHERE_IS);
        assertThat(server.service()).isEqualTo("/robot_1/where_is");

        WhereIsResponse first = client.callUntilAnswered(r -> r.getClassId().append("mug"), Duration.ofMillis(200),
                Duration.ofSeconds(10));
        assertThat(first.getOk()).isTrue();
        assertThat(first.getObjects().get(0).getClassId().toString()).isEqualTo("mug");
        for (int i = 0; i < 50; i++) {
            double x = i;
            WhereIsResponse reply = client.call(r -> {
                r.getClassId().append("cup" + x);
                r.getOrigin().setX(x);
            }, Duration.ofSeconds(5));
            assertThat(reply.getObjects().get(0).getClassId().toString()).isEqualTo("cup" + x);
            assertThat(reply.getObjects().get(0).getPosition().getX()).isEqualTo(x + 1);
        }
        assertThat(server.served()).isGreaterThanOrEqualTo(50); // the 51st may still be counting as its reply lands
    }

    @Test
    void aRequestPastAStringBoundIsRefusedBeforeItIsSent() {
        ServiceClient<WhereIsRequest, WhereIsResponse> client = new ServiceClient<>(clientNode, "where_is", WHERE_IS);
        assertThatThrownBy(() -> client.callAsync(r -> r.getClassId().append("x".repeat(65))))
                .isInstanceOf(MessageTooLargeException.class)
                .hasMessageContaining("class_id").hasMessageContaining("rq/robot_1/where_isRequest");
    }
}
