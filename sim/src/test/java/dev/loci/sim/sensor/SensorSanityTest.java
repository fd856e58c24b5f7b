package dev.loci.sim.sensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.loci.sim.robot.Body;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.testing.TestWorlds;
import dev.loci.sim.world.World;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SensorSanityTest {
    private static final RobotId ID = RobotId.of("r1");

    @Test
    void lidarRangesMatchTheRoomGeometry() {
        World world = TestWorlds.room(false);
        Robot robot = new Robot(ID, Body.wheeledBase(), 2, 2, 0);
        Lidar lidar = new Lidar(new RayCaster(world.index()), 360, 12, 0, new Random(1));
        Lidar.Reading reading = lidar.scan(robot, 1, Timestamp.ofSeconds(1));
        float[] r = reading.ranges();
        // beam i points at yaw - pi + i degrees: 180 = ahead (+x), 90 = right (-y), 0 = behind (-x), 270 = left
        assertThat((double) r[180]).isCloseTo(10 - 0.05 - 2, offset(1e-3));
        assertThat((double) r[90]).isCloseTo(2 - 0.05, offset(1e-3));
        assertThat((double) r[0]).isCloseTo(2 - 0.05, offset(1e-3));
        assertThat((double) r[270]).isCloseTo(6 - 0.05 - 2, offset(1e-3));
        // 45 degrees towards (+x, +y): the y = 5.95 wall at x = 2 + 3.95 (no furniture on that line at lidar height)
        assertThat((double) r[225]).isCloseTo(3.95 * Math.sqrt(2), offset(1e-3));
        for (float range : r) {
            assertThat(range).isPositive().isLessThan(12f);
        }
        assertThat(reading.scan().beamCount()).isEqualTo(360);
    }

    @Test
    void lidarSeesFurnitureAtItsHeight() {
        World world = TestWorlds.room(false);
        Robot robot = new Robot(ID, Body.wheeledBase(), 5, 3, 0);
        float[] r = new Lidar(new RayCaster(world.index()), 360, 12, 0, new Random(1)).scan(robot, 1,
                Timestamp.ZERO).ranges();
        assertThat((double) r[180]).isCloseTo(7 - 0.3 - 5, offset(1e-3)); // table_b's near face
        Robot drone = new Robot(ID, Body.drone(), 5, 3, 0);
        float[] above = new Lidar(new RayCaster(world.index()), 360, 12, 0, new Random(1)).scan(drone, 1,
                Timestamp.ZERO).ranges();
        assertThat((double) above[180]).isCloseTo(10 - 0.05 - 5, offset(1e-3)); // flies over the table
    }

    @Test
    void detectorSeesTheMugInViewAndNotBehindAWallOrBehindItsBack() {
        World open = TestWorlds.room(false);
        Robot facing = new Robot(ID, Body.wheeledBase(), 4.5, 3, 0);
        ObjectDetector detector = new ObjectDetector(open, new RayCaster(open.index()), DetectorSettings.PERFECT,
                new Random(1));
        SensorFrame frame = detector.detect(facing, Timestamp.ofSeconds(1));
        assertThat(frame.observations()).extracting(o -> o.label()).containsExactly("mug");
        assertThat(frame.observations().get(0).attributes()).containsEntry("colour", "red");

        Robot away = new Robot(ID, Body.wheeledBase(), 4.5, 3, Math.PI);
        assertThat(detector.detect(away, Timestamp.ofSeconds(2)).observations()).isEmpty();

        World walled = TestWorlds.room(true);
        ObjectDetector behindWall = new ObjectDetector(walled, new RayCaster(walled.index()),
                DetectorSettings.PERFECT, new Random(1));
        assertThat(behindWall.detect(new Robot(ID, Body.wheeledBase(), 4.5, 3, 0), Timestamp.ofSeconds(3))
                .observations()).isEmpty();
        // through the gap above the wall's end the mug is visible again
        Robot throughGap = new Robot(ID, Body.wheeledBase(), 4.5, 5.3, -0.5);
        assertThat(behindWall.visible(throughGap)).extracting(s -> s.label()).containsExactly("mug");
    }

    @Test
    void detectorNoiseAndMissesFollowTheSettings() {
        World world = TestWorlds.room(false);
        Robot robot = new Robot(ID, Body.wheeledBase(), 4.5, 3, 0);
        DetectorSettings lossy = new DetectorSettings(DetectorSettings.DEFAULT.view(), 0.05, 0.5, 0.2);
        ObjectDetector detector = new ObjectDetector(world, new RayCaster(world.index()), lossy, new Random(5));
        int seen = 0;
        double errorSum = 0;
        for (int i = 0; i < 400; i++) {
            SensorFrame frame = detector.detect(robot, Timestamp.ofSeconds(i));
            if (!frame.observations().isEmpty()) {
                seen++;
                errorSum += frame.observations().get(0).box().center().distanceTo(world.objects().get(0).center());
            }
        }
        assertThat(seen).isBetween(150, 250);
        assertThat(errorSum / seen).isBetween(0.03, 0.15);
    }

    @Test
    void rangeImageCentreMatchesTheWallAhead() {
        World world = TestWorlds.room(false);
        Robot robot = new Robot(ID, Body.wheeledBase(), 2, 1.5, 0);
        RangeImage camera = new RangeImage(new RayCaster(world.index()), DetectorSettings.DEFAULT.view(), 33, 25);
        RangeImage.Image image = camera.capture(robot, 1, Timestamp.ZERO);
        // the centre pixel looks straight ahead along +x; the wall is 7.95 m away, beyond the 4.5 m range
        assertThat(image.at(16, 12)).isInfinite();
        Robot near = new Robot(ID, Body.wheeledBase(), 7, 1.5, 0);
        assertThat((double) camera.capture(near, 2, Timestamp.ZERO).at(16, 12)).isCloseTo(10 - 0.05 - 7, offset(1e-3));
        assertThat(image.scan().beamCount()).isEqualTo(33 * 25);
    }

    @Test
    void odometryDriftsFromTheTruthWithNoiseAndNotWithout() {
        World world = TestWorlds.room(false);
        Robot robot = new Robot(ID, Body.wheeledBase(), 1, 1, 0);
        Odometry exact = new Odometry(robot, 0, 0, new Random(1));
        Odometry drifting = new Odometry(robot, 0.05, 0.05, new Random(1));
        for (int i = 0; i < 200; i++) {
            robot.command(0.5, i < 100 ? 0.2 : -0.2);
            robot.step(0.1, world.index());
            exact.update(robot);
            drifting.update(robot);
        }
        assertThat(exact.estimate().position().distanceTo(robot.pose().position())).isLessThan(1e-6);
        assertThat(drifting.estimate().position().distanceTo(robot.pose().position())).isGreaterThan(0.01);
    }
}
