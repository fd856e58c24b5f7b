package dev.loci.ros.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.ros.TestDomains;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNames;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Random;
import java.util.function.BooleanSupplier;
import loci_msgs.msg.dds.WhereIsRequest;
import loci_msgs.msg.dds.WhereIsResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A peer that publishes garbage on a service's request topic, over real DDS. */
class ServiceGarbageTest {
    private final RosDomain domain = TestDomains.fresh();
    private final RosNode serverNode = new RosNode("server", "/robot_1", domain);
    private final RosNode clientNode = new RosNode("client", "/robot_1", domain);
    private final RosNode garbageNode = new RosNode("garbage_peer", "/robot_1", domain);

    @AfterEach
    void close() {
        garbageNode.close();
        clientNode.close();
        serverNode.close();
    }

    @Test
    void garbageRequestsAreCountedAndDroppedAndValidRequestsAreStillAnswered() throws Exception {
        ServiceServer<WhereIsRequest, WhereIsResponse> server = new ServiceServer<>(serverNode, "where_is",
                ServiceRoundTripTest.WHERE_IS, (request, response) -> {
                    response.setOk(true);
                    response.getError().append("asked for " + request.getClassId());
                });
        ServiceClient<WhereIsRequest, WhereIsResponse> client = new ServiceClient<>(clientNode, "where_is",
                ServiceRoundTripTest.WHERE_IS);
        assertThat(client.callUntilAnswered(r -> r.getClassId().append("mug"), Duration.ofMillis(200),
                Duration.ofSeconds(10)).getErrorAsString()).isEqualTo("asked for mug");

        RosPublisher<byte[][]> garbage = garbageNode.rawPublisher(RosNames.requestTopic(server.service()),
                new RawBytesType(ServiceRoundTripTest.WHERE_IS.requestTypeName(), 4096), RosQos.SERVICES);
        // First a request whose class_id claims 2 GB (the library would have allocated it), until it arrives.
        byte[] hugeString = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN).putLong(7).putLong(1)
                .putInt(0x7fff_fff0).array();
        awaitWhilePublishing("the first garbage request", () -> garbage.publish(new byte[][] {hugeString}),
                () -> server.rejected() >= 1);

        Random random = new Random(10);
        int garbageSent = 0;
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            garbage.publish(new byte[][] {bytes});
            garbageSent++;
            if (i % 20 == 0) { // valid requests in between keep being answered
                String label = "cup" + i;
                WhereIsResponse reply = client.call(r -> r.getClassId().append(label), Duration.ofSeconds(5));
                assertThat(reply.getErrorAsString()).isEqualTo("asked for " + label);
            }
            Thread.sleep(1); // a keep-last-10 reader must not drop the burst: every sample is to be accounted for
        }
        int accountable = garbageSent + 1 + 11; // + the 2 GB one + the valid calls (retries and repeats only add)
        await("every garbage request served or rejected", () -> server.rejected() + server.served() >= accountable);
        assertThat(server.rejected()).as("random bytes are mostly no WhereIs request").isGreaterThan(100);
        assertThat(server.failed()).isZero();
        assertThat(serverNode.malformedSamples()).isEqualTo(server.rejected());
        WhereIsResponse after = client.call(r -> r.getClassId().append("after"), Duration.ofSeconds(5));
        assertThat(after.getErrorAsString()).isEqualTo("asked for after");
    }

    private static void awaitWhilePublishing(String what, Runnable publish, BooleanSupplier done)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            publish.run();
            Thread.sleep(100);
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        awaitWhilePublishing(what, () -> { }, done);
    }
}
