package dev.loci.ros.robot;

import dev.loci.ros.transport.DeliveryTimeoutException;
import dev.loci.ros.transport.DeliveryWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Messages of one sender, numbered by it from 1, arriving on DDS listener threads (maybe on several topics, so
 * out of order) and handed out on the caller's thread in the sender's order. A message that arrived but was
 * refused keeps its number (as empty), so the numbers after it are not waited for in vain.
 */
final class OrderedInbox<T> {
    private final String what;
    private final TreeMap<Long, Optional<T>> waiting = new TreeMap<>();
    private long next = 1;
    private long received;
    private long duplicates;

    OrderedInbox(String what) {
        this.what = what;
    }

    synchronized void add(long seq, Optional<T> item) {
        if (seq < next || waiting.containsKey(seq)) {
            duplicates++;
            return;
        }
        waiting.put(seq, item);
        received++;
    }

    /**
     * Waits until every message up to number {@code upTo} is in, then removes and returns them in order (refused
     * ones left out). Throws {@link DeliveryTimeoutException} if they are not all in after {@code timeout}.
     */
    List<T> take(long upTo, Duration timeout) {
        if (!DeliveryWait.until(() -> complete(upTo), timeout)) {
            throw new DeliveryTimeoutException(what, upTo, upTo - missing(upTo), timeout);
        }
        List<T> items = new ArrayList<>();
        synchronized (this) {
            while (next <= upTo) {
                waiting.remove(next++).ifPresent(items::add);
            }
        }
        return items;
    }

    private synchronized boolean complete(long upTo) {
        return missing(upTo) == 0;
    }

    private synchronized long missing(long upTo) {
        if (upTo < next) {
            return 0;
        }
        Map<Long, Optional<T>> due = waiting.headMap(upTo, true);
        return upTo - next + 1 - due.size();
    }

    synchronized long received() {
        return received;
    }

    synchronized long duplicates() {
        return duplicates;
    }
}
