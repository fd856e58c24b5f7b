package dev.loci.ros.robot;

import dev.loci.planner.fleet.RobotLink;
import dev.loci.planner.fleet.RobotReports;
import dev.loci.planner.fleet.SkillCommand;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import loci_msgs.msg.dds.Heartbeat;
import loci_msgs.msg.dds.HeartbeatPubSubType;
import loci_msgs.msg.dds.SkillCommandPubSubType;
import loci_msgs.msg.dds.SkillOutcome;
import loci_msgs.msg.dds.SkillOutcomePubSubType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The planner's {@link RobotLink} to one robot over ROS 2: commands go out on {@code /<robot>/skill_command},
 * the robot's reports come back on {@code /<robot>/heartbeat} and {@code /<robot>/skill_outcome} (all reliable,
 * see {@link #QOS}). Reports are queued as they arrive and handed to the planner's {@link RobotReports} by
 * {@link #deliverReports} on the caller's thread, in the order the robot sent them, so a coordinator hears
 * from a robot only through DDS and a silent robot is one whose heartbeats stopped arriving.
 */
public final class RosRobotLink implements RobotLink {
    /**
     * Reliable, so lockstep can wait for every message; transient local (keep last 100), so what is sent before
     * the two DDS participants have discovered each other is still delivered once they have.
     */
    public static final RosQos QOS = new RosQos(true, true, false, 100);

    private static final Logger LOG = LoggerFactory.getLogger(RosRobotLink.class);

    private final RobotId robot;
    private final RosPublisher<loci_msgs.msg.dds.SkillCommand> commands;
    private final OrderedInbox<SkillWire.Report> reports;
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong outcomes = new AtomicLong();
    private long sent;

    /** Publishes and subscribes on {@code planner}, under the robot's namespace {@code /<robot>}. */
    public RosRobotLink(RosNode planner, RobotId robot) {
        this.robot = robot;
        String ns = "/" + robot.name() + "/";
        this.reports = new OrderedInbox<>("reports from " + robot + " (" + ns + "heartbeat, " + ns + "skill_outcome)");
        this.commands = planner.publisher(ns + "skill_command", new SkillCommandPubSubType(), QOS);
        planner.subscribe(ns + "heartbeat", new HeartbeatPubSubType(), QOS, (Heartbeat m) -> {
            heartbeats.incrementAndGet();
            receive(m.getSeq(), () -> SkillWire.heartbeat(m, robot));
        });
        planner.subscribe(ns + "skill_outcome", new SkillOutcomePubSubType(), QOS, (SkillOutcome m) -> {
            outcomes.incrementAndGet();
            receive(m.getSeq(), () -> SkillWire.outcome(m, robot));
        });
    }

    private void receive(long seq, Supplier<SkillWire.Report> read) {
        try {
            reports.add(seq, Optional.of(read.get()));
        } catch (InvalidValueException e) {
            long n = rejected.incrementAndGet();
            reports.add(seq, Optional.empty());
            LOG.warn("report from {} refused: {} [{} so far]", robot, e.getMessage(), n);
        }
    }

    @Override
    public RobotId robot() {
        return robot;
    }

    @Override
    public synchronized void execute(SkillCommand command) {
        loci_msgs.msg.dds.SkillCommand m = new loci_msgs.msg.dds.SkillCommand();
        SkillWire.fillExecute(m, sent + 1, robot, command);
        commands.publish(m);
        sent++;
    }

    @Override
    public synchronized void cancel(String taskId) {
        loci_msgs.msg.dds.SkillCommand m = new loci_msgs.msg.dds.SkillCommand();
        SkillWire.fillCancel(m, sent + 1, robot, taskId);
        commands.publish(m);
        sent++;
    }

    /** Commands published so far (the number of the last one). */
    public synchronized long commandsSent() {
        return sent;
    }

    /**
     * Waits until the robot's reports numbered up to {@code upTo} (its count of reports sent) have arrived, then
     * gives them to {@code to} in send order; a report {@code to} refuses is counted. Returns how many were
     * given. Throws {@link dev.loci.ros.transport.DeliveryTimeoutException} after {@code timeout}.
     */
    public int deliverReports(RobotReports to, long upTo, Duration timeout) {
        List<SkillWire.Report> due = reports.take(upTo, timeout);
        for (SkillWire.Report report : due) {
            try {
                report.applyTo(to);
            } catch (InvalidValueException e) {
                rejected.incrementAndGet();
                LOG.warn("report from {} refused by the planner: {}", robot, e.getMessage());
            }
        }
        return due.size();
    }

    /** Heartbeat messages (with or without progress) that arrived from the robot. */
    public long heartbeatsReceived() {
        return heartbeats.get();
    }

    public long outcomesReceived() {
        return outcomes.get();
    }

    /** Reports that arrived but were refused (bad fields, or refused by the planner). */
    public long rejectedReports() {
        return rejected.get();
    }
}
