package dev.loci.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent by threads and by the whole JVM. On a shared machine wall-clock throughput mostly measures
 * how much CPU the neighbours leave; CPU seconds per unit of work do not depend on that.
 */
final class ThreadCpu {
    /** The name {@code StoreWriter} gives its thread. */
    static final String STORE_WRITER = "loci-store-writer";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadCpu() {
    }

    /** CPU nanoseconds of the live thread named {@code name}, or -1 if there is none (or no CPU clock). */
    static long ofThread(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return THREADS.getThreadCpuTime(thread.getId());
            }
        }
        return -1;
    }

    static long ofCurrentThread() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** CPU nanoseconds of the whole JVM (all threads, including GC and JIT), or -1 if unknown. */
    static long ofProcess() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getProcessCpuTime() : -1;
    }
}
