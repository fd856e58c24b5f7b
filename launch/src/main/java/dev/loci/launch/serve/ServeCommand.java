package dev.loci.launch.serve;

import dev.loci.ros.memory.MemoryNode;
import dev.loci.ros.memory.MemoryNodeSettings;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.transport.RosDomain;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
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

    @Option(names = "--run-for", description = "Stop after this many seconds (default: run until interrupted).")
    Double runFor;

    @Override
    public Integer call() throws Exception {
        RosParameters parameters = RosParameters.load(params, namespace, MemoryNodeSettings.NODE_NAME);
        MemoryNodeSettings settings = MemoryNodeSettings.from(parameters, namespace);
        Path directory = data != null ? data : Path.of(parameters.string("data_dir", "loci-data/serve"));
        RosDomain domain = RosDomain.fromEnvironment(System.getenv());
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "loci-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (LociRuntime runtime = LociRuntime.open(directory, LociConfig.DEFAULT);
             MemoryNode node = new MemoryNode(runtime, settings, domain, new NoPlannerToolCalls())) {
            System.out.printf("loci serve: node %s in namespace '%s', ROS_DOMAIN_ID %d, memory %s%n"
                            + "  robots %s; services %s; publishing %s%n",
                    settings.nodeName(), node.rosNode().namespace(), domain.id(), directory.toAbsolutePath(),
                    settings.robots(), node.rosNode().resolve(settings.service("where_is")).replace("where_is", "*"),
                    node.rosNode().resolve(settings.topic("map")));
            if (runFor != null) {
                stop.await((long) (runFor * 1000), java.util.concurrent.TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            System.out.printf("loci serve: stopping (%d requests served, %d rejected inputs)%n", node.served(),
                    node.rejections().total());
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // already on the way out
            }
        }
        return 0;
    }
}
