package dev.loci.launch.demo;

import dev.loci.launch.progress.ProgressLine;
import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.allocation.NearestRobotAllocator;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.runtime.LociRuntime;
import dev.loci.sim.SimMemory;
import dev.loci.sim.picture.TopDownPicture;
import dev.loci.sim.world.World;
import dev.loci.sim.world.WorldBuilder;
import dev.loci.sim.world.WorldFiles;
import dev.loci.sim.world.WorldSpec;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code loci demo}: three heterogeneous robots explore a simulated building into one Loci memory, the planner
 * bridge runs fetch and go-to-object tasks chosen from that memory while one robot crashes, the memory node
 * answers queries over ROS 2, and the same tasks run again with nearest-robot allocation on a copy; the report
 * with pictures goes to {@code <data>/report}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Simulated robots explore into a Loci memory, then run fetch and go-to-object tasks from it "
                + "while one robot fails; compares embodiment-aware with nearest-robot allocation; queries the "
                + "memory over ROS 2; writes <data>/report/report.md with pictures."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Where the demo's memories and report go (default: ${DEFAULT-VALUE}); "
            + "the demo replaces its own memory, baseline-nearest and report folders there.",
            defaultValue = "loci-data")
    Path data;

    @Option(names = "--seed", description = "Seed of the world's object placement and sensor noise "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "7")
    long seed;

    @Option(names = "--world", description = "Bundled world: household, restaurant or supermarket "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "household")
    String world;

    @Option(names = "--quick", description = "A smaller run (fewer tasks and queries), for tests.")
    boolean quick;

    private final PrintStream out;
    private final ProgressLine progress;
    private final long started = System.nanoTime();

    public DemoCommand() {
        this(System.out);
    }

    DemoCommand(PrintStream out) {
        this.out = out;
        this.progress = ProgressLine.on(out);
    }

    @Override
    public Integer call() throws Exception {
        long wallStart = System.nanoTime();
        DemoSettings settings = quick ? DemoSettings.quick(world, seed) : DemoSettings.full(world, seed);
        Path memoryDir = data.resolve("memory");
        Path baselineDir = data.resolve("baseline-nearest");
        Path reportDir = data.resolve("report");
        for (Path dir : List.of(memoryDir, baselineDir, reportDir)) {
            deleteRecursively(dir);
        }
        WorldSpec spec = new WorldFiles().bundled(world);
        List<FleetMember> fleet = FleetMember.heterogeneous();
        List<String> pictures = new ArrayList<>();
        out.printf("Loci demo: %s, seed %d, robots %s; memory in %s%n", world, seed,
                fleet.stream().map(m -> m.name() + " (" + m.body().kind() + ")").toList(), memoryDir.toAbsolutePath());

        say("[1/5] exploring: frontier exploration, then a tour of the places, into one memory");
        ExplorePhase.Result explored;
        List<TaskChoice.Chosen> chosen;
        SnapshotGallery.Gallery snapshots;
        try (LociRuntime memory = SimMemory.open(memoryDir)) {
            World explorationWorld = build(spec);
            progress.start("      exploring");
            explored = ExplorePhase.run(explorationWorld, memory, fleet, settings, progress);
            progress.finish();
            say(String.format("      explored %.0f s of simulated time: %d objects of %d classes remembered, "
                            + "%d open frontiers", explored.seconds(), memory.stats().objects(),
                    memory.objectClasses().size(), memory.frontiers().size()));
            say("      over ROS 2: " + TaskPhase.Result.sensorSummary(explored.sensors()));
            chosen = TaskChoice.choose(memory, explorationWorld, settings.fetches(), settings.finds());
            pictures.add(picture(reportDir, "exploration.png", explorationWorld, memory, explored.trajectories()));
            snapshots = SnapshotGallery.write(reportDir, memory, chosen,
                    RenderedView.ifDisplay(System.getenv("DISPLAY"), world, seed, data.resolve("render")));
        }
        copyRecursively(memoryDir, baselineDir);
        say("      tasks chosen from memory: " + chosen.stream().map(TaskChoice.Chosen::words).toList());

        say("[2/5] tasks with embodiment-aware allocation; " + FleetMember.FAILING + " will crash mid-run");
        TaskPhase.Result byBody;
        Optional<RosQueries.Latencies> ros = Optional.empty();
        String rosProblem = "";
        DemoReport.MemoryFacts facts;
        try (LociRuntime memory = SimMemory.open(memoryDir)) {
            progress.start("[body]    tasks");
            byBody = TaskPhase.run("[body]   ", memory, build(spec), fleet, explored.poses(), explored.end(),
                    new EmbodimentAllocator(new TaskPlanner(memory)), chosen, settings, this::say, progress);
            progress.finish();
            say(String.format("      %d/%d tasks done; total task time %.1f s", byBody.done(), byBody.tasks().size(),
                    byBody.totalTaskSeconds()));
            say("      over ROS 2: " + byBody.wireSummary());
            pictures.add(picture(reportDir, "tasks-embodiment.png", byBody.world(), memory,
                    merge(explored.trajectories(), byBody.trajectories())));

            say("[3/5] the memory node serves this memory over ROS 2 (DDS on loopback); timing where_is / objects_near");
            try {
                List<String> classes = memory.objectClasses();
                List<Vec3> places = memory.profiles().stream().map(p -> p.value().pose().position()).toList();
                ros = Optional.of(RosQueries.measure(memory, fleet.stream().map(FleetMember::name).toList(),
                        classes, places, settings.queryCalls(), explored.end()));
                RosQueries.Latencies l = ros.get();
                say(String.format("      ROS_DOMAIN_ID %d: where_is p50 %.0f us p99 %.0f us; objects_near p50 %.0f "
                                + "us p99 %.0f us (%d calls each)", l.domain(),
                        RosQueries.Latencies.percentile(l.whereIsMicros(), 50),
                        RosQueries.Latencies.percentile(l.whereIsMicros(), 99),
                        RosQueries.Latencies.percentile(l.objectsNearMicros(), 50),
                        RosQueries.Latencies.percentile(l.objectsNearMicros(), 99), l.whereIsMicros().length));
            } catch (Exception | LinkageError e) {
                rosProblem = e.toString();
                say("      ROS 2 queries not measured: " + rosProblem);
            }
            memory.flush();
            facts = new DemoReport.MemoryFacts(memory.stats(), memory.bytesOnDisk(), memory.objectClasses().size(),
                    memory.snapshots().size(), memory.frontiers().size());
        }

        say("[4/5] the same tasks with nearest-robot allocation, on a copy of the explored memory, same world and seed");
        TaskPhase.Result nearest;
        try (LociRuntime memory = SimMemory.open(baselineDir)) {
            progress.start("[nearest] tasks");
            nearest = TaskPhase.run("[nearest]", memory, build(spec), fleet, explored.poses(), explored.end(),
                    new NearestRobotAllocator(memory, new TaskPlanner(memory)), chosen, settings, this::say,
                    progress);
            progress.finish();
            say(String.format("      %d/%d tasks done; total task time %.1f s", nearest.done(),
                    nearest.tasks().size(), nearest.totalTaskSeconds()));
            pictures.add(picture(reportDir, "tasks-nearest.png", nearest.world(), memory,
                    merge(explored.trajectories(), nearest.trajectories())));
        }

        say("[5/5] report");
        double wall = (System.nanoTime() - wallStart) / 1e9;
        String markdown = DemoReport.markdown(settings, fleet, explored, byBody, nearest, ros, rosProblem, facts,
                pictures, snapshots, wall);
        Path report = DemoReport.write(reportDir, markdown);
        out.printf("%nsuccess %d/%d (embodiment) vs %d/%d (nearest); total task time %.1f s vs %.1f s; "
                        + "SPL %.2f vs %.2f%n", byBody.done(), byBody.tasks().size(), nearest.done(),
                nearest.tasks().size(), byBody.totalTaskSeconds(), nearest.totalTaskSeconds(), byBody.spl(),
                nearest.spl());
        out.printf("memory: %.1f MiB on disk, %d objects, %d events; report: %s (%.0f s)%n",
                facts.bytesOnDisk() / (1024.0 * 1024.0), facts.stats().objects(), facts.stats().events(),
                report.toAbsolutePath(), wall);
        return byBody.done() == byBody.tasks().size() ? 0 : 1;
    }

    private void say(String line) {
        progress.say(line.startsWith("[") && line.charAt(2) == '/'
                ? String.format("%s   (%.0f s)", line, (System.nanoTime() - started) / 1e9) : line);
    }

    private World build(WorldSpec spec) {
        return new WorldBuilder().build(spec, seed);
    }

    private static String picture(Path folder, String name, World world, LociRuntime memory,
                                  Map<String, List<double[]>> trajectories) throws IOException {
        List<RememberedObject> remembered = new ArrayList<>();
        for (String label : memory.objectClasses()) {
            remembered.addAll(memory.objectsOfClass(label));
        }
        TopDownPicture picture = new TopDownPicture(world, 40).occupancy(memory.occupancyGrid())
                .remembered(remembered).snapshots(memory.snapshots()).frontiers(memory.frontiers());
        trajectories.values().forEach(picture::trajectory);
        picture.write(folder.resolve(name));
        return name;
    }

    private static Map<String, List<double[]>> merge(Map<String, List<double[]>> first,
                                                     Map<String, List<double[]>> then) {
        Map<String, List<double[]>> all = new java.util.LinkedHashMap<>();
        first.forEach((robot, points) -> all.put(robot, new ArrayList<>(points)));
        then.forEach((robot, points) -> all.computeIfAbsent(robot, r -> new ArrayList<>()).addAll(points));
        return all;
    }

    static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
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
