package dev.loci.spatial.geometry;

import static dev.loci.spatial.validation.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PoseTest {
    private static final double EPS = 1e-9;

    @Test
    void refusesMissingPositionOrOrientation() {
        assertRefused(() -> new Pose(null, Quaternion.IDENTITY), "position", "null", "is required");
        assertRefused(() -> new Pose(Vec3.ZERO, null), "orientation", "null", "is required");
    }

    @Test
    void identityLeavesPointsUnchanged() {
        Vec3 p = new Vec3(1.5, -2, 0.25);

        assertThat(Pose.IDENTITY.transform(p)).isEqualTo(p);
    }

    @Test
    void transformRotatesThenTranslates() {
        Pose pose = Pose.of(1, 2, 0.5, Math.PI / 2);

        assertClose(pose.transform(new Vec3(1, 0, 0)), new Vec3(1, 3, 0.5));
        assertClose(pose.transform(new Vec3(0, 1, 0)), new Vec3(0, 2, 0.5));
        assertClose(pose.transform(new Vec3(2, 3, 4)), new Vec3(-2, 4, 4.5));
    }

    @Test
    void transformWithHalfTurnNegatesXAndY() {
        Pose pose = Pose.of(-1, 0, 0, Math.PI);

        assertClose(pose.transform(new Vec3(1, 2, 3)), new Vec3(-2, -2, 3));
    }

    @Test
    void transformAboutXAxisMovesYToZ() {
        Pose rollQuarter = new Pose(new Vec3(0, 0, 1),
                Quaternion.normalized(Math.cos(Math.PI / 4), Math.sin(Math.PI / 4), 0, 0));

        assertClose(rollQuarter.transform(new Vec3(0, 1, 0)), new Vec3(0, 0, 2));
        assertClose(rollQuarter.transform(new Vec3(0, 0, 1)), new Vec3(0, -1, 1));
    }

    @Test
    void composeChainsFrames() {
        // Robot at (1, 0) facing +y; camera 1 m ahead of the robot, turned a further 90 degrees.
        Pose robot = Pose.of(1, 0, 0, Math.PI / 2);
        Pose cameraOnRobot = Pose.of(1, 0, 0.5, Math.PI / 2);

        Pose camera = robot.compose(cameraOnRobot);

        assertClose(camera.position(), new Vec3(1, 1, 0.5));
        assertThat(Math.abs(camera.orientation().yaw())).isCloseTo(Math.PI, within(EPS));
        assertClose(camera.forward(), new Vec3(-1, 0, 0));
    }

    @Test
    void inverseMatchesHandComputedValue() {
        Pose pose = Pose.of(1, 2, 3, Math.PI / 2);

        Pose inverse = pose.inverse();

        // R^T is a -90 degree yaw: (x, y, z) -> (y, -x, z); -R^T t = -(2, -1, 3).
        assertClose(inverse.position(), new Vec3(-2, 1, -3));
        assertThat(inverse.orientation().yaw()).isCloseTo(-Math.PI / 2, within(EPS));
        assertClose(inverse.transform(new Vec3(1, 3, 3)), new Vec3(1, 0, 0));
    }

    @Test
    void forwardIsTheRotatedXAxis() {
        assertClose(Pose.of(5, 5, 5, 0).forward(), new Vec3(1, 0, 0));
        assertClose(Pose.of(0, 0, 0, Math.PI / 2).forward(), new Vec3(0, 1, 0));
        assertClose(Pose.of(0, 0, 0, -3 * Math.PI / 4).forward(),
                new Vec3(-Math.sqrt(0.5), -Math.sqrt(0.5), 0));
    }

    @Test
    void composeWithInverseIsIdentity() {
        Pose pose = Pose.of(3, -4, 1, 2.0);

        assertIdentity(pose.compose(pose.inverse()));
        assertIdentity(pose.inverse().compose(pose));
    }

    @Test
    void randomPosesSatisfyTheGroupLaws() {
        Random random = new Random(20240611);
        for (int i = 0; i < 2000; i++) {
            Pose a = randomPose(random);
            Pose b = randomPose(random);
            Vec3 p = randomPoint(random, 10);

            assertIdentity(a.compose(a.inverse()));
            assertIdentity(a.inverse().compose(a));
            assertClose(a.inverse().transform(a.transform(p)), p);
            assertClose(a.compose(b).transform(p), a.transform(b.transform(p)));
            assertThat(a.transform(p).distanceTo(a.position()))
                    .as("rotation keeps lengths").isCloseTo(p.norm(), within(EPS));
            assertThat(a.forward().norm()).isCloseTo(1, within(EPS));
        }
    }

    static Pose randomPose(Random random) {
        Quaternion q = Quaternion.normalized(random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian());
        return new Pose(randomPoint(random, 100), q);
    }

    static Vec3 randomPoint(Random random, double extent) {
        return new Vec3((random.nextDouble() * 2 - 1) * extent, (random.nextDouble() * 2 - 1) * extent,
                (random.nextDouble() * 2 - 1) * extent);
    }

    static void assertClose(Vec3 actual, Vec3 expected) {
        assertThat(actual.distanceTo(expected)).as("%s vs expected %s", actual, expected).isLessThan(EPS);
    }

    static void assertIdentity(Pose pose) {
        assertThat(pose.position().norm()).as("translation of %s", pose).isLessThan(EPS);
        Quaternion q = pose.orientation();
        // q and -q are the same rotation.
        assertThat(Math.abs(q.w())).as("w of %s", pose).isCloseTo(1, within(EPS));
        assertThat(Math.abs(q.x()) + Math.abs(q.y()) + Math.abs(q.z())).as("vector part of %s", pose)
                .isLessThan(EPS);
    }
}
