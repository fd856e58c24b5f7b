package dev.loci.ros.transport;

import us.ihmc.idl.CDR;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * Decodes samples of one DDS type from the bytes a subscriber received, the one way every topic and service
 * request of a {@link RosNode} is read: through {@link CheckedCdr} (no allocation for a length the sample
 * cannot hold), then the decoded value is written again into a scratch buffer, because the generated types
 * check a string's or sequence's declared bound only when writing. Any failure is a
 * {@link MalformedSampleException}; nothing else escapes. Not thread-safe: one per subscription.
 */
public final class SampleDecoder<T> {
    private final TopicDataType<T> type;
    private final CheckedCdr reader = new CheckedCdr();
    private final CDR boundsWriter = new CDR();
    private final SerializedPayload scratch;

    public SampleDecoder(TopicDataType<T> type) {
        this.type = type;
        this.scratch = new SerializedPayload(type.getTypeSize() + 3); // the size a subscriber allocates
    }

    public TopicDataType<T> type() {
        return type;
    }

    /** Fills {@code into} from {@code payload} (encapsulation header first), or refuses the sample. */
    public void decode(SerializedPayload payload, T into) throws MalformedSampleException {
        try {
            reader.deserialize(payload);
            type.deserialize(into, reader);
            reader.finishDeserialize();
        } catch (RuntimeException e) { // buffer underflow, a refused length, a value its type refuses
            throw new MalformedSampleException(type.getName(), e.toString(), e);
        }
        try {
            scratch.getData().clear();
            boundsWriter.serialize(scratch);
            type.serialize(into, boundsWriter);
            boundsWriter.finishSerialize();
        } catch (RuntimeException e) {
            throw new MalformedSampleException(type.getName(), "a field exceeds its bound: " + e.getMessage(), e);
        }
    }

    /** Convenience for callers holding the whole sample as bytes, encapsulation header included. */
    public void decode(byte[] sample, T into) throws MalformedSampleException {
        SerializedPayload payload = new SerializedPayload(Math.max(sample.length, 4));
        payload.getData().put(sample).flip();
        payload.setLength(sample.length);
        decode(payload, into);
    }
}
