package dev.loci.ros.memory;

import dev.loci.ros.transport.RosDomain;
import dev.loci.ros.transport.RosNode;
import dev.loci.ros.transport.RosPublisher;
import dev.loci.ros.transport.RosQos;
import loci_msgs.msg.dds.Detection;
import loci_msgs.msg.dds.DetectionArray;
import loci_msgs.msg.dds.DetectionArrayPubSubType;
import loci_msgs.msg.dds.RobotState;
import loci_msgs.msg.dds.RobotStatePubSubType;
import loci_msgs.msg.dds.TaskEvent;
import loci_msgs.msg.dds.TaskEventPubSubType;
import nav_msgs.msg.dds.Odometry;
import nav_msgs.msg.dds.OdometryPubSubType;

/** What a robot's own ROS 2 stack would publish, from a node in the robot's namespace (Java, real DDS). */
final class RobotSide implements AutoCloseable {
    final RosNode node;
    final RosPublisher<DetectionArray> detections;
    final RosPublisher<Odometry> odometry;
    final RosPublisher<RobotState> state;
    final RosPublisher<TaskEvent> tasks;

    RobotSide(String robot, RosDomain domain) {
        node = new RosNode("robot_stack", "/" + robot, domain);
        detections = node.publisher("detections", new DetectionArrayPubSubType(), RosQos.DEFAULT);
        odometry = node.publisher("odom", new OdometryPubSubType(), RosQos.DEFAULT);
        state = node.publisher("robot_state", new RobotStatePubSubType(), RosQos.DEFAULT);
        tasks = node.publisher("task_events", new TaskEventPubSubType(), RosQos.DEFAULT);
    }

    static DetectionArray detections(String robot, int sec, Object... labelXyz) {
        DetectionArray array = new DetectionArray();
        array.getHeader().getStamp().setSec(sec);
        array.getHeader().setFrameId("map");
        array.setRobot(robot);
        array.setSensor("front_camera");
        array.getSensorPose().getOrientation().setToZero();
        for (int i = 0; i < labelXyz.length; i += 4) {
            Detection d = array.getDetections().add();
            d.setClassId((String) labelXyz[i]);
            d.setScore(0.9);
            d.getCenter().getPosition().set((double) labelXyz[i + 1], (double) labelXyz[i + 2], (double) labelXyz[i + 3]);
            d.getCenter().getOrientation().setToZero();
            d.getSize().set(0.1, 0.1, 0.1);
        }
        return array;
    }

    static Odometry odometry(int sec, double x, double y) {
        Odometry odom = new Odometry();
        odom.getHeader().getStamp().setSec(sec);
        odom.getHeader().setFrameId("map");
        odom.getPose().getPose().getPosition().set(x, y, 0);
        odom.getPose().getPose().getOrientation().setToZero();
        return odom;
    }

    @Override
    public void close() {
        node.close();
    }
}
