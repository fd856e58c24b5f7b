package dev.loci.ros.transport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Lockstep over asynchronous DDS: a bounded wait until a receiver has what a sender sent (its own count, or a
 * condition on it). A fixed-step simulation calls this at the end of a step so that the next step starts from
 * the same state whatever the threads' timing was.
 */
public final class DeliveryWait {
    private static final long SPIN_NANOS = 50_000;
    private static final long PARK_NANOS = 20_000;

    private DeliveryWait() {
    }

    /** True once {@code arrived} holds, false if it still does not after {@code timeout}. */
    public static boolean until(BooleanSupplier arrived, Duration timeout) {
        long start = System.nanoTime();
        long limit = timeout.toNanos();
        while (!arrived.getAsBoolean()) {
            long waited = System.nanoTime() - start;
            if (waited > limit) {
                return arrived.getAsBoolean();
            }
            if (waited < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(PARK_NANOS);
            }
            if (Thread.currentThread().isInterrupted()) {
                return arrived.getAsBoolean();
            }
        }
        return true;
    }
}
