package dev.loci.ros.service;

import dev.loci.ros.transport.RosNames;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import us.ihmc.pubsub.TopicDataType;

/**
 * Calls one service the rmw_cyclonedds way: requests on {@code rq/<name>Request} stamped with this client's
 * random 64-bit guid and a sequence number; replies from {@code rr/<name>Reply} not carrying that guid are
 * someone else's and ignored.
 */
public final class ServiceClient<Q, R> {
    private static final SecureRandom GUIDS = new SecureRandom();

    private final String service;
    private final long guid = GUIDS.nextLong();
    private final AtomicLong nextSequence = new AtomicLong(1);
    private final Map<Long, CompletableFuture<R>> pending = new ConcurrentHashMap<>();
    private final TopicDataType<Envelope<Q>> requestType;
    private final TopicDataType<Envelope<R>> replyType;
    private final RosPublisher<Envelope<Q>> requests;

    public ServiceClient(RosNode node, String rosName, ServiceType<Q, R> type) {
        this.service = node.resolve(rosName);
        this.requestType = type.requestEnvelope();
        this.replyType = type.responseEnvelope();
        node.rawSubscribe(RosNames.replyTopic(service), replyType, RosQos.SERVICES, reply -> {
            if (reply.clientGuid != guid) {
                return;
            }
            CompletableFuture<R> waiting = pending.remove(reply.sequence);
            if (waiting != null) {
                waiting.complete(reply.body);
            }
        });
        this.requests = node.rawPublisher(RosNames.requestTopic(service), requestType, RosQos.SERVICES);
    }

    public String service() {
        return service;
    }

    /** Sends a request filled by {@code fill}; the future completes with the reply. */
    public CompletableFuture<R> callAsync(Consumer<Q> fill) {
        Envelope<Q> request = requestType.createData();
        fill.accept(request.body);
        request.clientGuid = guid;
        request.sequence = nextSequence.getAndIncrement();
        CompletableFuture<R> reply = new CompletableFuture<>();
        pending.put(request.sequence, reply);
        try {
            synchronized (requests) {
                requests.publish(request);
            }
        } catch (RuntimeException e) {
            pending.remove(request.sequence);
            throw e;
        }
        return reply;
    }

    /** Calls and waits at most {@code timeout}. */
    public R call(Consumer<Q> fill, Duration timeout) throws TimeoutException {
        CompletableFuture<R> reply = callAsync(fill);
        try {
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new TimeoutException("no reply from " + service + " within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + service, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Calls, re-sending every {@code retry} until a reply comes or {@code total} has passed: a request sent
     * before discovery has matched the server is not delivered (volatile QoS), so first calls use this.
     */
    public R callUntilAnswered(Consumer<Q> fill, Duration retry, Duration total) throws TimeoutException {
        long deadline = System.nanoTime() + total.toNanos();
        while (true) {
            try {
                return call(fill, retry);
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("no reply from " + service + " within " + total);
                }
            }
        }
    }
}
