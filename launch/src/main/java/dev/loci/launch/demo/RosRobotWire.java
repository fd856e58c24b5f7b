package dev.loci.launch.demo;

import dev.loci.planner.fleet.RobotLink;
import dev.loci.planner.fleet.RobotReports;
import dev.loci.ros.robot.RosRobotEndpoint;
import dev.loci.ros.robot.RosRobotLink;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.spatial.provenance.RobotId;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task phase's planner-to-robot traffic over ROS 2 in this JVM: a planner node with one {@link RosRobotLink}
 * per robot, and per robot a node in its namespace ({@code /<robot>}) with a {@link RosRobotEndpoint} that
 * drives the simulated robot. {@link #settle} is the lockstep: it waits (bounded) until what either side
 * published has arrived and applies it in send order, robot by robot, so a run repeats for a seed.
 */
final class RosRobotWire implements AutoCloseable {
    /** Bounds one wait; generous because the first one also covers DDS discovery (1-2 s here). */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);

    /** DDS messages that went each way. */
    record Counts(int domain, long commandsSent, long commandsReceived, long reportsSent, long heartbeatsReceived,
                  long outcomesReceived, long refused) {
        long reportsReceived() {
            return heartbeatsReceived + outcomesReceived;
        }
    }

    private final RosDomain domain;
    private final RosNode planner;
    private final List<RosNode> robotNodes = new ArrayList<>();
    private final Map<String, RosRobotLink> links = new LinkedHashMap<>();
    private final Map<String, RosRobotEndpoint> endpoints = new LinkedHashMap<>();

    /** A random ROS_DOMAIN_ID, so runs on one machine do not hear each other. */
    static RosDomain randomDomain() {
        return new RosDomain(1 + new SecureRandom().nextInt(200));
    }

    RosRobotWire(RosDomain domain, List<String> robots) {
        this.domain = domain;
        this.planner = new RosNode("demo_planner", "/", domain);
        try {
            for (String robot : robots) {
                RosNode node = new RosNode("skills", "/" + robot, domain);
                robotNodes.add(node);
                links.put(robot, new RosRobotLink(planner, RobotId.of(robot)));
                endpoints.put(robot, new RosRobotEndpoint(node, RobotId.of(robot)));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    int domain() {
        return domain.id();
    }

    /** The planner's links, to attach to the coordinator. */
    List<RobotLink> plannerLinks() {
        return List.copyOf(links.values());
    }

    /** Where the simulated robot sends its heartbeats, progress and outcomes: its ROS 2 publishers. */
    RobotReports reportsOf(String robot) {
        return endpoints.get(robot);
    }

    /**
     * Reports that arrived go to the planner (in each robot's send order, robots in fleet order), then commands
     * that arrived (those just caused included) go to the robots' own links.
     */
    void settle(RobotReports planner, Map<String, ? extends RobotLink> robots) {
        for (Map.Entry<String, RosRobotLink> e : links.entrySet()) {
            e.getValue().deliverReports(planner, endpoints.get(e.getKey()).reportsSent(), DELIVERY_TIMEOUT);
        }
        for (Map.Entry<String, RosRobotEndpoint> e : endpoints.entrySet()) {
            e.getValue().applyCommands(robots.get(e.getKey()), links.get(e.getKey()).commandsSent(),
                    DELIVERY_TIMEOUT);
        }
    }

    /** Heartbeat messages from {@code robot} that reached the planner so far. */
    long heartbeatsFrom(String robot) {
        return links.get(robot).heartbeatsReceived();
    }

    Counts counts() {
        long commandsSent = 0;
        long commandsReceived = 0;
        long reportsSent = 0;
        long heartbeats = 0;
        long outcomes = 0;
        long refused = 0;
        for (String robot : links.keySet()) {
            RosRobotLink link = links.get(robot);
            RosRobotEndpoint endpoint = endpoints.get(robot);
            commandsSent += link.commandsSent();
            commandsReceived += endpoint.commandsReceived();
            reportsSent += endpoint.reportsSent();
            heartbeats += link.heartbeatsReceived();
            outcomes += link.outcomesReceived();
            refused += link.rejectedReports() + endpoint.rejectedCommands();
        }
        return new Counts(domain.id(), commandsSent, commandsReceived, reportsSent, heartbeats, outcomes, refused);
    }

    @Override
    public void close() {
        for (RosNode node : robotNodes) {
            node.close();
        }
        planner.close();
    }
}
