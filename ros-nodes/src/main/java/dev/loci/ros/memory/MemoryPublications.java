package dev.loci.ros.memory;

import dev.loci.ros.transport.RosNames;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.runtime.LociRuntime;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.occupancy.OccupancyGrid;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import loci_msgs.msg.dds.ObjectList;
import loci_msgs.msg.dds.ObjectListPubSubType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import visualization_msgs.msg.dds.Marker;
import visualization_msgs.msg.dds.MarkerArray;
import visualization_msgs.msg.dds.MarkerArrayPubSubType;

/**
 * What the node publishes: the occupancy grid (latched), RViz markers of the remembered objects near the
 * robots, and each robot's nearby-object list for its controllers.
 */
final class MemoryPublications {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryPublications.class);
    /** visualization_msgs/MarkerArray as generated in ros2-common-interfaces holds at most 100 markers. */
    static final int MAX_MARKERS = 100;

    private final LociRuntime runtime;
    private final MemoryNodeSettings settings;
    private final RobotInputs robots;
    private final RosPublisher<GridMessage> map;
    private final RosPublisher<MarkerArray> markers;
    private final Map<String, RosPublisher<ObjectList>> nearby = new LinkedHashMap<>();
    private final AtomicLong failures = new AtomicLong();
    private OccupancyGrid lastGrid;

    MemoryPublications(RosNode node, LociRuntime runtime, MemoryNodeSettings settings, RobotInputs robots) {
        this.runtime = runtime;
        this.settings = settings;
        this.robots = robots;
        this.map = node.publisher(settings.topic("map"), new OccupancyGridType(), RosQos.LATCHED);
        this.markers = node.publisher(settings.topic("markers"), new MarkerArrayPubSubType(), RosQos.LATCHED);
        for (String robot : settings.robots()) {
            String topic = RosNames.resolve("/" + robot, node.name(), settings.topic("nearby_objects"));
            nearby.put(robot, node.publisher(topic, new ObjectListPubSubType(), RosQos.LATCHED));
        }
    }

    long failures() {
        return failures.get();
    }

    /** Publishes everything once; called on the node's timer. */
    synchronized void publishAll() {
        attempt("map", this::publishMap);
        attempt("nearby objects", this::publishNearby);
        attempt("markers", this::publishMarkers);
    }

    private void publishMap() {
        OccupancyGrid grid = runtime.occupancyGrid();
        if (grid.equals(lastGrid)) {
            return; // latched: late joiners still get the last one
        }
        GridMessage message = new GridMessage();
        message.stamp = now();
        message.frameId = settings.frameId();
        message.grid = grid;
        map.publish(message);
        lastGrid = grid;
    }

    private void publishNearby() {
        for (Map.Entry<String, RosPublisher<ObjectList>> entry : nearby.entrySet()) {
            Optional<Pose> pose = robots.lastPose(entry.getKey());
            if (pose.isEmpty()) {
                continue;
            }
            Vec3 at = pose.get().position();
            List<RememberedObject> found = new ArrayList<>(runtime.objectsWithin(at, settings.nearbyRadius()));
            found.sort((a, b) -> Double.compare(a.position().distanceSquaredTo(at), b.position().distanceSquaredTo(at)));
            ObjectList list = new ObjectList();
            Stamps.fill(list.getHeader().getStamp(), now());
            list.getHeader().setFrameId(settings.frameId());
            list.setRobot(entry.getKey());
            for (RememberedObject o : found) {
                if (list.getObjects().size() >= 256) { // the bound of ObjectList.objects
                    break;
                }
                MessageFill.object(list.getObjects().add(), o);
            }
            entry.getValue().publish(list);
        }
    }

    private void publishMarkers() {
        List<RememberedObject> shown = new ArrayList<>();
        for (String robot : settings.robots()) {
            robots.lastPose(robot).ifPresent(p -> shown.addAll(runtime.objectsWithin(p.position(), 4 * settings.nearbyRadius())));
        }
        MarkerArray array = new MarkerArray();
        Marker clear = array.getMarkers().add();
        clear.setAction(3); // DELETEALL: objects forgotten since the last message disappear too
        clear.getHeader().setFrameId(settings.frameId());
        shown.stream().distinct().limit(MAX_MARKERS - 1).forEach(o -> {
            Marker m = array.getMarkers().add();
            m.getHeader().setFrameId(settings.frameId());
            Stamps.fill(m.getHeader().getStamp(), now());
            m.setNs(MessageFill.clip(o.label(), 64));
            m.setId((int) o.id());
            m.setType(1); // CUBE
            m.setAction(0);
            m.getPose().getPosition().set(o.position().x(), o.position().y(), o.position().z());
            m.getPose().getOrientation().setToZero();
            m.getScale().set(Math.max(0.05, o.size().x()), Math.max(0.05, o.size().y()), Math.max(0.05, o.size().z()));
            m.getColor().setR(0.2f);
            m.getColor().setG(0.6f);
            m.getColor().setB(1.0f);
            m.getColor().setA((float) Math.max(0.2, o.confidence()));
        });
        markers.publish(array);
    }

    private static Timestamp now() {
        return Timestamp.ofNanos(System.currentTimeMillis() * 1_000_000L);
    }

    private void attempt(String what, Runnable publish) {
        try {
            publish.run();
        } catch (RuntimeException e) {
            long n = failures.incrementAndGet();
            if (Long.bitCount(n) == 1) {
                LOG.warn("could not publish {}: {} [{} failures so far]", what, e.toString(), n);
            }
        }
    }
}
