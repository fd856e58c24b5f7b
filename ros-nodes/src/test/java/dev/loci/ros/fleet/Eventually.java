package dev.loci.ros.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Polls a condition that DDS traffic between JVMs makes true some time later (discovery, retransmission). */
final class Eventually {
    private Eventually() {
    }

    /** True as soon as {@code condition} holds, false if it still does not after {@code seconds}. */
    static boolean holds(BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    /** Fails, saying {@code what} did not happen, unless {@code condition} holds within {@code seconds}. */
    static void assertWithin(BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        assertThat(holds(condition, seconds)).as(what).isTrue();
    }
}
