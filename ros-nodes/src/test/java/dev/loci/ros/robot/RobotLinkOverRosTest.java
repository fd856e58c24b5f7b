package dev.loci.ros.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loci.planner.fleet.OutcomeReceipt;
import dev.loci.planner.fleet.RobotLink;
import dev.loci.planner.fleet.RobotReports;
import dev.loci.planner.fleet.SkillCommand;
import dev.loci.planner.fleet.StepOutcome;
import dev.loci.planner.task.Skill;
import dev.loci.planner.task.SkillStep;
import dev.loci.planner.task.TaskState;
import dev.loci.ros.TestDomains;
import dev.loci.ros.transport.DeliveryTimeoutException;
import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosQos;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The planner's RobotLink and the robot's reports over real DDS on loopback, two participants in this JVM. */
class RobotLinkOverRosTest {
    private static final RobotId ROBOT = RobotId.of("base_1");
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** What the robot's own link was told (the robot itself is external: this records instead of driving). */
    private static final class RecordingRobot implements RobotLink {
        final List<String> told = new ArrayList<>();

        public RobotId robot() {
            return ROBOT;
        }

        public void execute(SkillCommand command) {
            told.add("execute " + command);
        }

        public void cancel(String taskId) {
            told.add("cancel " + taskId);
        }
    }

    /** What the planner side heard, in order. */
    private static final class RecordingPlanner implements RobotReports {
        final List<String> heard = new ArrayList<>();

        public void heartbeat(RobotId robot) {
            heard.add("heartbeat " + robot);
        }

        public void progress(RobotId robot, String taskId, int step, double fraction) {
            heard.add("progress " + robot + " " + taskId + " " + step + " " + fraction);
        }

        public OutcomeReceipt outcome(StepOutcome outcome) {
            heard.add("outcome " + outcome);
            return new OutcomeReceipt(true, TaskState.RUNNING, "");
        }
    }

    @Test
    void commandsArriveAtTheRobotInTheOrderThePlannerSentThem() {
        RosDomain domain = TestDomains.fresh();
        try (RosNode planner = new RosNode("planner", "/", domain);
             RosNode robotNode = new RosNode("skills", "/base_1", domain)) {
            RosRobotLink link = new RosRobotLink(planner, ROBOT);
            RosRobotEndpoint endpoint = new RosRobotEndpoint(robotNode, ROBOT);
            SkillCommand drive = new SkillCommand("task_1", 0, SkillStep.at(Skill.NAVIGATE_TO, new Vec3(1, 2, 0)));
            SkillCommand pick = new SkillCommand("task_1", 1,
                    SkillStep.at(Skill.PICK, new Vec3(1.5, 2, 0.8)).on(7).lookingFor("mug"));
            // sent before the participants have discovered each other: transient local delivers them anyway
            link.execute(drive);
            link.execute(pick);
            link.cancel("task_1");
            RecordingRobot robot = new RecordingRobot();

            int applied = endpoint.applyCommands(robot, link.commandsSent(), WAIT);

            assertThat(applied).isEqualTo(3);
            assertThat(robot.told).containsExactly("execute " + drive, "execute " + pick, "cancel task_1");
            assertThat(endpoint.commandsReceived()).isEqualTo(3);
            assertThat(endpoint.rejectedCommands()).isZero();
        }
    }

    @Test
    void heartbeatsProgressAndOutcomesReachThePlannerInSendOrderAcrossTopics() {
        RosDomain domain = TestDomains.fresh();
        try (RosNode planner = new RosNode("planner", "/", domain);
             RosNode robotNode = new RosNode("skills", "/base_1", domain)) {
            RosRobotLink link = new RosRobotLink(planner, ROBOT);
            RosRobotEndpoint endpoint = new RosRobotEndpoint(robotNode, ROBOT);
            endpoint.heartbeat(ROBOT);
            endpoint.progress(ROBOT, "task_2", 0, 0.5);
            endpoint.outcome(new StepOutcome(ROBOT, "task_2", 0, true, "at (1.00, 2.00)"));
            endpoint.outcome(StepOutcome.failed(ROBOT, "task_2", 1, "no mug seen"));
            endpoint.heartbeat(ROBOT);
            RecordingPlanner heard = new RecordingPlanner();

            int delivered = link.deliverReports(heard, endpoint.reportsSent(), WAIT);

            assertThat(delivered).isEqualTo(5);
            assertThat(heard.heard).containsExactly("heartbeat base_1", "progress base_1 task_2 0 0.5",
                    "outcome " + new StepOutcome(ROBOT, "task_2", 0, true, "at (1.00, 2.00)"),
                    "outcome " + StepOutcome.failed(ROBOT, "task_2", 1, "no mug seen"), "heartbeat base_1");
            assertThat(link.heartbeatsReceived()).isEqualTo(3);
            assertThat(link.outcomesReceived()).isEqualTo(2);
        }
    }

    @Test
    void aSilentRobotTimesTheWaitOutWithAnErrorNamingWhatIsMissing() {
        RosDomain domain = TestDomains.fresh();
        try (RosNode planner = new RosNode("planner", "/", domain)) {
            RosRobotLink link = new RosRobotLink(planner, ROBOT);
            RecordingPlanner heard = new RecordingPlanner();

            assertThatThrownBy(() -> link.deliverReports(heard, 2, Duration.ofMillis(300)))
                    .isInstanceOf(DeliveryTimeoutException.class)
                    .hasMessageContaining("reports from base_1").hasMessageContaining("0 of 2");
            assertThat(heard.heard).isEmpty();
            assertThat(link.deliverReports(heard, 0, Duration.ofMillis(300))).isZero();
        }
    }

    @Test
    void aCommandForAnotherRobotOrWithAnUnknownSkillIsCountedAndSkipped() {
        RosDomain domain = TestDomains.fresh();
        try (RosNode planner = new RosNode("planner", "/", domain);
             RosNode robotNode = new RosNode("skills", "/base_1", domain)) {
            RosRobotEndpoint endpoint = new RosRobotEndpoint(robotNode, ROBOT);
            var raw = planner.publisher("/base_1/skill_command", new loci_msgs.msg.dds.SkillCommandPubSubType(),
                    RosRobotLink.QOS);
            SkillCommand good = new SkillCommand("task_3", 0, SkillStep.at(Skill.SEARCH, new Vec3(0, 0, 0))
                    .lookingFor("cup"));
            loci_msgs.msg.dds.SkillCommand fly = new loci_msgs.msg.dds.SkillCommand();
            SkillWire.fillExecute(fly, 1, ROBOT, good);
            fly.setSkill("fly");
            loci_msgs.msg.dds.SkillCommand stranger = new loci_msgs.msg.dds.SkillCommand();
            SkillWire.fillExecute(stranger, 2, RobotId.of("tall_1"), good);
            loci_msgs.msg.dds.SkillCommand fine = new loci_msgs.msg.dds.SkillCommand();
            SkillWire.fillExecute(fine, 3, ROBOT, good);
            raw.publish(fly);
            raw.publish(stranger);
            raw.publish(fine);
            RecordingRobot robot = new RecordingRobot();

            int applied = endpoint.applyCommands(robot, 3, WAIT);

            assertThat(applied).isEqualTo(1);
            assertThat(robot.told).containsExactly("execute " + good);
            assertThat(endpoint.rejectedCommands()).isEqualTo(2);
            assertThat(RosRobotLink.QOS).isEqualTo(new RosQos(true, true, false, 100));
        }
    }
}
