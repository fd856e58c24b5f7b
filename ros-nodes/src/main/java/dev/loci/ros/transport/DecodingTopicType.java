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
    /**
     * Bytes the subscriber's receive buffer holds. ihmc-pub-sub's native reader copies a received sample into
     * that buffer without checking its capacity, and Fast-DDS delivers samples longer than the registered
     * type size, so a peer's oversize sample would overwrite native memory (seen: a later abort in Fast-DDS's
     * pool destructors). The buffer is therefore sized for any unfragmented UDP sample, not for the type.
     */
    static final int RECEIVE_CAPACITY = 64 * 1024;

    private final TopicDataType<T> type;
    private final SampleDecoder<T> decoder;
    private final int typeSize;
    private final DecodingTopicType<T> owner;
    private MalformedSampleException failure;

    DecodingTopicType(TopicDataType<T> type) {
        this.type = type;
        this.decoder = new SampleDecoder<>(type.newInstance());
        this.typeSize = type.getTypeSize();
        this.owner = this;
    }

    /** The receiving view the subscriber gets from {@link #newInstance()}: same decoder and failure slot. */
    private DecodingTopicType(DecodingTopicType<T> owner) {
        this.type = owner.type;
        this.decoder = owner.decoder;
        this.typeSize = Math.max(owner.typeSize, RECEIVE_CAPACITY);
        this.owner = owner;
    }

    @Override
    public void deserialize(SerializedPayload payload, T data) {
        try {
            decoder.decode(payload, data);
            owner.failure = null;
        } catch (MalformedSampleException e) {
            owner.failure = e;
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

    /** The type's own size where it is registered; {@link #RECEIVE_CAPACITY} for the receive buffer. */
    @Override
    public int getTypeSize() {
        return typeSize;
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
     * The receiving view: the subscriber sizes its receive buffer from it and decodes with it, and its failures
     * land in this instance, where the listener takes them.
     */
    @Override
    public TopicDataType<T> newInstance() {
        return owner == this ? new DecodingTopicType<>(this) : this;
    }
}
