package dev.loci.ros.transport;

import java.util.concurrent.atomic.AtomicLong;

/** One subscription of a {@link RosNode}: what arrived on its topic and how much of it was malformed. */
public final class RosSubscription {
    private final String ddsTopic;
    private final AtomicLong malformed = new AtomicLong();

    RosSubscription(String ddsTopic) {
        this.ddsTopic = ddsTopic;
    }

    public String ddsTopic() {
        return ddsTopic;
    }

    /** Samples on this topic that did not decode as its type or broke a bound (counted, dropped). */
    public long malformedSamples() {
        return malformed.get();
    }

    long countMalformed() {
        return malformed.incrementAndGet();
    }
}
