package dev.loci.ros.memory;

import dev.loci.episodic.event.EventQuery;
import dev.loci.episodic.event.StoredEvent;
import dev.loci.ros.service.ServiceServer;
import dev.loci.ros.transport.RosNode;
import dev.loci.runtime.LociRuntime;
import dev.loci.runtime.WorldState;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.spatial.frontier.Frontier;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.provenance.Versioned;
import dev.loci.spatial.snapshot.Snapshot;
import dev.loci.spatial.validation.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import loci_msgs.msg.dds.RecallRequest;
import loci_msgs.msg.dds.RecallResponse;
import us.ihmc.idl.IDLSequence;

/**
 * The memory node's services. Each answers ok with results, or not ok with an error naming the bad value;
 * a failing request changes nothing and the next one is served as usual.
 */
final class MemoryServices {
    private static final int DEFAULT_RESULTS = 10;
    private static final double MAX_RADIUS = 1_000;

    private final LociRuntime runtime;
    private final ToolCallHandler tools;
    private final AtomicLong errorReplies = new AtomicLong();
    private final List<ServiceServer<?, ?>> servers = new ArrayList<>();

    MemoryServices(LociRuntime runtime, ToolCallHandler tools) {
        this.runtime = runtime;
        this.tools = tools;
    }

    long errorReplies() {
        return errorReplies.get();
    }

    long served() {
        return servers.stream().mapToLong(ServiceServer::served).sum();
    }

    void serve(RosNode node, MemoryNodeSettings settings) {
        servers.add(new ServiceServer<>(node, settings.service("where_is"), LociServiceTypes.WHERE_IS, (q, r) ->
                answer(r::setOk, r.getError(), () -> {
                    String label = requireLabel("class_id", q.getClassIdAsString());
                    Vec3 origin = Poses.vec("origin", q.getOrigin());
                    List<RememberedObject> found = runtime.nearestOfClass(origin, label, limit(q.getMaxResults(), 64));
                    return () -> fill(r.getObjects(), found, MessageFill::object, 64);
                })));
        servers.add(new ServiceServer<>(node, settings.service("objects_near"), LociServiceTypes.OBJECTS_NEAR, (q, r) ->
                answer(r::setOk, r.getError(), () -> {
                    Vec3 center = Poses.vec("center", q.getCenter());
                    double radius = radius(q.getRadius());
                    List<RememberedObject> found = new ArrayList<>(runtime.objectsWithin(center, radius));
                    found.sort((a, b) -> Double.compare(a.position().distanceSquaredTo(center),
                            b.position().distanceSquaredTo(center)));
                    return () -> fill(r.getObjects(), found, MessageFill::object, 256);
                })));
        servers.add(new ServiceServer<>(node, settings.service("recall"), LociServiceTypes.RECALL, (q, r) ->
                answer(r::setOk, r.getError(), () -> {
                    List<StoredEvent> events = recall(q);
                    return () -> fill(r.getEvents(), events, MessageFill::event, 256);
                })));
        servers.add(new ServiceServer<>(node, settings.service("snapshots_for"), LociServiceTypes.SNAPSHOTS_FOR, (q, r) ->
                answer(r::setOk, r.getError(), () -> {
                    Set<String> classes = new LinkedHashSet<>();
                    for (int i = 0; i < q.getClasses().size(); i++) {
                        classes.add(requireLabel("classes[" + i + "]", q.getClasses().get(i).toString()));
                    }
                    int limit = limit(q.getMaxResults(), 64);
                    List<Snapshot> found = classes.isEmpty() ? runtime.snapshots() : runtime.snapshotsFor(classes, limit);
                    return () -> fill(r.getSnapshots(), found.subList(0, Math.min(limit, found.size())),
                            MessageFill::snapshot, 64);
                })));
        servers.add(new ServiceServer<>(node, settings.service("frontiers"), LociServiceTypes.FRONTIERS, (q, r) ->
                answer(r::setOk, r.getError(), () -> {
                    List<Frontier> found = runtime.frontiers();
                    int limit = limit(q.getMaxResults(), 128);
                    return () -> fill(r.getFrontiers(), found.subList(0, Math.min(limit, found.size())),
                            MessageFill::frontier, 128);
                })));
        servers.add(new ServiceServer<>(node, settings.service("state_at"), LociServiceTypes.STATE_AT, (q, r) ->
                answer(r::setOk, r.getError(), () -> {
                    WorldState state = runtime.stateAt(Stamps.toTimestamp("stamp", q.getStamp()));
                    List<ObjectState> objects = state.objects();
                    List<Versioned<RobotProfile>> robots = state.robots();
                    return () -> {
                        fill(r.getObjects(), objects, MessageFill::objectState, 256);
                        fill(r.getRobots(), robots, MessageFill::profile, 64);
                    };
                })));
        servers.add(new ServiceServer<>(node, settings.service("robot_profiles"), LociServiceTypes.ROBOT_PROFILES,
                (q, r) -> answer(r::setOk, r.getError(), () -> {
                    List<Versioned<RobotProfile>> robots = runtime.profiles();
                    return () -> fill(r.getRobots(), robots, MessageFill::profile, 64);
                })));
        servers.add(new ServiceServer<>(node, settings.service("tool_call"), LociServiceTypes.TOOL_CALL, (q, r) ->
                answer(r::setOk, r.getError(), () -> {
                    String tool = requireLabel("tool", q.getToolAsString());
                    ToolCallHandler.ToolReply reply = tools.call(tool, q.getArgumentsJsonAsString());
                    if (!reply.ok()) {
                        throw new InvalidValueException("tool_call", tool, reply.error());
                    }
                    if (reply.resultJson().length() > 65_536) {
                        throw new InvalidValueException("result_json", reply.resultJson().length() + " chars",
                                "is longer than the 65536 the service allows");
                    }
                    return () -> r.setResultJson(reply.resultJson());
                })));
    }

