package dev.loci.launch.demo;

import dev.loci.launch.serve.CatalogToolCalls;
import dev.loci.planner.allocation.EmbodimentAllocator;
import dev.loci.planner.fleet.TaskCoordinator;
import dev.loci.planner.task.TaskPlanner;
import dev.loci.planner.tool.ToolCatalog;
import dev.loci.ros.memory.LociServiceTypes;
import dev.loci.ros.memory.MemoryNode;
import dev.loci.ros.memory.MemoryNodeSettings;
import dev.loci.ros.params.RosParameters;
import dev.loci.ros.service.ServiceClient;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.Timestamp;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import loci_msgs.msg.dds.ObjectsNearRequest;
import loci_msgs.msg.dds.ObjectsNearResponse;
import loci_msgs.msg.dds.WhereIsRequest;
import loci_msgs.msg.dds.WhereIsResponse;

/**
 * Phase 3: the run's memory behind the ROS 2 memory node on a random ROS_DOMAIN_ID (DDS on loopback), and a
 * planner-side node calling {@code where_is} and {@code objects_near} the way a ROS 2 client would; each round
 * trip is timed.
 */
final class RosQueries {
    static final String NAMESPACE = "/loci_demo";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    /** Round-trip latencies in microseconds, sorted, and how many objects the answers named. */
    record Latencies(int domain, long[] whereIsMicros, long[] objectsNearMicros, long objectsAnswered,
                     long errorReplies) {
        static double percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
        }
    }

    private RosQueries() {
    }

    static Latencies measure(LociRuntime memory, List<String> robots, List<String> classes, List<Vec3> places,
                             int calls, Timestamp now) throws TimeoutException {
        RosDomain domain = new RosDomain(1 + new SecureRandom().nextInt(200));
        RosParameters params = new RosParameters(Map.of("robots", robots, "publish_period", 1.0), "loci demo");
        MemoryNodeSettings settings = MemoryNodeSettings.from(params, NAMESPACE);
        TaskCoordinator coordinator = new TaskCoordinator(memory, new EmbodimentAllocator(new TaskPlanner(memory)),
                () -> now, TaskCoordinator.Settings.DEFAULT);
        CatalogToolCalls tools = new CatalogToolCalls(new ToolCatalog(memory, coordinator,
                ToolCatalog.Access.READ_ONLY));
        try (MemoryNode node = new MemoryNode(memory, settings, domain, tools);
             RosNode planner = new RosNode("demo_planner", NAMESPACE, domain)) {
            ServiceClient<WhereIsRequest, WhereIsResponse> whereIs =
                    new ServiceClient<>(planner, settings.service("where_is"), LociServiceTypes.WHERE_IS);
            ServiceClient<ObjectsNearRequest, ObjectsNearResponse> near =
                    new ServiceClient<>(planner, settings.service("objects_near"), LociServiceTypes.OBJECTS_NEAR);
            whereIs.callUntilAnswered(q -> q.setClassId(classes.get(0)), Duration.ofMillis(300), Duration.ofSeconds(20));
            near.callUntilAnswered(q -> q.setRadius(1.0), Duration.ofMillis(300), Duration.ofSeconds(20));
            long[] whereMicros = new long[calls];
            long[] nearMicros = new long[calls];
            long answered = 0;
            long errors = 0;
            for (int i = 0; i < calls; i++) {
                String label = classes.get(i % classes.size());
                Vec3 at = places.get(i % places.size());
                long t0 = System.nanoTime();
                WhereIsResponse w = whereIs.call(q -> {
                    q.setClassId(label);
                    q.getOrigin().set(at.x(), at.y(), 0);
                    q.setMaxResults(5);
                }, CALL_TIMEOUT);
                long t1 = System.nanoTime();
                ObjectsNearResponse n = near.call(q -> {
                    q.getCenter().set(at.x(), at.y(), 0.5);
                    q.setRadius(1.5);
                }, CALL_TIMEOUT);
                long t2 = System.nanoTime();
                whereMicros[i] = (t1 - t0) / 1000;
                nearMicros[i] = (t2 - t1) / 1000;
                answered += w.getObjects().size() + n.getObjects().size();
                errors += (w.getOk() ? 0 : 1) + (n.getOk() ? 0 : 1);
            }
            Arrays.sort(whereMicros);
            Arrays.sort(nearMicros);
            return new Latencies(domain.id(), whereMicros, nearMicros, answered, errors);
        }
    }
}
