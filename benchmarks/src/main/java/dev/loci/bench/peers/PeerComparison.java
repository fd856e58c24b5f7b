package dev.loci.bench.peers;

import dev.loci.bench.workload.WorkloadSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The side-by-side comparison from one command:
 * {@code java -Xmx8g -cp benchmarks/target/loci-benchmarks.jar dev.loci.bench.peers.PeerComparison}.
 * Exits 1 if any peer answered a question differently from Loci (the ratios would then compare different work).
 */
@Command(name = "peer-comparison", mixinStandardHelpOptions = true,
        description = "Loci vs SQLite (WAL, R*Tree) vs Redis (AOF everysec, GEO) on the same workload, same run.")
public final class PeerComparison implements Callable<Integer> {
    @Option(names = "--observations", defaultValue = "1000000", description = "observations ingested (default ${DEFAULT-VALUE})")
    int observations;

    @Option(names = "--events", defaultValue = "1000000", description = "events recorded (default ${DEFAULT-VALUE})")
    int events;

    @Option(names = "--batch", defaultValue = "100", description = "observations per ingest call (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--samples", defaultValue = "20000", description = "timed queries per store and workload (default ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--text-samples", defaultValue = "300", description = "timed text queries per store, each embedding its "
            + "question; the peers scan every vector, so these are slow (default ${DEFAULT-VALUE}; 0: no text workload)")
    int textSamples;

    @Option(names = "--models", description = "where the embedding model is unpacked (default: java.io.tmpdir/loci-bench-models)")
    Path models = Path.of(System.getProperty("java.io.tmpdir"), "loci-bench-models");

    @Option(names = "--rounds", defaultValue = "10", description = "rounds the stores take turns in (default ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--check", defaultValue = "2000", description = "questions per workload whose answers are compared (default ${DEFAULT-VALUE})")
    int check;

    @Option(names = "--reopens", defaultValue = "3", description = "reopen measurements per store (default ${DEFAULT-VALUE})")
    int reopens;

    @Option(names = "--no-redis", description = "leave Redis out (if redis-server is not installed)")
    boolean noRedis;

    @Option(names = "--loci-only", description = "Loci alone, e.g. to profile it (no ratios)")
    boolean lociOnly;

    @Option(names = "--dir", description = "where the stores' files go (default: java.io.tmpdir)")
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));

    public static void main(String[] args) {
        System.exit(new CommandLine(new PeerComparison()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<StoreKind> stores = new ArrayList<>(List.of(StoreKind.LOCI));
        if (!lociOnly) {
            stores.add(StoreKind.SQLITE);
        }
        if (!noRedis && !lociOnly) {
            if (RedisServer.installed().isEmpty()) {
                System.err.println("redis-server is not on the PATH: install it (apt-get install redis-server) or pass --no-redis");
                return 2;
            }
            stores.add(StoreKind.REDIS);
        }
        ComparisonSettings settings = new ComparisonSettings(WorkloadSettings.DEFAULT, stores, observations, events,
                batch, samples, textSamples, rounds, check, reopens, dir);
        ComparisonResult result = new Comparison(settings, models, System.out).run();
        result.print(System.out);
        return result.mismatches() == 0 ? 0 : 1;
    }
}
