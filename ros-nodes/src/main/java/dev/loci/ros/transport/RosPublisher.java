package dev.loci.ros.transport;

import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;
import us.ihmc.ros2.ROS2Publisher;

/** Publishes on one DDS topic; a message past a declared bound is refused with an exception naming the field. */
public final class RosPublisher<T> {
    private final String ddsTopic;
    private final ROS2Publisher<T> publisher;
    private final TopicDataType<T> type;

    RosPublisher(String ddsTopic, ROS2Publisher<T> publisher, TopicDataType<T> type) {
        this.ddsTopic = ddsTopic;
        this.publisher = publisher;
        this.type = type.newInstance();
    }

    public String ddsTopic() {
        return ddsTopic;
    }

    /**
     * Sends {@code message}. Throws {@link MessageTooLargeException} when a string or sequence is longer than
     * its bound in the .msg file (the generated serializer would otherwise refuse it with a bare exception).
     */
    public void publish(T message) {
        if (!publisher.publish(message)) {
            // The library logs the serializer's complaint and returns false; find out why, to say it.
            String why = whyUnserializable(message);
            if (why == null) {
                throw new IllegalStateException("DDS refused a message on " + ddsTopic);
            }
            throw new MessageTooLargeException(ddsTopic, why);
        }
    }

    private String whyUnserializable(T message) {
        try {
            type.serialize(message, new SerializedPayload(type.getTypeSize()));
            return null;
        } catch (RuntimeException | java.io.IOException e) {
            return String.valueOf(e.getMessage());
        }
    }
}
