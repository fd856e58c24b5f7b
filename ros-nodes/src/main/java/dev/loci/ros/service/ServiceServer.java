package dev.loci.ros.service;

import dev.loci.ros.transport.RosNames;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.ros.transport.RosSubscription;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import us.ihmc.pubsub.TopicDataType;

/**
 * Serves one service the rmw_cyclonedds way: takes requests from {@code rq/<name>Request}, answers on
 * {@code rr/<name>Reply} with the request's client guid and sequence number copied back. A request whose bytes
 * do not decode (a peer sending garbage) is counted in {@link #rejected()} and dropped; serving goes on.
 */
public final class ServiceServer<Q, R> {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceServer.class);

    /** Fills {@code response} for {@code request}; an exception here is logged and no reply is sent. */
    public interface Handler<Q, R> extends BiConsumer<Q, R> {
    }

    private final String service;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final RosSubscription requests;

    public ServiceServer(RosNode node, String rosName, ServiceType<Q, R> type, Handler<Q, R> handler) {
        this.service = node.resolve(rosName);
        TopicDataType<Envelope<R>> replyType = type.responseEnvelope();
        RosPublisher<Envelope<R>> replies = node.rawPublisher(RosNames.replyTopic(service), replyType, RosQos.SERVICES);
        this.requests = node.rawSubscribe(RosNames.requestTopic(service), type.requestEnvelope(), RosQos.SERVICES, request -> {
            Envelope<R> reply = replyType.createData();
            reply.clientGuid = request.clientGuid;
            reply.sequence = request.sequence;
            try {
                handler.accept(request.body, reply.body);
                synchronized (replies) {
                    replies.publish(reply);
                }
                served.incrementAndGet();
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                LOG.warn("service {} could not answer request {}: {}", service, request.sequence, e.toString());
            }
        });
    }

    public String service() {
        return service;
    }

    public long served() {
        return served.get();
    }

    public long failed() {
        return failed.get();
    }

    /** Requests dropped unanswered because their bytes did not decode or broke a bound (no reply: no guid to trust). */
    public long rejected() {
        return requests.malformedSamples();
    }
}
