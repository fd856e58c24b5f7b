package dev.loci.ros.memory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts input the node refused, by reason ("detections: non-finite pose", "odometry: unknown robot", ...). */
public final class InputRejections {
    private static final Logger LOG = LoggerFactory.getLogger(InputRejections.class);

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    void count(String input, String reason, String detail) {
        long n = counts.computeIfAbsent(input + ": " + reason, k -> new AtomicLong()).incrementAndGet();
        if (Long.bitCount(n) == 1) { // 1, 2, 4, 8...: say it, but do not flood the log
            LOG.warn("rejected {} ({}): {} [{} so far]", input, reason, detail, n);
        }
    }

    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public long count(String key) {
        AtomicLong n = counts.get(key);
        return n == null ? 0 : n.get();
    }

    public Map<String, Long> byReason() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }
}
