package dev.loci.ros.robot;

import dev.loci.planner.fleet.OutcomeReceipt;
import dev.loci.planner.fleet.RobotLink;
import dev.loci.planner.fleet.RobotReports;
import dev.loci.planner.fleet.StepOutcome;
import dev.loci.planner.task.TaskState;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import loci_msgs.msg.dds.Heartbeat;
import loci_msgs.msg.dds.HeartbeatPubSubType;
import loci_msgs.msg.dds.SkillCommandPubSubType;
import loci_msgs.msg.dds.SkillOutcome;
import loci_msgs.msg.dds.SkillOutcomePubSubType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robot's end of a {@link RosRobotLink}: receives {@code skill_command} under the robot's namespace and
 * hands the commands to the robot's own {@link RobotLink} by {@link #applyCommands} (on the robot's thread,
 * in the planner's order); as the robot's {@link RobotReports} it publishes heartbeats, progress and
 * outcomes, numbered together from 1. A robot that stops calling it goes silent on the wire.
 */
public final class RosRobotEndpoint implements RobotReports {
    private static final Logger LOG = LoggerFactory.getLogger(RosRobotEndpoint.class);

    private final RobotId robot;
    private final RosPublisher<Heartbeat> heartbeats;
    private final RosPublisher<SkillOutcome> outcomes;
    private final OrderedInbox<SkillWire.Command> commands;
    private final AtomicLong rejected = new AtomicLong();
    private long sent;

    /** Publishes and subscribes on {@code node}, which is in the robot's namespace {@code /<robot>}. */
    public RosRobotEndpoint(RosNode node, RobotId robot) {
        this.robot = robot;
        this.commands = new OrderedInbox<>("commands to " + robot + " (" + node.resolve("skill_command") + ")");
        this.heartbeats = node.publisher("heartbeat", new HeartbeatPubSubType(), RosRobotLink.QOS);
        this.outcomes = node.publisher("skill_outcome", new SkillOutcomePubSubType(), RosRobotLink.QOS);
        node.subscribe("skill_command", new SkillCommandPubSubType(), RosRobotLink.QOS,
                (loci_msgs.msg.dds.SkillCommand m) -> {
                    try {
                        commands.add(m.getSeq(), Optional.of(SkillWire.command(m, robot)));
                    } catch (InvalidValueException e) {
                        long n = rejected.incrementAndGet();
                        commands.add(m.getSeq(), Optional.empty());
                        LOG.warn("command to {} refused: {} [{} so far]", robot, e.getMessage(), n);
                    }
                });
    }

    public RobotId robot() {
        return robot;
    }

    @Override
    public synchronized void heartbeat(RobotId from) {
        Heartbeat m = new Heartbeat();
        SkillWire.fillHeartbeat(m, sent + 1, mine(from), "", 0, 0);
        heartbeats.publish(m);
        sent++;
    }

    @Override
    public synchronized void progress(RobotId from, String taskId, int step, double fraction) {
        Heartbeat m = new Heartbeat();
        SkillWire.fillHeartbeat(m, sent + 1, mine(from), taskId, step, fraction);
        heartbeats.publish(m);
        sent++;
    }

    /**
     * Publishes the outcome. The planner's receipt does not travel back over the wire, so the receipt returned
     * here only says the outcome was sent: {@code accepted} false, state {@code RUNNING}, and a note.
     */
    @Override
    public synchronized OutcomeReceipt outcome(StepOutcome outcome) {
        mine(outcome.robot());
        SkillOutcome m = new SkillOutcome();
        SkillWire.fillOutcome(m, sent + 1, outcome);
        outcomes.publish(m);
        sent++;
        return new OutcomeReceipt(false, TaskState.RUNNING, "sent over ROS 2 as report " + sent
                + "; the planner decides");
    }

    /** Reports published so far (the number of the last one). */
    public synchronized long reportsSent() {
        return sent;
    }

    /**
     * Waits until the planner's commands numbered up to {@code upTo} (its count of commands sent) have arrived,
     * then gives them to {@code robotSide} in order. Returns how many were given. Throws
     * {@link dev.loci.ros.transport.DeliveryTimeoutException} after {@code timeout}.
     */
    public int applyCommands(RobotLink robotSide, long upTo, Duration timeout) {
        List<SkillWire.Command> due = commands.take(upTo, timeout);
        for (SkillWire.Command command : due) {
            if (command.execute().isPresent()) {
                robotSide.execute(command.execute().get());
            } else {
                robotSide.cancel(command.cancelTask());
            }
        }
        return due.size();
    }

    public long commandsReceived() {
        return commands.received();
    }

    /** Commands that arrived but were refused (bad fields, another robot's name). */
    public long rejectedCommands() {
        return rejected.get();
    }

    private RobotId mine(RobotId from) {
        if (!robot.equals(from)) {
            throw new InvalidValueException("robot", from, "is not " + robot + ", whose endpoint this is");
        }
        return from;
    }
}
