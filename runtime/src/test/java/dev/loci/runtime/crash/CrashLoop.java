package dev.loci.runtime.crash;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.store.DurableStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Crash-reopen harness: runs {@link CrashWriter} children, kills each with SIGKILL at a random moment
 * (0..MAX_DELAY ms after its first acknowledged write, so also during start-up commits and file growth), then
 * reopens the store in this JVM and checks every acknowledged observation. A failed reopen is counted, its
 * stack trace printed, and the broken directory kept (copied to DIR-failed-N) before starting over.
 * With mode {@code commit}, the child halts itself inside MapDB's in-place commit phase instead (see
 * {@link CrashWriter}). Usage: CrashLoop DIR KILLS MAX_DELAY_MS [SEED [kill|commit]]
 */
public final class CrashLoop {
    private CrashLoop() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int kills = Integer.parseInt(args[1]);
        int maxDelay = Integer.parseInt(args[2]);
        Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : System.nanoTime());
        boolean haltInCommit = args.length > 4 && args[4].equals("commit");
        Path dir = root.resolve("store");
        long nextIndex = 0;
        int failedReopens = 0;
        int lostAcks = 0;
        long start = System.nanoTime();
        for (int kill = 1; kill <= kills; kill++) {
            int delay = random.nextInt(maxDelay + 1);
            Map<Long, Long> acked = runAndKill(dir, nextIndex, delay, haltInCommit);
            nextIndex += 1_000_000;
            Path redo = dir.resolve("memory.db.redo");
            String outcome = "redo log " + (Files.exists(redo) ? Files.size(redo) : 0) + " bytes; ";
            try (LociRuntime runtime = LociRuntime.open(dir, LociConfig.DEFAULT)) {
                long missing = acked.values().stream().filter(id -> runtime.observation(id).isEmpty()).count();
                lostAcks += (int) missing;
                outcome += "reopened, " + acked.size() + " acks, " + missing + " missing, "
                        + runtime.stats().observations() + " observations";
            } catch (Throwable e) {
                failedReopens++;
                Path kept = root.resolve("failed-" + failedReopens);
                copy(dir, kept);
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                System.out.printf("kill %d (after %d ms): REOPEN FAILED (kept in %s):%n%s%n", kill, delay, kept, trace);
                delete(dir);
                continue;
            }
            try (DurableStore store = DurableStore.open(dir)) {
                outcome += ", " + readEveryRecord(store) + " MapDB records readable";
            } catch (Throwable e) {
                failedReopens++;
                Path kept = root.resolve("failed-" + failedReopens);
                copy(dir, kept);
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                outcome = "MAPDB RECORDS UNREADABLE (kept in " + kept + "):\n" + trace;
                delete(dir);
            }
            System.out.printf("kill %d (after %d ms): %s%n", kill, delay, outcome);
        }
        System.out.printf("SUMMARY kills=%d failedReopens=%d lostAcks=%d seconds=%d%n", kills, failedReopens,
                lostAcks, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start));
    }

    /** Reads every key and value of every map, so a torn node anywhere shows up, not only on the paths open uses. */
    private static long readEveryRecord(DurableStore store) {
        List<java.util.Map<?, ?>> maps = List.of(store.objects(), store.profiles(), store.objectVersions(),
                store.profileHistory(), store.occupancyChunks(), store.eventTraces(), store.semanticVectors(),
                store.chunks(), store.rehearsal(), store.frames(), store.counters());
        long records = 0;
        for (java.util.Map<?, ?> map : maps) {
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                records += entry.getValue() == null ? 0 : 1;
            }
        }
        return records;
    }

    private static Map<Long, Long> runAndKill(Path dir, long firstIndex, int delayMillis, boolean haltInCommit)
            throws Exception {
        List<String> options = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1");
        List<String> args = new ArrayList<>(List.of(dir.toString(), "42", Long.toString(firstIndex)));
        Map<Long, Long> acked = new ConcurrentHashMap<>();
        Consumer<String> onLine = line -> {
            if (line.startsWith("ACK ")) {
                String[] parts = line.split(" ");
                acked.put(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            }
        };
        if (haltInCommit) {
            args.add(Integer.toString(delayMillis));
            KilledChild.runUntilHalted(CrashWriter.class, options, args, onLine);
        } else {
            KilledChild.runAndKill(CrashWriter.class, options, args, "ACK ", delayMillis, onLine);
        }
        return Map.copyOf(acked);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
