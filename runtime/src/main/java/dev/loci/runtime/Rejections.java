package dev.loci.runtime;

import dev.loci.spatial.validation.InvalidValueException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts bad inputs by the field that was wrong, so operators see what robots keep getting wrong. */
final class Rejections {
    private static final Logger log = LoggerFactory.getLogger(Rejections.class);
    private final Map<String, LongAdder> byField = new ConcurrentHashMap<>();

    InvalidValueException count(InvalidValueException rejection) {
        byField.computeIfAbsent(rejection.field(), f -> new LongAdder()).increment();
        log.debug("rejected input: {}", rejection.getMessage());
        return rejection;
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byField.forEach((field, count) -> counts.put(field, count.sum()));
        return counts;
    }
}
