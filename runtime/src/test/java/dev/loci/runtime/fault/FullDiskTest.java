package dev.loci.runtime.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.loci.runtime.LociConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A memory on a full disk: writes fail with an error naming the cause, acknowledged writes stay, reads keep
 * working, writes resume once space is freed, and the store reopens with every acknowledged write.
 *
 * <p>Each scenario runs in a child JVM. The small disk is {@code $LOCI_SMALL_DISK} when set (a tmpfs that CI mounts, e.g.
 * {@code mount -t tmpfs -o size=128m tmpfs /mnt/loci-small}); with {@code LOCI_SMALL_DISK=unshare}, or unset
 * outside CI, a 128 MB tmpfs mounted inside a private user + mount namespace ({@code unshare -rm}, no root
 * needed) for a child JVM that runs the scenario. With {@code CI} set, an unset variable is a failure.
 */
class FullDiskTest {
    /** MapDB's first 32 MB, the 48 MB reserve and room to write. */
    static final String SMALL_DISK_SIZE = "128m";
    /** LOCI_SMALL_DISK value asking the test to mount its own tmpfs in a private namespace. */
    static final String OWN_TMPFS = "unshare";

    @TempDir
    Path dir;

    @Test
    void aFullDiskRefusesWritesClearlyKeepsReadsAndResumesWhenSpaceIsFreed() throws Exception {
        FullDiskScenario.Outcome outcome = runOnSmallDisk(LociConfig.DEFAULT_DISK_RESERVE_BYTES);
        report("reserve guard", outcome);
        assertThat(outcome.failedWrites()).as("the disk filled up and writes were refused").isPositive();
        assertThat(outcome.firstError()).as("the error names the cause").startsWith("DiskFullException: disk full")
                .contains("resume once space is freed");
        assertThat(outcome.readsWhileFull()).as("reads work while the disk is full").isTrue();
        assertThat(outcome.neededReopen()).as("the same runtime takes writes again").isFalse();
        assertAllAcknowledgedKept(outcome);
    }

    @Test
    void aCommitThatRunsOutOfSpaceFailsClearlyAndAReopenAfterFreeingSpaceKeepsEveryAcknowledgedWrite()
            throws Exception {
        FullDiskScenario.Outcome outcome = runOnSmallDisk(0);
        report("no reserve", outcome);
        assertThat(outcome.failedWrites()).as("the disk filled up and writes failed").isPositive();
        assertThat(outcome.firstError()).as("the error names the cause").contains("disk full");
        assertThat(outcome.readsWhileFull()).as("reads work while the disk is full").isTrue();
        assertAllAcknowledgedKept(outcome);
    }

    private static void assertAllAcknowledgedKept(FullDiskScenario.Outcome outcome) {
        assertThat(outcome.ackedAfterFree()).as("writes succeed again after space is freed").isPositive();
        assertThat(outcome.missingAfterReopen()).as("acknowledged observations missing after reopen").isZero();
        assertThat(outcome.observationsAfterReopen()).as("nothing unacknowledged was kept")
                .isEqualTo(outcome.ackedBeforeFull() + outcome.ackedAfterFree());
    }

    private static void report(String mode, FullDiskScenario.Outcome outcome) {
        System.out.printf("full disk test (%s): %d observations acknowledged until full, %d batches refused (first:"
                        + " %s), reads while full %s, %d acknowledged after freeing space%s, %d missing after"
                        + " reopen of %d%n", mode, outcome.ackedBeforeFull(), outcome.failedWrites(),
                outcome.firstError(), outcome.readsWhileFull(), outcome.ackedAfterFree(),
                outcome.neededReopen() ? " (after a reopen)" : " (same runtime)", outcome.missingAfterReopen(),
                outcome.observationsAfterReopen());
    }

    private FullDiskScenario.Outcome runOnSmallDisk(long reserve) throws Exception {
        String smallDisk = System.getenv("LOCI_SMALL_DISK");
        boolean ci = System.getenv("CI") != null;
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        if (smallDisk != null && !smallDisk.isBlank() && !smallDisk.equals(OWN_TMPFS)) {
            // A child JVM here too: a runtime whose commit failed keeps its files mapped until its JVM exits, so
            // in this JVM the next test would find the space still taken.
            Path root = Files.createTempDirectory(Path.of(smallDisk), "full-disk-");
            try {
                return runScenario(new ProcessBuilder(javaBin, "-Xmx256m", "-cp", classPath,
                        FullDiskScenario.class.getName(), root.toString(), Long.toString(reserve)));
            } finally {
                try (var files = Files.walk(root)) { // the next test needs the space
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
        if (ci && smallDisk == null) {
            fail("LOCI_SMALL_DISK is not set: .ci/run mounts a small tmpfs and exports its path, or exports "
                    + OWN_TMPFS + " where unprivileged user namespaces let the test mount its own");
        }
        if (!unshareWorks()) {
            String why = "no small disk: set LOCI_SMALL_DISK to a small tmpfs (" + SMALL_DISK_SIZE + "), or allow"
                    + " unprivileged user namespaces (unshare -rm) so the test can mount its own";
            if (ci) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        return runScenario(new ProcessBuilder("unshare", "-rm", "sh", "-c",
                "mount -t tmpfs -o size=" + SMALL_DISK_SIZE + " tmpfs \"$1\" && exec \"$2\" -Xmx256m -cp \"$3\" "
                        + FullDiskScenario.class.getName() + " \"$1\" \"$4\"",
                "sh", dir.toString(), javaBin, classPath, Long.toString(reserve)));
    }

    private static FullDiskScenario.Outcome runScenario(ProcessBuilder command) throws Exception {
        Process child = command.redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String outcome = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("OUTCOME ")) {
                    outcome = line;
                }
            }
        }
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("scenario finished").isTrue();
        assertThat(child.exitValue()).as("scenario exit code").isZero();
        assertThat(outcome).as("scenario outcome").isNotNull();
        return FullDiskScenario.Outcome.fromLine(outcome);
    }

    private static boolean unshareWorks() {
        try {
            Process probe = new ProcessBuilder(List.of("unshare", "-rm", "true")).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