    private List<StoredEvent> recall(RecallRequest q) {
        int limit = limit(q.getMaxResults(), 256);
        String mode = q.getModeAsString();
        switch (mode) {
            case "text" -> {
                List<StoredEvent> found = runtime.recall(requireText("question", q.getQuestionAsString()), limit);
                return found.subList(0, Math.min(256, found.size()));
            }
            case "time" -> {
                Timestamp since = Stamps.toTimestamp("since", q.getSince());
                Timestamp until = Stamps.toTimestamp("until", q.getUntil());
                if (until.isBefore(since)) {
                    throw new InvalidValueException("until", until.nanos(), "is before since");
                }
                EventQuery query = EventQuery.window(since, until).limit(limit);
                if (!q.getRobotAsString().isEmpty()) {
                    query = query.ofRobot(RobotId.of(q.getRobotAsString()));
                }
                if (q.getRadius() != 0) {
                    query = query.near(Poses.vec("center", q.getCenter()), radius(q.getRadius()));
                }
                return runtime.events(query);
            }
            default -> throw new InvalidValueException("mode", mode, "must be 'text' or 'time'");
        }
    }

    /** Validates and computes (may throw), then fills the reply (does not throw). */
    private void answer(Consumer<Boolean> ok, StringBuilder error, Supplier<Runnable> compute) {
        try {
            Runnable fill = compute.get();
            fill.run();
            ok.accept(true);
        } catch (RuntimeException e) {
            errorReplies.incrementAndGet();
            ok.accept(false);
            error.setLength(0);
            String message = e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            error.append(MessageFill.clip(String.valueOf(message), 256));
        }
    }

    /** Fills up to {@code bound} elements: the bound in the .srv (the generated list itself would grow past it). */
    private static <M, V> void fill(IDLSequence.Object<M> target, List<V> values, java.util.function.BiConsumer<M, V> filler,
                                    int bound) {
        for (V value : values) {
            if (target.size() >= bound) {
                break; // callers ask with max_results or a smaller radius for the rest
            }
            filler.accept(target.add(), value);
        }
    }

    private static int limit(long requested, int bound) {
        if (requested < 0) {
            throw new InvalidValueException("max_results", requested, "must be >= 0");
        }
        return requested == 0 ? Math.min(DEFAULT_RESULTS, bound) : (int) Math.min(requested, bound);
    }

    private static double radius(double radius) {
        if (!(radius > 0) || radius > MAX_RADIUS) {
            throw new InvalidValueException("radius", radius, "must be in (0, " + MAX_RADIUS + "] metres");
        }
        return radius;
    }

    private static String requireLabel(String field, String value) {
        if (value.isBlank()) {
            throw new InvalidValueException(field, value, "must not be empty");
        }
        return value;
    }

    private static String requireText(String field, String value) {
        return requireLabel(field, value);
    }
}
