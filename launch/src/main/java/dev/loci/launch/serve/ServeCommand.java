package dev.loci.launch.serve;

import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.fleet.TimeSource;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.tool.ToolCatalog;
import dev.loci.ros.fleet.FleetLink;
import dev.loci.ros.fleet.FleetParameters;
import dev.loci.ros.memory.MemoryNode;
import dev.loci.ros.memory.MemoryNodeSettings;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.transport.RosDomain;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.fleet.FleetSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the memory node for real robots: ROS 2 over DDS, configured by a ROS 2 parameter file. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Loci memory node over ROS 2 (DDS) for real robots.",
                "Robots, topic and service names come from a ROS 2 parameter file (loci_memory: ros__parameters:).",
                "Honours ROS_DOMAIN_ID. See launch/config/loci_memory.params.yaml."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--params", required = true, description = "ROS 2 parameter YAML file.")
    Path params;

    @Option(names = "--namespace", defaultValue = "", description = "ROS namespace of the node (default: none).")
    String namespace;

    @Option(names = "--data", description = "Memory directory (default: the data_dir parameter, else loci-data/serve).")
    Path data;

    @Option(names = "--read-only-tools", description = "Serve only the reading tools on tool_call (no assign_task, report_outcome).")
    boolean readOnlyTools;

    @Option(names = "--heartbeat-timeout-ms", defaultValue = "3000",
            description = "Silence after which a robot is declared failed and its tasks reassigned (default ${DEFAULT-VALUE}).")
    long heartbeatTimeoutMs;

    @Option(names = "--run-for", description = "Stop after this many seconds (default: run until interrupted).")
    Double runFor;

    @Override
    public Integer call() throws Exception {
        RosParameters parameters = RosParameters.load(params, namespace, MemoryNodeSettings.NODE_NAME);
        MemoryNodeSettings settings = MemoryNodeSettings.from(parameters, namespace);
        FleetParameters fleetParameters = FleetParameters.from(parameters);
        Path directory = data != null ? data : Path.of(parameters.string("data_dir", "loci-data/serve"));
        RosDomain domain = RosDomain.fromEnvironment(System.getenv());
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // On SIGTERM/Ctrl-C the JVM halts once its hooks return: hold it until the link, node and store are closed.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loci-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "loci-task-tick");
            thread.setDaemon(true);
            return thread;
        });
        try (LociRuntime runtime = LociRuntime.open(directory, LociConfig.DEFAULT)) {
            // before the node exists, so that every write it makes is shared
            Optional<FleetSync> sync = fleetParameters.origin().map(runtime::fleet);
            try (MemoryNode node = new MemoryNode(runtime, settings, domain, toolCalls(runtime, ticker));
                 FleetLink link = sync.map(s -> FleetLink.start(node.rosNode(), s, fleetParameters.link()))
                         .orElse(null)) {
                System.out.printf("loci serve: node %s in namespace '%s', ROS_DOMAIN_ID %d, memory %s%n"
                                + "  robots %s; services %s; publishing %s%n",
                        settings.nodeName(), node.rosNode().namespace(), domain.id(), directory.toAbsolutePath(),
                        settings.robots(), node.rosNode().resolve(settings.service("where_is")).replace("where_is", "*"),
                        node.rosNode().resolve(settings.topic("map")));
                if (link != null) {
                    System.out.printf("  fleet memory on as origin %s: deltas %s, vectors %s%n",
                            sync.get().self(), node.rosNode().resolve(fleetParameters.link().deltasTopic()),
                            node.rosNode().resolve(fleetParameters.link().vectorsTopic()));
                }
                if (runFor != null) {
                    stop.await((long) (runFor * 1000), TimeUnit.MILLISECONDS);
                } else {
                    stop.await();
                }
                System.out.printf("loci serve: stopping (%d requests served, %d rejected inputs)%n", node.served(),
                        node.rejections().total());
                sync.ifPresent(s -> System.out.printf("  fleet: %s%n", s.stats()));
            }
        } finally {
            ticker.shutdownNow();
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already on the way out
            }
        }
        return 0;
    }

    /** The planner bridge's tool catalog behind the tool_call service, with its task coordinator ticking. */
    private CatalogToolCalls toolCalls(LociRuntime runtime, ScheduledExecutorService ticker) {
        TaskCoordinator coordinator = new TaskCoordinator(runtime, new EmbodimentAllocator(new TaskPlanner(runtime)),
                TimeSource.wallClock(), new TaskCoordinator.Settings(Duration.ofMillis(heartbeatTimeoutMs), 3));
        long period = Math.max(1, heartbeatTimeoutMs / 3);
        ticker.scheduleAtFixedRate(coordinator::tick, period, period, TimeUnit.MILLISECONDS);
        return new CatalogToolCalls(new ToolCatalog(runtime, coordinator,
                readOnlyTools ? ToolCatalog.Access.READ_ONLY : ToolCatalog.Access.READ_WRITE));
    }
}
