package dev.loci.bench.ros;

import dev.loci.ros.memory.LociServiceTypes;
import dev.loci.ros.memory.MemoryNode;
import dev.loci.ros.memory.MemoryNodeSettings;
import dev.loci.ros.memory.ToolCallHandler;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.service.ServiceClient;
import dev.loci.ros.service.ServiceServer;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.LociConfig;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import loci_msgs.msg.dds.WhereIsRequest;
import loci_msgs.msg.dds.WhereIsRequestPubSubType;
import loci_msgs.msg.dds.WhereIsResponse;
import loci_msgs.msg.dds.WhereIsResponsePubSubType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ROS 2 service round trips over DDS on loopback (two participants, one JVM), next to a raw DDS ping-pong
 * of the same message types in the same run:
 * <ul>
 *   <li>{@code rawPingPong}: publish a WhereIsRequest, a responder publishes a WhereIsResponse back.</li>
 *   <li>{@code echoService}: the same exchange through rmw_cyclonedds-style service topics (header, guid filter).</li>
 *   <li>{@code whereIsService}: the memory node's where_is over 1,000 remembered objects (adds the query).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ServiceRoundTripBenchmark {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Path dir;
    private LociRuntime runtime;
    private MemoryNode memory;
    private RosNode server;
    private RosNode client;
    private ServiceClient<WhereIsRequest, WhereIsResponse> echo;
    private ServiceClient<WhereIsRequest, WhereIsResponse> whereIs;
    private RosPublisher<WhereIsRequest> ping;
    private volatile CompletableFuture<WhereIsResponse> pong;
    private final WhereIsRequest pingMessage = new WhereIsRequest();

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        RosDomain domain = new RosDomain(ThreadLocalRandom.current().nextInt(150, 200));
        dir = Files.createTempDirectory("loci-ros-bench");
        runtime = LociRuntime.open(dir, LociConfig.DEFAULT);
        List<Observation> batch = new ArrayList<>();
        String[] labels = {"mug", "chair", "book", "bottle", "plant"};
        for (int i = 0; i < 1000; i++) {
            Vec3 at = new Vec3((i % 40) * 1.5, (i / 40) * 1.5, 0.5);
            batch.add(Observation.of(RobotId.of("robot_1"), Timestamp.ofSeconds(1 + i * 0.01), "camera",
                    Pose.IDENTITY, labels[i % labels.length], Aabb.centered(at, new Vec3(0.1, 0.1, 0.1)), 0.9));
        }
        runtime.ingestAll(batch).join();
        runtime.flush();
        RosParameters params = new RosParameters(Map.of("robots", List.of("robot_1")), "benchmark");
        ToolCallHandler none = (tool, args) -> ToolCallHandler.ToolReply.failure("not in this benchmark");
        memory = new MemoryNode(runtime, MemoryNodeSettings.from(params, "/bench"), domain, none);

        server = new RosNode("bench_server", "/bench", domain);
        client = new RosNode("bench_client", "/bench", domain);
        new ServiceServer<>(server, "echo", LociServiceTypes.WHERE_IS, (q, r) -> {
            r.setOk(true);
            r.getObjects().add().setClassId(q.getClassIdAsString());
        });
        RosPublisher<WhereIsResponse> pongs = server.publisher("pong", new WhereIsResponsePubSubType(), RosQos.DEFAULT);
        WhereIsResponse pongMessage = new WhereIsResponse();
        server.subscribe("ping", new WhereIsRequestPubSubType(), RosQos.DEFAULT, q -> {
            pongMessage.getObjects().clear();
            pongMessage.setOk(true);
            pongMessage.getObjects().add().setClassId(q.getClassIdAsString());
            synchronized (pongs) {
                pongs.publish(pongMessage);
            }
        });
        client.subscribe("pong", new WhereIsResponsePubSubType(), RosQos.DEFAULT, r -> {
            CompletableFuture<WhereIsResponse> waiting = pong;
            if (waiting != null) {
                waiting.complete(r);
            }
        });
        ping = client.publisher("ping", new WhereIsRequestPubSubType(), RosQos.DEFAULT);
        pingMessage.setClassId("mug");

        echo = new ServiceClient<>(client, "echo", LociServiceTypes.WHERE_IS);
        whereIs = new ServiceClient<>(client, "where_is", LociServiceTypes.WHERE_IS);
        echo.callUntilAnswered(q -> q.setClassId("mug"), Duration.ofMillis(300), Duration.ofSeconds(20));
        whereIs.callUntilAnswered(q -> q.setClassId("mug"), Duration.ofMillis(300), Duration.ofSeconds(20));
        for (int i = 0; i < 200 && rawPingPongOnce(Duration.ofMillis(100)) == null; i++) {
            // until discovery has matched ping and pong
        }
    }

    private WhereIsResponse rawPingPongOnce(Duration timeout) {
        CompletableFuture<WhereIsResponse> reply = new CompletableFuture<>();
        pong = reply;
        ping.publish(pingMessage);
        try {
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    @Benchmark
    public WhereIsResponse rawPingPong() {
        WhereIsResponse r = rawPingPongOnce(TIMEOUT);
        if (r == null) {
            throw new IllegalStateException("pong lost");
        }
        return r;
    }

    @Benchmark
    public WhereIsResponse echoService() throws Exception {
        return echo.call(q -> q.setClassId("mug"), TIMEOUT);
    }

    @Benchmark
    public WhereIsResponse whereIsService() throws Exception {
        WhereIsResponse r = whereIs.call(q -> {
            q.setClassId("mug");
            q.getOrigin().set(10, 5, 0);
            q.setMaxResults(5);
        }, TIMEOUT);
        if (!r.getOk() || r.getObjects().size() != 5) {
            throw new IllegalStateException("where_is answered " + r.getErrorAsString());
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        client.close();
        server.close();
        memory.close();
        runtime.close();
    }
}
