package dev.loci.ros;

import dev.loci.ros.transport.RosDomain;
import java.util.concurrent.ThreadLocalRandom;

/** A DDS domain of its own for each test, so parallel builds on this machine do not see each other's traffic. */
public final class TestDomains {
    private TestDomains() {
    }

    public static RosDomain fresh() {
        return new RosDomain(ThreadLocalRandom.current().nextInt(100, 200));
    }
}
