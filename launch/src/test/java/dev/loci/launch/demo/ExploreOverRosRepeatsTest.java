package dev.loci.launch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.RuntimeStats;
import dev.loci.sim.SimMemory;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;
import dev.loci.spatial.objects.RememberedObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exploring with the robots' sensing sent over real DDS to the memory node, twice with one seed: lockstep makes
 * both memories the same, whatever the DDS threads' timing was.
 */
class ExploreOverRosRepeatsTest {
    @TempDir
    Path data;

    @Test
    void theSameSeedGivesTheSameMemoryOverRos() throws Exception {
        DemoSettings settings = new DemoSettings("household", 7, 0.1, 2, 10, 1, 0, 10, 0, 1);
        Run first = explore(data.resolve("first"), settings);
        Run second = explore(data.resolve("second"), settings);

        assertThat(first.explored().sensors().handled()).isGreaterThan(100);
        assertThat(first.explored().sensors().rejected()).isZero();
        assertThat(first.explored().sensors().dropped()).isZero();
        assertThat(second.stats().observations()).isEqualTo(first.stats().observations()).isPositive();
        assertThat(second.stats().frames()).isEqualTo(first.stats().frames()).isPositive();
        assertThat(second.stats().objects()).isEqualTo(first.stats().objects());
        assertThat(second.objects()).isEqualTo(first.objects());
        assertThat(second.explored().poses()).usingRecursiveComparison().isEqualTo(first.explored().poses());
    }

    private record Run(ExplorePhase.Result explored, RuntimeStats stats, List<String> objects) {
    }

    private static Run explore(Path dir, DemoSettings settings) throws Exception {
        try (LociRuntime memory = SimMemory.open(dir)) {
            ExplorePhase.Result explored = ExplorePhase.run(
                    new WorldBuilder().build(new WorldFiles().bundled("household"), settings.seed()), memory,
                    FleetMember.heterogeneous(), settings, new dev.loci.launch.progress.ProgressLine(System.out,
                            dev.loci.launch.progress.ProgressLine.Mode.OFF, System::nanoTime,
                            dev.loci.launch.progress.ProgressLine.PLAIN_EVERY));
            List<String> objects = new ArrayList<>();
            for (String label : memory.objectClasses()) {
                for (RememberedObject o : memory.objectsOfClass(label)) {
                    objects.add(label + " " + o.position() + " " + o.confidence() + " " + o.observationCount());
                }
            }
            objects.sort(null);
            return new Run(explored, memory.stats(), objects);
        }
    }
}
