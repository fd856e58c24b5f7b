package dev.loci.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoakRunTest {
    @TempDir
    Path dir;

    @Test
    void threadsAndFileDescriptorsDoNotGrowOverSimulatedHours() throws Exception {
        List<SoakRun.Sample> samples = SoakRun.run(dir, 3, 6, 600, System.out::println);

        SoakRun.Sample first = samples.get(0);
        SoakRun.Sample last = samples.get(samples.size() - 1);
        assertThat(last.threads()).as("threads after hour 6 vs hour 1").isLessThanOrEqualTo(first.threads() + 1);
        assertThat(last.openFiles()).as("open files after hour 6 vs hour 1").isLessThanOrEqualTo(first.openFiles() + 2);
        assertThat(last.objects()).as("objects fuse instead of growing with observations").isLessThanOrEqualTo(400);
    }
}
