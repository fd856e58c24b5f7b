package dev.loci.ros.transport;

import java.time.Duration;

/** Messages sent on a reliable topic did not arrive within the lockstep's bound. */
public final class DeliveryTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeliveryTimeoutException(String what, long expected, long arrived, Duration timeout) {
        super(what + ": " + arrived + " of " + expected + " messages arrived within " + timeout.toMillis()
                + " ms (is the other side's DDS participant on the same ROS_DOMAIN_ID and still running?)");
    }
}
