package dev.loci.ros.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loci.ros.memory.MemoryNodeTestAccess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with the DDS that ROS 2 uses: a C program built here against Debian's Cyclone DDS publishes as a
 * robot would and calls every Loci service the rmw_cyclonedds way; the answers are checked.
 * Needs cyclonedds-dev, cyclonedds-tools and gcc (.ci/run installs them; under CI a missing one fails).
 */
class CycloneInteropTest {
    private static final Path WORK = Path.of("target", "cyclone-interop");
    /**
     * Cyclone turns multicast off on a loopback-only host; Fast-DDS on the Java side discovers by multicast.
     * (Forcing "lo" on a host that also has a network interface breaks discovery instead: measured.)
     */
    private static final String LOOPBACK_MULTICAST = "<CycloneDDS><Domain><General><Interfaces>"
            + "<NetworkInterface name=\"lo\" multicast=\"true\"/></Interfaces></General></Domain></CycloneDDS>";

    @TempDir
    Path dir;

    @Test
    void aCycloneDdsPeerPublishesObservationsAndGetsTheRightAnswersFromEveryService() throws Exception {
        requireTools();
        Path peer = buildPeer();
        try (MemoryNodeTestAccess node = MemoryNodeTestAccess.start(dir, "/site_a")) {
            ProcessBuilder run = new ProcessBuilder(peer.toString(), String.valueOf(node.domainId()), "/site_a");
            if (onlyLoopback()) {
                run.environment().put("CYCLONEDDS_URI", LOOPBACK_MULTICAST);
            }
            run.redirectError(WORK.resolve("peer.stderr").toFile());
            Process process = run.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the Cyclone peer did not finish in 120 s; stderr: " + Files.readString(WORK.resolve("peer.stderr")));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(out + Files.readString(WORK.resolve("peer.stderr"))).isZero();
            Map<String, String> lines = out.lines().collect(Collectors.toMap(l -> l.split(" ")[0], l -> l, (a, b) -> b));

            assertThat(lines.get("where_is")).isEqualTo("where_is ok=1 n=1 class=mug x=2.000 y=0.000 by=robot_1");
            assertThat(lines.get("where_is_empty_class")).startsWith("where_is_empty_class ok=0 error=").contains("class_id");
            assertThat(lines.get("objects_near")).isEqualTo("objects_near ok=1 n=1 first=chair");
            assertThat(lines.get("recall")).startsWith("recall ok=1 n=").endsWith("first=fetch the mug for the kitchen");
            assertThat(lines.get("snapshots_for")).startsWith("snapshots_for ok=1 ");
            assertThat(lines.get("frontiers")).startsWith("frontiers ok=1 ");
            assertThat(lines.get("state_at")).isEqualTo("state_at ok=1 objects=2 robots=2");
            assertThat(lines.get("odometry")).isEqualTo("odometry robot_1_x=1.50");
            assertThat(lines.get("nearby_objects")).isEqualTo("nearby_objects n=2 nearest=mug");
            assertThat(lines.get("robot_profiles")).isEqualTo("robot_profiles ok=1 n=2 robot_1=busy battery=0.40");
            assertThat(lines.get("tool_call")).isEqualTo("tool_call ok=1 result={\"count\": 1}");
            assertThat(node.rejectedInputs()).isZero();
        }
    }

    private static boolean onlyLoopback() throws java.net.SocketException {
        return java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream().noneMatch(i -> {
            try {
                return i.isUp() && !i.isLoopback() && i.supportsMulticast();
            } catch (java.net.SocketException e) {
                return false;
            }
        });
    }

    private static void requireTools() {
        List<String> missing = new ArrayList<>();
        if (!onPath("idlc")) {
            missing.add("idlc (apt-get install cyclonedds-tools)");
        }
        if (!onPath("gcc")) {
            missing.add("gcc");
        }
        if (!Files.exists(Path.of("/usr/include/dds/dds.h"))) {
            missing.add("/usr/include/dds/dds.h (apt-get install cyclonedds-dev)");
        }
        if (!missing.isEmpty() && System.getenv("CI") != null) {
            fail("CI must run the Cyclone DDS interop test, but these are missing: " + missing);
        }
        assumeTrue(missing.isEmpty(), "skipping Cyclone DDS interop, missing: " + missing);
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static Path buildPeer() throws IOException, InterruptedException {
        Path idl = WORK.resolve("idl");
        Path generated = WORK.resolve("gen");
        List<Path> sources = CycloneIdl.convert(Path.of("target", "loci-msgs-work", "idl"), idl);
        assertThat(sources).hasSizeGreaterThan(16 + 10);
        for (Path source : sources) {
            exec(List.of("idlc", "-b", idl.toString(), "-o", generated.toString(), "-I", idl.toString(), source.toString()));
        }
        List<String> gcc = new ArrayList<>(List.of("gcc", "-O1", "-o", WORK.resolve("loci_interop_peer").toString(),
                "-I", generated.toString(), "src/test/c/loci_interop_peer.c"));
        try (Stream<Path> c = Files.walk(generated)) {
            c.filter(p -> p.toString().endsWith(".c")).forEach(p -> gcc.add(p.toString()));
        }
        gcc.add("-lddsc");
        exec(gcc);
        return WORK.resolve("loci_interop_peer").toAbsolutePath();
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command.subList(0, Math.min(3, command.size()))) + " failed:\n" + output);
        }
    }
}
