package dev.loci.runtime.semantic.ingest;

import dev.loci.runtime.semantic.index.ItemKey;
import dev.loci.runtime.semantic.index.SemanticItem;
import dev.loci.spatial.embedding.Int8Vector;
import dev.loci.spatial.embedding.TextEmbedder;
import dev.loci.spatial.observation.Embedding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background thread that embeds texts, so ingest never waits for the model. Writers hand it items
 * ({@link #offer}: a map insert under a lock, no model call); it takes up to {@code batchSize} at a time,
 * embeds them in one batch, quantizes them and passes them to the sink (which persists them through the
 * store's writer). An item offered again before it was embedded is embedded once, with its newest metadata.
 * Past {@code capacity} waiting items, new ones are dropped and counted; the next backfill picks them up.
 */
public final class EmbeddingWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddingWorker.class);

    /** An item with its quantized vector. */
    public record Embedded(SemanticItem item, Int8Vector vector) {
    }

    private final TextEmbedder embedder;
    private final Function<List<Embedded>, CompletableFuture<?>> sink;
    private final int batchSize;
    private final int capacity;
    private final LinkedHashMap<ItemKey, SemanticItem> pending = new LinkedHashMap<>();
    private final Thread thread;
    private final AtomicLong embedded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();
    private CompletableFuture<?> lastWrite = CompletableFuture.completedFuture(null);
    private boolean busy;
    private boolean closed;

    public EmbeddingWorker(TextEmbedder embedder, Function<List<Embedded>, CompletableFuture<?>> sink, int batchSize,
                           int capacity) {
        this.embedder = embedder;
        this.sink = sink;
        this.batchSize = batchSize;
        this.capacity = capacity;
        this.thread = new Thread(this::run, "loci-embedder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues an item to be embedded; never blocks on the model. Returns false if dropped (queue full). */
    public synchronized boolean offer(SemanticItem item) {
        if (closed) {
            return false;
        }
        if (!pending.containsKey(item.key()) && pending.size() >= capacity) {
            dropped.incrementAndGet();
            return false;
        }
        pending.put(item.key(), item);
        notifyAll();
        return true;
    }

    /** Blocks until everything offered so far is embedded and its write has completed. */
    public void awaitIdle() throws InterruptedException {
        CompletableFuture<?> write;
        synchronized (this) {
            while ((!pending.isEmpty() || busy) && !closed) {
                wait();
            }
            write = lastWrite;
        }
        write.handle((r, e) -> null).join();
    }

    public long embeddedCount() {
        return embedded.get();
    }

    public long droppedCount() {
        return dropped.get();
    }

    public long failedBatches() {
        return failedBatches.get();
    }

    public synchronized int backlog() {
        return pending.size();
    }

    private void run() {
        while (true) {
            List<SemanticItem> batch = new ArrayList<>(batchSize);
            synchronized (this) {
                busy = false;
                notifyAll();
                while (pending.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                Iterator<Map.Entry<ItemKey, SemanticItem>> it = pending.entrySet().iterator();
                while (it.hasNext() && batch.size() < batchSize) {
                    batch.add(it.next().getValue());
                    it.remove();
                }
                busy = true;
            }
            embed(batch);
        }
    }

    private void embed(List<SemanticItem> batch) {
        try {
            List<Embedding> vectors = embedder.embedAll(batch.stream().map(SemanticItem::text).toList());
            List<Embedded> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                out.add(new Embedded(batch.get(i), Int8Vector.quantize(vectors.get(i).toArray())));
            }
            CompletableFuture<?> write = sink.apply(out);
            synchronized (this) {
                lastWrite = write;
            }
            embedded.addAndGet(batch.size());
        } catch (RuntimeException e) {
            // A failed batch must not stop the worker; its items are lost until the next backfill, and counted.
            failedBatches.incrementAndGet();
            log.error("embedding a batch of {} texts failed: {}", batch.size(), e.toString());
        }
    }

    /** Stops the thread; items not yet embedded are left for the next backfill. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
