package dev.loci.ros.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.ihmc.pubsub.DomainFactory;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.attributes.PublisherAttributes;
import us.ihmc.pubsub.attributes.SubscriberAttributes;
import us.ihmc.pubsub.common.SampleInfo;
import us.ihmc.pubsub.subscriber.Subscriber;
import us.ihmc.ros2.NewMessageListener;
import us.ihmc.ros2.ROS2Node;
import us.ihmc.ros2.ROS2Publisher;
import us.ihmc.ros2.ROS2Subscription;

/**
 * A ROS 2 node over ihmc-ros2-library (Fast-DDS inside the jar): names resolved against the node's namespace
 * the way rclcpp does, QoS given explicitly, DDS topic names chosen here rather than by the library (its
 * address-taking constructor would put every topic under /us/ihmc).
 */
public final class RosNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RosNode.class);

    private final ROS2Node node;
    private final String name;
    private final String namespace;
    private final RosDomain domain;
    private final List<ROS2Subscription<?>> subscriptions = new ArrayList<>();
    private final AtomicLong malformed = new AtomicLong();

    public RosNode(String name, String namespace, RosDomain domain) {
        this.name = name;
        this.namespace = RosNames.namespace(namespace);
        RosNames.resolve(this.namespace, name, "~"); // validates the node name
        this.domain = domain;
        // The DDS participant has an empty namespace: ROS namespaces live in the topic names, as with rmw.
        this.node = new ROS2Node(DomainFactory.getDomain(DomainFactory.PubSubImplementation.FAST_RTPS), name, "",
                domain.id());
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public RosDomain domain() {
        return domain;
    }

    /** Fully qualified name of a topic or service name given relative to this node. */
    public String resolve(String rosName) {
        return RosNames.resolve(namespace, name, rosName);
    }

    /** A publisher on ROS topic {@code rosName} (relative names go under this node's namespace). */
    public <T> RosPublisher<T> publisher(String rosName, TopicDataType<T> type, RosQos qos) {
        return rawPublisher(RosNames.topic(resolve(rosName)), type, qos);
    }

    /** Subscribes to ROS topic {@code rosName}; {@code onMessage} runs on a DDS listener thread. */
    public <T> RosSubscription subscribe(String rosName, TopicDataType<T> type, RosQos qos, Consumer<T> onMessage) {
        return rawSubscribe(RosNames.topic(resolve(rosName)), type, qos, onMessage);
    }

    /** A publisher on a DDS topic name used as is (service topics rq/.../rr/...). */
    public <T> RosPublisher<T> rawPublisher(String ddsTopic, TopicDataType<T> type, RosQos qos) {
        PublisherAttributes attributes = PublisherAttributes.create();
        attributes.topicDataType(type);
        attributes.topicName(ddsTopic);
        qos.applyTo(attributes);
        ROS2Publisher<T> publisher = node.createPublisher(type, attributes);
        return new RosPublisher<>(ddsTopic, publisher, type);
    }

    /**
     * Subscribes to a DDS topic name used as is. Samples are decoded by a {@link SampleDecoder}: one that does
     * not decode or breaks a bound is counted (here and on the returned subscription), logged now and then, and
     * dropped; {@code onMessage} sees only decoded samples.
     */
    public <T> RosSubscription rawSubscribe(String ddsTopic, TopicDataType<T> type, RosQos qos, Consumer<T> onMessage) {
        DecodingTopicType<T> decoding = new DecodingTopicType<>(type);
        RosSubscription subscription = new RosSubscription(ddsTopic);
        SubscriberAttributes attributes = SubscriberAttributes.create();
        attributes.topicDataType(decoding);
        attributes.topicName(ddsTopic);
        qos.applyTo(attributes);
        SampleInfo info = new SampleInfo();
        NewMessageListener<T> listener = (Subscriber<T> subscriber) -> {
            T data = type.createData();
            boolean taken;
            MalformedSampleException failure;
            synchronized (decoding) {
                try {
                    // Exactly one per callback: taking more makes the native layer print "Cannot read next data".
                    taken = subscriber.takeNextData(data, info);
                    failure = decoding.takeFailure();
                } catch (RuntimeException e) {
                    // The library refuses a sample longer than the type's maximum size before our decoder sees
                    // it; nothing may escape into the native listener that called us (the process aborts later).
                    taken = false;
                    failure = new MalformedSampleException(type.getName(), "longer than the type allows: " + e, e);
                }
            }
            if (failure != null) {
                subscription.countMalformed();
                long n = malformed.incrementAndGet();
                if (Long.bitCount(n) == 1) {
                    LOG.warn("malformed sample on {} dropped: {} [{} so far]", ddsTopic, failure.getMessage(), n);
                }
                return;
            }
            if (taken) {
                try {
                    onMessage.accept(data);
                } catch (RuntimeException e) {
                    LOG.warn("handler for {} failed: {}", ddsTopic, e.toString());
                }
            }
        };
        synchronized (subscriptions) {
            subscriptions.add(node.createSubscription(decoding, listener, attributes));
        }
        return subscription;
    }

    /** Samples that arrived but did not decode as their type (counted, dropped). */
    public long malformedSamples() {
        return malformed.get();
    }

    @Override
    public void close() {
        node.destroy();
    }
}
