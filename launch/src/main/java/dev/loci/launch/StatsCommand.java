package dev.loci.launch;

import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.RuntimeStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Opens a memory directory and prints what it holds. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Print what a memory directory holds.")
final class StatsCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Memory directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "loci-data/demo-session")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data)) {
            System.err.println("loci stats: no memory at " + data.toAbsolutePath());
            return 2;
        }
        try (LociRuntime runtime = LociRuntime.open(data, LociConfig.DEFAULT)) {
            RuntimeStats stats = runtime.stats();
            System.out.printf("memory %s%n  observations %d%n  objects %d in %d classes%n  events %d%n"
                            + "  robot profiles %d%n  blobs %d%n  bytes on disk %d%n", data.toAbsolutePath(),
                    stats.observations(), stats.objects(), runtime.objectClasses().size(), stats.events(),
                    stats.profiles(), stats.blobs(), runtime.bytesOnDisk());
        }
        return 0;
    }
}
