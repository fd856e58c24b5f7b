package dev.loci.runtime.fault;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.ObservationAck;
import dev.loci.runtime.TestObservations;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a memory on a small file system until it is full: opens a store under {@code root/store}, fills the
 * disk with {@code root/filler} up to a few MB of headroom, ingests batches (some observations with images, so
 * blobs grow too) until writes fail, checks that reads still work, deletes the filler, writes again, then
 * reopens and checks every acknowledged observation. It reports what happened; {@link FullDiskTest} judges it.
 * {@code main} runs it in a child JVM (inside a private mount namespace with a tmpfs) and prints the outcome.
 * Usage: FullDiskScenario ROOT DISK_RESERVE_BYTES
 */
public final class FullDiskScenario {
    private static final int BATCH = 50;
    private static final int MAX_BATCHES = 4000;
    /** Free space left beside the filler beyond the reserve: about this much is written before the disk is full. */
    private static final long WRITABLE = 4L << 20;

    /**
     * What happened. {@code errors} are the messages of failed writes, {@code missingAfterReopen} counts
     * acknowledged observations not found after reopening.
     */
    public record Outcome(long ackedBeforeFull, long failedWrites, String firstError, boolean readsWhileFull,
                          long ackedAfterFree, boolean neededReopen, long missingAfterReopen,
                          long observationsAfterReopen) {
        String toLine() {
            return "OUTCOME " + ackedBeforeFull + "|" + failedWrites + "|" + readsWhileFull + "|" + ackedAfterFree
                    + "|" + neededReopen + "|" + missingAfterReopen + "|" + observationsAfterReopen + "|"
                    + firstError.replace('\n', ' ');
        }

        static Outcome fromLine(String line) {
            String[] p = line.substring("OUTCOME ".length()).split("\\|", 8);
            return new Outcome(Long.parseLong(p[0]), Long.parseLong(p[1]), p[7], Boolean.parseBoolean(p[2]),
                    Long.parseLong(p[3]), Boolean.parseBoolean(p[4]), Long.parseLong(p[5]), Long.parseLong(p[6]));
        }
    }

    private FullDiskScenario() {
    }

    public static void main(String[] args) throws Exception {
        try {
            System.out.println(run(Path.of(args[0]), Long.parseLong(args[1])).toLine());
        } catch (Throwable failure) {
            failure.printStackTrace();
            System.exit(2);
        }
    }

    /** Runs the scenario with the runtime's disk reserve set to {@code reserve} bytes (0: no guard). */
    public static Outcome run(Path root, long reserve) throws Exception {
        Path dir = root.resolve("store");
        Path filler = root.resolve("filler");
        LociConfig config = LociConfig.DEFAULT.withDiskReserve(reserve);
        Map<Long, Long> acked = new HashMap<>(); // observation id -> index
        long next = 0;
        long failed = 0;
        String firstError = "";
        boolean readsWhileFull;
        boolean neededReopen = false;
        LociRuntime runtime = LociRuntime.open(dir, config);
        try {
            next = ingest(runtime, next, acked); // a store with some memory in it
            fill(filler, reserve + WRITABLE);
            int consecutiveFailures = 0;
            for (int b = 0; b < MAX_BATCHES && consecutiveFailures < 5; b++) {
                Optional<String> error = tryIngest(runtime, next, acked);
                next += BATCH;
                if (error.isPresent()) {
                    failed++;
                    consecutiveFailures++;
                    firstError = firstError.isEmpty() ? error.get() : firstError;
                } else {
                    consecutiveFailures = 0;
                }
            }
            readsWhileFull = acked.keySet().stream().allMatch(id -> runtime.observation(id).isPresent())
                    && !runtime.objectsWithin(new Vec3(0, 0, 0), 100).isEmpty();
        } catch (Exception | Error e) {
            runtime.close();
            throw e;
        }
        long ackedBeforeFull = acked.size();

        Files.delete(filler);
        long beforeFree = acked.size();
        Optional<String> afterFree = tryIngest(runtime, next, acked);
        next += BATCH;
        LociRuntime writable = runtime;
        if (afterFree.isPresent()) {
            // A commit that ran out of space leaves the store read-only until it is reopened.
            neededReopen = true;
            runtime.close();
            writable = LociRuntime.open(dir, config);
        }
        try {
            for (int b = 0; b < 10; b++, next += BATCH) {
                Optional<String> error = tryIngest(writable, next, acked);
                if (error.isPresent()) {
                    throw new IllegalStateException("writes fail after space was freed: " + error.get());
                }
            }
        } finally {
            writable.close();
        }
        long ackedAfterFree = acked.size() - beforeFree;
        long missing;
        long observations;
        try (LociRuntime reopened = LociRuntime.open(dir, config)) {
            missing = acked.keySet().stream().filter(id -> reopened.observation(id).isEmpty()).count();
            observations = reopened.stats().observations();
        }
        return new Outcome(ackedBeforeFull, failed, firstError, readsWhileFull, ackedAfterFree, neededReopen, missing,
                observations);
    }

    private static long ingest(LociRuntime runtime, long next, Map<Long, Long> acked) throws Exception {
        for (int b = 0; b < 10; b++, next += BATCH) {
            Optional<String> error = tryIngest(runtime, next, acked);
            if (error.isPresent()) {
                throw new IllegalStateException("could not ingest before the disk was full: " + error.get());
            }
        }
        return next;
    }

    /** One batch; empty if acknowledged, else the error's message (with its causes). */
    private static Optional<String> tryIngest(LociRuntime runtime, long first, Map<Long, Long> acked)
            throws InterruptedException {
        List<Observation> batch = new ArrayList<>();
        try {
            for (long i = first; i < first + BATCH; i++) {
                Observation observation = TestObservations.numbered(7, i);
                if (TestObservations.hasImage(i)) {
                    observation = observation.withImage(runtime.putBlob(TestObservations.imageFor(i)));
                }
                batch.add(observation);
            }
            List<ObservationAck> acks = runtime.ingestAll(batch).get(30, TimeUnit.SECONDS);
            for (int k = 0; k < acks.size(); k++) {
                acked.put(acks.get(k).observationId(), first + k);
            }
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(describe(e.getCause()));
        } catch (RuntimeException e) {
            return Optional.of(describe(e instanceof CompletionException ? e.getCause() : e));
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.of("no answer within 30 s");
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return text.toString();
    }

    /** Writes a filler file until at most {@code headroom} bytes are left on its file system. */
    static void fill(Path filler, long headroom) throws IOException {
        byte[] chunk = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(filler).getUsableSpace() > headroom + chunk.length) {
                out.write(chunk);
                out.flush();
            }
        }
    }
}
