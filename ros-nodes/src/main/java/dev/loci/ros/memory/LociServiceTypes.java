package dev.loci.ros.memory;

import dev.loci.ros.service.ServiceType;
import loci_msgs.msg.dds.FrontiersRequest;
import loci_msgs.msg.dds.FrontiersRequestPubSubType;
import loci_msgs.msg.dds.FrontiersResponse;
import loci_msgs.msg.dds.FrontiersResponsePubSubType;
import loci_msgs.msg.dds.ObjectsNearRequest;
import loci_msgs.msg.dds.ObjectsNearRequestPubSubType;
import loci_msgs.msg.dds.ObjectsNearResponse;
import loci_msgs.msg.dds.ObjectsNearResponsePubSubType;
import loci_msgs.msg.dds.RecallRequest;
import loci_msgs.msg.dds.RecallRequestPubSubType;
import loci_msgs.msg.dds.RecallResponse;
import loci_msgs.msg.dds.RecallResponsePubSubType;
import loci_msgs.msg.dds.RobotProfilesRequest;
import loci_msgs.msg.dds.RobotProfilesRequestPubSubType;
import loci_msgs.msg.dds.RobotProfilesResponse;
import loci_msgs.msg.dds.RobotProfilesResponsePubSubType;
import loci_msgs.msg.dds.SnapshotsForRequest;
import loci_msgs.msg.dds.SnapshotsForRequestPubSubType;
import loci_msgs.msg.dds.SnapshotsForResponse;
import loci_msgs.msg.dds.SnapshotsForResponsePubSubType;
import loci_msgs.msg.dds.StateAtRequest;
import loci_msgs.msg.dds.StateAtRequestPubSubType;
import loci_msgs.msg.dds.StateAtResponse;
import loci_msgs.msg.dds.StateAtResponsePubSubType;
import loci_msgs.msg.dds.ToolCallRequest;
import loci_msgs.msg.dds.ToolCallRequestPubSubType;
import loci_msgs.msg.dds.ToolCallResponse;
import loci_msgs.msg.dds.ToolCallResponsePubSubType;
import loci_msgs.msg.dds.WhereIsRequest;
import loci_msgs.msg.dds.WhereIsRequestPubSubType;
import loci_msgs.msg.dds.WhereIsResponse;
import loci_msgs.msg.dds.WhereIsResponsePubSubType;

/** The services of loci_msgs/srv, as the build generated them. */
public final class LociServiceTypes {
    private static final String PKG = "loci_msgs";

    public static final ServiceType<WhereIsRequest, WhereIsResponse> WHERE_IS = new ServiceType<>(PKG, "WhereIs",
            WhereIsRequestPubSubType::new, WhereIsResponsePubSubType::new);
    public static final ServiceType<ObjectsNearRequest, ObjectsNearResponse> OBJECTS_NEAR = new ServiceType<>(PKG,
            "ObjectsNear", ObjectsNearRequestPubSubType::new, ObjectsNearResponsePubSubType::new);
    public static final ServiceType<RecallRequest, RecallResponse> RECALL = new ServiceType<>(PKG, "Recall",
            RecallRequestPubSubType::new, RecallResponsePubSubType::new);
    public static final ServiceType<SnapshotsForRequest, SnapshotsForResponse> SNAPSHOTS_FOR = new ServiceType<>(PKG,
            "SnapshotsFor", SnapshotsForRequestPubSubType::new, SnapshotsForResponsePubSubType::new);
    public static final ServiceType<FrontiersRequest, FrontiersResponse> FRONTIERS = new ServiceType<>(PKG,
            "Frontiers", FrontiersRequestPubSubType::new, FrontiersResponsePubSubType::new);
    public static final ServiceType<StateAtRequest, StateAtResponse> STATE_AT = new ServiceType<>(PKG, "StateAt",
            StateAtRequestPubSubType::new, StateAtResponsePubSubType::new);
    public static final ServiceType<RobotProfilesRequest, RobotProfilesResponse> ROBOT_PROFILES = new ServiceType<>(PKG,
            "RobotProfiles", RobotProfilesRequestPubSubType::new, RobotProfilesResponsePubSubType::new);
    public static final ServiceType<ToolCallRequest, ToolCallResponse> TOOL_CALL = new ServiceType<>(PKG, "ToolCall",
            ToolCallRequestPubSubType::new, ToolCallResponsePubSubType::new);

    private LociServiceTypes() {
    }
}
