package dev.loci.ros.memory;

import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.provenance.RobotId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Loci memory node: one {@link LociRuntime} behind ROS 2. Subscribes per robot to what the robots send,
 * serves memory queries, publishes the map, markers and nearby-object lists on a timer. The runtime is the
 * caller's (it may outlive the node); the DDS node and the timer thread are this node's.
 */
public final class MemoryNode implements AutoCloseable {
    private final RosNode node;
    private final InputRejections rejections = new InputRejections();
    private final RobotInputs inputs;
    private final MemoryServices services;
    private final MemoryPublications publications;
    private final ScheduledExecutorService timer;

    public MemoryNode(LociRuntime runtime, MemoryNodeSettings settings, RosDomain domain, ToolCallHandler tools) {
        List<CompletableFuture<?>> written = new ArrayList<>();
        for (String robot : settings.robots()) { // configured robots are known from the start
            if (runtime.profile(RobotId.of(robot)).isEmpty()) {
                written.add(runtime.updateProfile(settings.profiles().get(robot), "params"));
            }
        }
        if (!written.isEmpty()) {
            runtime.flush(); // one commit for all, not one commit interval (up to seconds) per robot
            written.forEach(CompletableFuture::join);
        }
        this.node = new RosNode(settings.nodeName(), settings.namespace(), domain);
        this.inputs = new RobotInputs(runtime, settings, rejections);
        this.services = new MemoryServices(runtime, tools);
        this.publications = new MemoryPublications(node, runtime, settings, inputs);
        services.serve(node, settings);
        inputs.subscribe(node);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loci-memory-publisher");
            t.setDaemon(true);
            return t;
        });
        long period = settings.publishPeriod().toNanos();
        timer.scheduleAtFixedRate(publications::publishAll, 0, period, TimeUnit.NANOSECONDS);
    }

    /** Publishes map, markers and nearby objects now (the timer does it every publish_period). */
    public void publishNow() {
        publications.publishAll();
    }

    /**
     * Messages from {@code robot} this node has handled (written to memory or refused), on all its input topics:
     * a publisher in lockstep with the node waits for this to reach what it sent.
     */
    public long inputsHandled(String robot) {
        return inputs.handled(robot);
    }

    public InputRejections rejections() {
        return rejections;
    }

    /** Requests answered with ok=false (bad arguments, unknown values). */
    public long errorReplies() {
        return services.errorReplies();
    }

    public long served() {
        return services.served();
    }

    public long publishFailures() {
        return publications.failures();
    }

    public RosNode rosNode() {
        return node;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        node.close();
    }
}
