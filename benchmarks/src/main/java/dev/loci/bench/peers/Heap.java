package dev.loci.bench.peers;

import java.lang.management.ManagementFactory;

/** Used heap after a full collection: what objects still reachable occupy. */
final class Heap {
    private Heap() {
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
