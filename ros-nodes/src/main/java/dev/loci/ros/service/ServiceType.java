package dev.loci.ros.service;

import java.util.function.Supplier;
import us.ihmc.pubsub.TopicDataType;

/**
 * A .srv as the build generated it: {@code Name.srv} became {@code NameRequest} and {@code NameResponse}
 * message types; on the wire they carry rosidl's service type names.
 */
public record ServiceType<Q, R>(String rosPackage, String name, Supplier<TopicDataType<Q>> request,
                                Supplier<TopicDataType<R>> response) {

    /** e.g. {@code loci_msgs::srv::dds_::WhereIs_Request_}. */
    public String requestTypeName() {
        return rosPackage + "::srv::dds_::" + name + "_Request_";
    }

    public String responseTypeName() {
        return rosPackage + "::srv::dds_::" + name + "_Response_";
    }

    public TopicDataType<Envelope<Q>> requestEnvelope() {
        return new EnvelopeType<>(request.get(), requestTypeName());
    }

    public TopicDataType<Envelope<R>> responseEnvelope() {
        return new EnvelopeType<>(response.get(), responseTypeName());
    }
}
