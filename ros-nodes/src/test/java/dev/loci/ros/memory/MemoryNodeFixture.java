package dev.loci.ros.memory;

import dev.loci.ros.TestDomains;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.service.ServiceClient;
import dev.loci.ros.service.ServiceType;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A memory node on a real runtime in a temp dir, a robot-side node and a planner-side client node, on one DDS domain. */
final class MemoryNodeFixture implements AutoCloseable {
    static final String NAMESPACE = "/site_a";

    final RosDomain domain = TestDomains.fresh();
    final LociRuntime runtime;
    final MemoryNode memory;
    final RobotSide robot1;
    final RosNode planner;

    MemoryNodeFixture(Path dir) throws Exception {
        this(dir, "default");
    }

    /** With the node's sensor topics on {@code sensorQos} ("default": reliable, "sensor": best effort). */
    MemoryNodeFixture(Path dir, String sensorQos) throws Exception {
        runtime = LociRuntime.open(dir, LociConfig.DEFAULT);
        RosParameters params = new RosParameters(Map.of(
                "robots", List.of("robot_1", "robot_2"),
                "publish_period", 0.2,
                "pose_update_period", 0.01,
                "sensor_qos", sensorQos), "test");
        memory = new MemoryNode(runtime, MemoryNodeSettings.from(params, NAMESPACE), domain,
                new RuntimeAnsweringToolCalls(runtime));
        robot1 = new RobotSide("robot_1", domain);
        planner = new RosNode("planner", NAMESPACE, domain);
    }

    <Q, R> R call(ServiceType<Q, R> type, String name, Consumer<Q> fill) throws TimeoutException {
        ServiceClient<Q, R> client = new ServiceClient<>(planner, name, type);
        return client.callUntilAnswered(fill, Duration.ofMillis(300), Duration.ofSeconds(15));
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Publishes until memory has taken it: the first messages can go out before discovery matched. */
    void publishUntil(String what, Runnable publish, BooleanSupplier stored) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!stored.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("memory never took " + what);
            }
            publish.run();
            Thread.sleep(100);
        }
    }

    @Override
    public void close() throws Exception {
        planner.close();
        robot1.close();
        memory.close();
        runtime.close();
    }
}
