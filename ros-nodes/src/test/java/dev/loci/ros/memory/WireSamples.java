package dev.loci.ros.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/** Samples as bytes on the wire, and back into the buffer a subscriber hands its type. */
final class WireSamples {
    private WireSamples() {
    }

    /**
     * The payload as ihmc-pub-sub's FastRTPSSubscriber prepares it: a buffer of the type's size + 3, the bytes
     * the native layer copied in (never more than fit), limit at their length.
     */
    static SerializedPayload received(TopicDataType<?> type, byte[] wire) {
        return received(new SerializedPayload(type.getTypeSize() + 3), wire);
    }

    /** The same into a subscriber's buffer that is reused, as the subscriber does. */
    static SerializedPayload received(SerializedPayload payload, byte[] wire) {
        int length = Math.min(wire.length, payload.getMax_size());
        payload.getData().clear();
        payload.getData().put(wire, 0, length).flip();
        payload.setLength(length);
        return payload;
    }

    /** What a publisher of {@code type} puts on the wire for {@code value}, encapsulation header included. */
    static <T> byte[] sent(TopicDataType<T> type, T value) {
        SerializedPayload payload = new SerializedPayload(type.getTypeSize() + 3);
        try {
            type.serialize(value, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] wire = new byte[payload.getLength()];
        payload.getData().duplicate().get(wire); // finishSerialize left the buffer flipped
        return wire;
    }
}
