package dev.loci.launch.demo;

import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.RuntimeStats;
import dev.loci.runtime.Sighting;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loci demo}: until the simulator and ROS 2 issues land, a scripted session of three robots in an
 * apartment, stored in a real memory under {@code <data>/demo-session}, then the questions a planner would ask.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a scripted multi-robot session into a durable memory and query it.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Where memories live (default: ${DEFAULT-VALUE}); the demo "
            + "replaces its own demo-session folder there.", defaultValue = "loci-data")
    Path data;

    @Option(names = "--seed", description = "Seed of the scripted noise (default: ${DEFAULT-VALUE}).",
            defaultValue = "7")
    long seed;

    private final PrintStream out;

    public DemoCommand() {
        this(System.out);
    }

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        Path session = data.resolve("demo-session");
        deleteRecursively(session);
        out.println("Loci demo: three robots explore an apartment; memory lives in " + session.toAbsolutePath());
        out.println();
        long start = System.nanoTime();
        Timestamp end;
        try (LociRuntime runtime = LociRuntime.open(session, LociConfig.DEFAULT)) {
            end = new ScriptedSession(runtime, seed, line -> out.println("  " + line)).run();
            runtime.flush();
            RuntimeStats stats = runtime.stats();
            out.printf("%nStored in %.1f s (%.0f s of robot time): %d observations fused into %d objects of %d "
                            + "classes, %d events, %d robot profiles, %d KiB on disk.%n",
                    (System.nanoTime() - start) / 1e9, end.seconds(), stats.observations(), stats.objects(),
                    runtime.objectClasses().size(), stats.events(), stats.profiles(), runtime.bytesOnDisk() / 1024);
            ask(runtime);
        }
        long reopenStart = System.nanoTime();
        try (LociRuntime reopened = LociRuntime.open(session, LociConfig.DEFAULT)) {
            out.printf("%nReopened the memory in %d ms: %d observations, %d objects, %d events are all there.%n",
                    (System.nanoTime() - reopenStart) / 1_000_000, reopened.stats().observations(),
                    reopened.stats().objects(), reopened.stats().events());
        }
        out.println("Inspect it again with: ./loci stats --data " + session);
        return 0;
    }

    private void ask(LociRuntime runtime) {
        question("Where did I last see a mug?");
        Sighting mug = runtime.lastSeenOfClass("mug").orElseThrow();
        out.printf("  object #%d at %s, seen by %s at t=%.1f s%n", mug.objectId(), fmt(mug.where()),
                mug.seenBy().robot(), mug.seenBy().time().seconds());

        question("Every mug I know of?");
        runtime.objectsOfClass("mug").forEach(this::printObject);

        Vec3 table = runtime.objectsOfClass("table").get(0).position();
        question("What is within 0.6 m of the kitchen table " + fmt(table) + "?");
        runtime.objectsWithin(table, 0.6).forEach(this::printObject);

        Vec3 sofa = runtime.objectsOfClass("sofa").get(0).position();
        question("Which two chairs are nearest to the sofa?");
        runtime.nearestOfClass(sofa, "chair", 2).forEach(this::printObject);

        question("Which memory snapshots show a mug or a book? (3D-Mem retrieval: prefilter by class, then rank)");
        runtime.snapshotsFor(java.util.Set.of("mug", "book"), 3).forEach(s -> out.printf(
                "  frame #%-4d by %-7s at t=%5.1f s from %s shows %s%n", s.frame().id(), s.frame().robot(),
                s.frame().time().seconds(), fmt(s.frame().sensorPose().position()), s.classes()));
        out.printf("  (%d snapshots cover all %d confirmed objects, out of %d frames)%n", runtime.snapshots().size(),
                runtime.snapshots().stream().mapToInt(s -> s.objects().size()).sum(), runtime.stats().frames());

        question("What did arm_1 do?");
        List<StoredEvent> history = runtime.events(EventQuery.window(Timestamp.ZERO, Timestamp.ofSeconds(1e6))
                .ofRobot(RobotId.of("arm_1")));
        history.forEach(e -> out.printf("  t=%5.1f s  %-13s %s%n", e.event().time().seconds(), e.event().type(),
                e.event().description()));

        question("Which robots are there, and what can they do?");
        runtime.profiles().stream().sorted(Comparator.comparing(v -> v.value().id()))
                .forEach(this::printProfile);
    }

    private void question(String text) {
        out.println();
        out.println("? " + text);
    }

    private void printObject(RememberedObject o) {
        out.printf("  #%-3d %-9s at %s  seen %3d times, last by %-7s  %s%n", o.id(), o.label(), fmt(o.position()),
                o.observationCount(), o.lastSeen().robot(), o.attributes());
    }

    private void printProfile(Versioned<RobotProfile> versioned) {
        RobotProfile p = versioned.value();
        out.printf("  %-8s %-18s %-6s battery %3.0f%%  reach %.1f m  skills %s  (profile v%d)%n", p.id(),
                p.kind(), p.status(), p.battery() * 100, p.reachHeight(), p.skills(), versioned.version());
    }

    private static String fmt(Vec3 v) {
        return String.format("(%.2f, %.2f, %.2f)", v.x(), v.y(), v.z());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
