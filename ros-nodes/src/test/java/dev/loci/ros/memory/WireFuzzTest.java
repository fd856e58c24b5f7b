package dev.loci.ros.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.loci.ros.fleet.FleetPacketType;
import dev.loci.ros.service.ServiceType;
import dev.loci.ros.transport.MalformedSampleException;
import dev.loci.ros.transport.SampleDecoder;
import geometry_msgs.msg.dds.PoseStampedPubSubType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import loci_msgs.msg.dds.DetectionArrayPubSubType;
import loci_msgs.msg.dds.DetectionPubSubType;
import loci_msgs.msg.dds.EventInfoPubSubType;
import loci_msgs.msg.dds.FleetPacketPubSubType;
import loci_msgs.msg.dds.FrontierInfoPubSubType;
import loci_msgs.msg.dds.FrontiersRequestPubSubType;
import loci_msgs.msg.dds.FrontiersResponsePubSubType;
import loci_msgs.msg.dds.ObjectInfoPubSubType;
import loci_msgs.msg.dds.ObjectListPubSubType;
import loci_msgs.msg.dds.ObjectsNearRequestPubSubType;
import loci_msgs.msg.dds.ObjectsNearResponsePubSubType;
import loci_msgs.msg.dds.RecallRequestPubSubType;
import loci_msgs.msg.dds.RecallResponsePubSubType;
import loci_msgs.msg.dds.RobotProfileInfoPubSubType;
import loci_msgs.msg.dds.RobotProfilesRequestPubSubType;
import loci_msgs.msg.dds.RobotProfilesResponsePubSubType;
import loci_msgs.msg.dds.RobotStatePubSubType;
import loci_msgs.msg.dds.SnapshotInfoPubSubType;
import loci_msgs.msg.dds.SnapshotsForRequestPubSubType;
import loci_msgs.msg.dds.SnapshotsForResponsePubSubType;
import loci_msgs.msg.dds.StateAtRequestPubSubType;
import loci_msgs.msg.dds.StateAtResponsePubSubType;
import loci_msgs.msg.dds.TaskEventPubSubType;
import loci_msgs.msg.dds.ToolCallRequestPubSubType;
import loci_msgs.msg.dds.ToolCallResponsePubSubType;
import loci_msgs.msg.dds.WhereIsRequestPubSubType;
import loci_msgs.msg.dds.WhereIsResponsePubSubType;
import nav_msgs.msg.dds.OdometryPubSubType;
import org.junit.jupiter.api.AfterAll;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * Coverage-guided fuzzing (jazzer) of every type whose bytes Loci takes from DDS: each loci_msgs message and
 * service request/response type as generated, the service envelopes (the rq/rr topics' types), the hand-written
 * CDR types and the standard inputs (odometry, poses). Bytes go through the path a {@link dev.loci.ros.transport.RosNode}
 * subscription uses: the subscriber's buffer ({@link WireSamples#received}), then {@link SampleDecoder}. The
 * property: a sample is refused with {@link MalformedSampleException} and nothing else (no RuntimeException, no
 * OutOfMemoryError from a length on the wire, no hang), or it is accepted, and then it is within every declared
 * bound (its type writes it again) and decodes again to the same bytes.
 * {@code mvn verify} replays the seeds in {@code WireFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes (see .ci/run).
 */
class WireFuzzTest {
    /** Every wire type by name (the DDS type name, or the envelope's for rq/rr topics). */
    static final Map<String, Supplier<TopicDataType<?>>> TARGETS = targets();
    private static final String[] NAMES = TARGETS.keySet().toArray(String[]::new);
    private static final Map<String, LongAdder> EXECUTIONS = new TreeMap<>();
    private static final Map<String, SampleDecoder<?>> DECODERS = new TreeMap<>();
    private static final Map<String, SerializedPayload> BUFFERS = new TreeMap<>();

    static {
        TARGETS.forEach((name, type) -> {
            EXECUTIONS.put(name, new LongAdder());
            DECODERS.put(name, new SampleDecoder<>(type.get()));
            BUFFERS.put(name, new SerializedPayload(type.get().getTypeSize() + 3)); // a subscriber reuses one too
        });
    }

    private static Map<String, Supplier<TopicDataType<?>>> targets() {
        Map<String, Supplier<TopicDataType<?>>> t = new TreeMap<>();
        List<Supplier<TopicDataType<?>>> generated = List.of(DetectionArrayPubSubType::new, DetectionPubSubType::new,
                EventInfoPubSubType::new, FleetPacketPubSubType::new, FrontierInfoPubSubType::new,
                FrontiersRequestPubSubType::new, FrontiersResponsePubSubType::new, ObjectInfoPubSubType::new,
                ObjectListPubSubType::new, ObjectsNearRequestPubSubType::new, ObjectsNearResponsePubSubType::new,
                RecallRequestPubSubType::new, RecallResponsePubSubType::new, RobotProfileInfoPubSubType::new,
                RobotProfilesRequestPubSubType::new, RobotProfilesResponsePubSubType::new, RobotStatePubSubType::new,
                SnapshotInfoPubSubType::new, SnapshotsForRequestPubSubType::new, SnapshotsForResponsePubSubType::new,
                StateAtRequestPubSubType::new, StateAtResponsePubSubType::new, TaskEventPubSubType::new,
                ToolCallRequestPubSubType::new, ToolCallResponsePubSubType::new, WhereIsRequestPubSubType::new,
                WhereIsResponsePubSubType::new, OdometryPubSubType::new, PoseStampedPubSubType::new,
                LaserScanType::new, OccupancyGridType::new, FleetPacketType::new);
        for (Supplier<TopicDataType<?>> type : generated) {
            t.put(type.get().getName(), type);
        }
        for (ServiceType<?, ?> service : List.of(LociServiceTypes.WHERE_IS, LociServiceTypes.OBJECTS_NEAR,
                LociServiceTypes.RECALL, LociServiceTypes.SNAPSHOTS_FOR, LociServiceTypes.FRONTIERS,
                LociServiceTypes.STATE_AT, LociServiceTypes.ROBOT_PROFILES, LociServiceTypes.TOOL_CALL)) {
            t.put("rq " + service.requestTypeName(), service::requestEnvelope);
            t.put("rr " + service.responseTypeName(), service::responseEnvelope);
        }
        return t;
    }

    /** One target for all types, so one bounded run in CI covers them (the last byte picks the type). */
    @FuzzTest(maxDuration = "20s")
    void anyWireType(FuzzedDataProvider data) {
        String name = data.pickValue(NAMES);
        decodeOrRefuse(name, data.consumeRemainingAsBytes());
    }

    @AfterAll
    static void printExecutions() {
        List<String> counts = new ArrayList<>();
        EXECUTIONS.forEach((name, n) -> counts.add(name + "=" + n));
        System.out.println("wire fuzz executions: " + counts);
    }

    /** @return whether the sample was accepted */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static boolean decodeOrRefuse(String name, byte[] wire) {
        EXECUTIONS.get(name).increment();
        SampleDecoder decoder = DECODERS.get(name);
        TopicDataType type = decoder.type();
        Object decoded = type.createData();
        try {
            decoder.decode(WireSamples.received(BUFFERS.get(name), wire), decoded);
        } catch (MalformedSampleException refused) {
            return false;
        }
        TopicDataType fresh = TARGETS.get(name).get();
        byte[] again = WireSamples.sent(fresh, decoded); // throws if a field is past its bound
        Object twice = fresh.createData();
        try {
            decoder.decode(WireSamples.received(BUFFERS.get(name), again), twice);
        } catch (MalformedSampleException e) {
            throw new AssertionError(name + ": an accepted sample, written again, is refused: " + e.getMessage(), e);
        }
        assertThat(WireSamples.sent(fresh, twice)).as("%s decoded from fuzz input round trips", name)
                .isEqualTo(again);
        return true;
    }
}
