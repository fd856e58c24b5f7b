package dev.loci.ros.memory;

import dev.loci.ros.TestDomains;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.transport.RosDomain;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A memory node (robot_1, robot_2; reliable sensor QoS) on a fresh domain, for tests outside this package. */
public final class MemoryNodeTestAccess implements AutoCloseable {
    private final RosDomain domain = TestDomains.fresh();
    private final LociRuntime runtime;
    private final MemoryNode node;

    private MemoryNodeTestAccess(Path dir, String namespace) throws Exception {
        runtime = LociRuntime.open(dir, LociConfig.DEFAULT);
        RosParameters params = new RosParameters(Map.of("robots", List.of("robot_1", "robot_2"),
                "sensor_qos", "default", "pose_update_period", 0.01), "test");
        node = new MemoryNode(runtime, MemoryNodeSettings.from(params, namespace), domain,
                new RuntimeAnsweringToolCalls(runtime));
    }

    public static MemoryNodeTestAccess start(Path dir, String namespace) throws Exception {
        return new MemoryNodeTestAccess(dir, namespace);
    }

    public int domainId() {
        return domain.id();
    }

    public long rejectedInputs() {
        return node.rejections().total() + node.rosNode().malformedSamples();
    }

    public LociRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() throws Exception {
        node.close();
        runtime.close();
    }
}
