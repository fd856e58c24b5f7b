package dev.loci.ros.memory;

import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import builtin_interfaces.msg.dds.Time;

/** builtin_interfaces/Time to and from Loci timestamps. */
final class Stamps {
    private static final long NANOS = 1_000_000_000L;

    private Stamps() {
    }

    static Timestamp toTimestamp(String field, Time time) {
        return toTimestamp(field, time.getSec(), time.getNanosec());
    }

    static Timestamp toTimestamp(String field, long sec, long nanosec) {
        if (sec < 0 || nanosec < 0 || nanosec >= NANOS) {
            throw new InvalidValueException(field, sec + "s " + nanosec + "ns", "must be a non-negative time with nanosec < 1e9");
        }
        return Timestamp.ofNanos(sec * NANOS + nanosec);
    }

    static void fill(Time time, Timestamp stamp) {
        time.setSec((int) Math.min(Integer.MAX_VALUE, stamp.nanos() / NANOS));
        time.setNanosec(stamp.nanos() % NANOS);
    }

    static void fillNow(Time time) {
        long now = System.currentTimeMillis() * 1_000_000L;
        fill(time, Timestamp.ofNanos(now));
    }
}
