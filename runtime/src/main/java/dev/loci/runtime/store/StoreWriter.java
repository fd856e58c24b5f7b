package dev.loci.runtime.store;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single owner of the write path: one thread applies every write to the store's maps and commits on a
 * timer (group commit), or at once when asked to flush. A write's future completes only after the commit
 * that made it durable, so an acknowledged write survives kill -9; the commit interval is therefore the most
 * a crash can lose of what was submitted but not yet acknowledged.
 *
 * <p>Backpressure: the queue is bounded; a submit waits up to the offer timeout for room and is then refused
 * (the future fails with {@link IngestRejectedException}) rather than letting memory grow without bound.
 */
public final class StoreWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreWriter.class);
    private static final int DRAIN_BATCH = 4096;

    /** What must run just before each commit (writing back dirty in-memory state), in order. */
    public interface CommitHook {
        void beforeCommit();
    }

    private final DurableStore store;
    private final DiskSpaceGuard diskSpace;
    private final List<CommitHook> hooks;
    private final long commitIntervalNanos;
    private final long offerTimeoutNanos;
    private final BlockingQueue<Write<?>> queue;
    private final Thread thread;
    private final WriterStats stats = new WriterStats();
    private final List<Write<?>> uncommitted = new ArrayList<>();
    private volatile boolean closing;
    private volatile Throwable failure;

    private static final class Write<R> {
        final Supplier<R> action;
        final CompletableFuture<R> done = new CompletableFuture<>();
        final boolean flush;
        R result;

        Write(Supplier<R> action, boolean flush) {
            this.action = action;
            this.flush = flush;
        }

        void apply() {
            result = action.get();
        }

        void acknowledge() {
            done.complete(result);
        }
    }

    public StoreWriter(DurableStore store, List<CommitHook> hooks, Duration commitInterval, int queueCapacity,
                       Duration offerTimeout) {
        this(store, new DiskSpaceGuard(store.directory(), 0), hooks, commitInterval, queueCapacity, offerTimeout);
    }

    /** With a guard that refuses writes (before they change anything) while the disk is nearly full. */
    public StoreWriter(DurableStore store, DiskSpaceGuard diskSpace, List<CommitHook> hooks, Duration commitInterval,
                       int queueCapacity, Duration offerTimeout) {
        this.store = store;
        this.diskSpace = diskSpace;
        this.hooks = List.copyOf(hooks);
        this.commitIntervalNanos = commitInterval.toNanos();
        this.offerTimeoutNanos = offerTimeout.toNanos();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.thread = new Thread(this::run, "loci-store-writer");
        this.thread.setDaemon(false);
        this.thread.start();
    }

    /**
     * Runs {@code action} on the writer thread; the future completes with its result once it is committed.
     * The action must validate before it mutates anything: a throw leaves earlier mutations in the batch.
     */
    public <R> CompletableFuture<R> submit(Supplier<R> action) {
        return enqueue(new Write<>(action, false));
    }

    /** Completes once everything submitted before it is committed. */
    public CompletableFuture<Void> flush() {
        return enqueue(new Write<>(() -> null, true));
    }

    public WriterStats stats() {
        return stats;
    }

    private <R> CompletableFuture<R> enqueue(Write<R> write) {
        Throwable failed = failure;
        if (failed != null) {
            write.done.completeExceptionally(failed instanceof DiskFullException full ? full
                    : new IllegalStateException("the store failed and is read-only: " + failed.getMessage(), failed));
            return write.done;
        }
        if (closing) {
            write.done.completeExceptionally(new IllegalStateException("the store is closing"));
            return write.done;
        }
        try {
            if (!queue.offer(write, offerTimeoutNanos, TimeUnit.NANOSECONDS)) {
                stats.rejectedQueueFull.increment();
                write.done.completeExceptionally(new IngestRejectedException("write queue full (capacity "
                        + (queue.size() + queue.remainingCapacity()) + ") for "
                        + Duration.ofNanos(offerTimeoutNanos).toMillis() + " ms: the store cannot keep up"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            write.done.completeExceptionally(e);
        }
        return write.done;
    }

    private void run() {
        List<Write<?>> batch = new ArrayList<>(DRAIN_BATCH);
        long nextCommit = System.nanoTime() + commitIntervalNanos;
        while (!(closing && queue.isEmpty())) {
            try {
                long wait = uncommitted.isEmpty() ? commitIntervalNanos : Math.max(0, nextCommit - System.nanoTime());
                Write<?> first = queue.poll(wait, TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, DRAIN_BATCH - 1);
                }
                for (Write<?> write : batch) {
                    boolean flushRequested = apply(write);
                    // Check the deadline after every write, not once per drained batch: a batch can hold
                    // seconds of work, and the commit interval is a promise about how much a crash may lose.
                    if (!uncommitted.isEmpty() && (flushRequested || System.nanoTime() >= nextCommit)) {
                        nextCommit = System.nanoTime() + commitIntervalNanos; // from the start: commits take time
                        commit();
                    }
                }
                batch.clear();
                if (!uncommitted.isEmpty() && System.nanoTime() >= nextCommit) {
                    nextCommit = System.nanoTime() + commitIntervalNanos;
                    commit(); // the deadline passed while the queue was empty
                } else if (uncommitted.isEmpty()) {
                    nextCommit = Math.max(nextCommit, System.nanoTime());
                }
            } catch (InterruptedException e) {
                closing = true;
            }
        }
        if (!uncommitted.isEmpty()) {
            commit();
        }
    }

    private boolean apply(Write<?> write) {
        if (failure != null) {
            write.done.completeExceptionally(new IllegalStateException("the store failed and is read-only",
                    failure));
            return false;
        }
        try {
            if (!write.flush) {
                diskSpace.check("the write");
            }
            write.apply();
            uncommitted.add(write);
            return write.flush;
        } catch (DiskFullException e) {
            stats.rejectedDiskFull.increment();
            if (stats.rejectedDiskFull.sum() == 1 || stats.rejectedDiskFull.sum() % 1000 == 0) {
                log.warn("{} ({} writes refused for a full disk so far)", e.getMessage(), stats.rejectedDiskFull.sum());
            }
            write.done.completeExceptionally(e);
            return false;
        } catch (RuntimeException e) {
            stats.failedWrites.increment();
            log.warn("write refused: {}", e.getMessage());
            write.done.completeExceptionally(e);
            return false;
        }
    }

    private void commit() {
        long start = System.nanoTime();
        try {
            for (CommitHook hook : hooks) {
                hook.beforeCommit();
            }
            store.commit();
        } catch (IOException | RuntimeException e) {
            // After a failed commit the in-memory state and the file disagree: stop taking writes, keep serving
            // reads, and let a reopen recover the last good commit.
            failure = DiskFullException.causedByFullDisk(e)
                    ? new DiskFullException("disk full while committing to " + store.directory() + ": the store is"
                            + " read-only until reopened (acknowledged writes are safe; free space, then reopen)", e)
                    : e;
            log.error("commit failed; the store is now read-only until reopened", failure);
            for (Write<?> write : uncommitted) {
                write.done.completeExceptionally(failure);
            }
            uncommitted.clear();
            return;
        }
        stats.commits.increment();
        stats.committedWrites.add(uncommitted.size());
        stats.lastCommitNanos = System.nanoTime() - start;
        stats.commitNanos.add(stats.lastCommitNanos);
        for (Write<?> write : uncommitted) {
            write.acknowledge();
        }
        uncommitted.clear();
    }

    /** Stops taking writes, commits everything queued, then returns; the caller closes the store. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
