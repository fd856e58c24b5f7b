package dev.loci.runtime.store;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the write path, readable from any thread. */
public final class WriterStats {
    final LongAdder commits = new LongAdder();
    final LongAdder committedWrites = new LongAdder();
    final LongAdder failedWrites = new LongAdder();
    final LongAdder rejectedQueueFull = new LongAdder();
    final LongAdder rejectedDiskFull = new LongAdder();
    final LongAdder commitNanos = new LongAdder();
    volatile long lastCommitNanos;

    public long commits() {
        return commits.sum();
    }

    public long committedWrites() {
        return committedWrites.sum();
    }

    public long failedWrites() {
        return failedWrites.sum();
    }

    public long rejectedQueueFull() {
        return rejectedQueueFull.sum();
    }

    /** Writes refused, unchanged, because the disk's free space was below the reserve. */
    public long rejectedDiskFull() {
        return rejectedDiskFull.sum();
    }

    /** Time spent committing (fsyncs included), in total. */
    public long commitNanos() {
        return commitNanos.sum();
    }

    public long lastCommitNanos() {
        return lastCommitNanos;
    }
}
