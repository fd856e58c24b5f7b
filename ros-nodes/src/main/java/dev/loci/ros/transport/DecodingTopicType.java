package dev.loci.ros.transport;

import java.io.IOException;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * What a {@link RosNode} subscription hands the library in place of the message type: received samples are
 * decoded by a {@link SampleDecoder}, and a malformed one is kept for the listener to count instead of being
 * thrown into the library (which would print an IOException's stack trace, or pass a RuntimeException up the
 * DDS listener thread). The listener takes a sample and then {@link #takeFailure()} under this object's lock.
 */
final class DecodingTopicType<T> implements TopicDataType<T> {
    private final TopicDataType<T> type;
    private final SampleDecoder<T> decoder;
    private MalformedSampleException failure;

    DecodingTopicType(TopicDataType<T> type) {
        this.type = type;
        this.decoder = new SampleDecoder<>(type.newInstance());
    }

    @Override
    public void deserialize(SerializedPayload payload, T data) {
        try {
            decoder.decode(payload, data);
            failure = null;
        } catch (MalformedSampleException e) {
            failure = e;
        }
    }

    /** The failure of the last sample taken, if it was malformed; clears it. */
    MalformedSampleException takeFailure() {
        MalformedSampleException last = failure;
        failure = null;
        return last;
    }

    @Override
    public void serialize(T data, SerializedPayload payload) throws IOException {
        type.serialize(data, payload);
    }

    @Override
    public void serialize(T data, CDR cdr) {
        type.serialize(data, cdr);
    }

    @Override
    public void deserialize(T data, CDR cdr) {
        type.deserialize(data, cdr);
    }

    @Override
    public void serialize(T data, InterchangeSerializer serializer) {
        type.serialize(data, serializer);
    }

    @Override
    public void deserialize(InterchangeSerializer serializer, T data) {
        type.deserialize(serializer, data);
    }

    @Override
    public void copy(T src, T dest) {
        type.copy(src, dest);
    }

    @Override
    public int getTypeSize() {
        return type.getTypeSize();
    }

    @Override
    public String getName() {
        return type.getName();
    }

    @Override
    public T createData() {
        return type.createData();
    }

    /**
     * This very instance: the subscriber decodes with the instance it gets here, and its failures must reach
     * the listener that holds this one.
     */
    @Override
    public TopicDataType<T> newInstance() {
        return this;
    }
}
