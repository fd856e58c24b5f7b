package dev.loci.sim.sensor;

import com.jme3.bounding.BoundingVolume;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import dev.loci.sim.robot.Robot;
import dev.loci.sim.world.Solid;
import dev.loci.sim.world.World;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Quaternion;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;

/**
 * A simulated object detector on the robot's camera: an object is a candidate when its bound is inside the jME
 * camera frustum (tested without a renderer: {@code setPlaneState(0)} before {@code contains}); it is seen when
 * enough rays from the camera to points on it reach it first (walls and furniture occlude); then it may be
 * missed, and its reported centre is noisy.
 */
public final class ObjectDetector {
    public static final String SENSOR = "detector";
    /** Sample points per object for occlusion: the centre, the top centre and four upper corners. */
    private static final double[][] SAMPLES = {{0, 0, 0}, {0, 0, 0.45}, {-0.4, -0.4, 0.3}, {0.4, -0.4, 0.3},
            {-0.4, 0.4, 0.3}, {0.4, 0.4, 0.3}};

    private final World world;
    private final RayCaster caster;
    private final DetectorSettings settings;
    private final Random random;
    private final Camera camera = new Camera(320, 240);

    public ObjectDetector(World world, RayCaster caster, DetectorSettings settings, Random random) {
        this.world = world;
        this.caster = caster;
        this.settings = settings;
        this.random = random;
        double h = settings.view().horizontalRadians();
        double v = settings.view().verticalRadians();
        float aspect = (float) (Math.tan(h / 2) / Math.tan(v / 2));
        camera.setFrustumPerspective((float) Math.toDegrees(v), aspect, (float) settings.view().minRange(),
                (float) settings.view().maxRange());
    }

    public DetectorSettings settings() {
        return settings;
    }

    /** The camera pose in the map frame (x forward, z up), as the frame reports it. */
    public static Pose cameraPose(Robot robot) {
        double pitch = robot.body().cameraPitch();
        Quaternion down = new Quaternion(Math.cos(pitch / 2), 0, Math.sin(pitch / 2), 0);
        return new Pose(new Vec3(robot.x(), robot.y(), robot.body().cameraHeight()),
                Quaternion.fromYaw(robot.yaw()).times(down));
    }

    /** The objects the camera sees now, true positions (no noise, no misses): for tests and ground truth. */
    public List<Solid> visible(Robot robot) {
        aim(robot);
        List<Solid> seen = new ArrayList<>();
        for (Solid object : world.objects()) {
            if (robot.carrying().map(id -> id == object.id()).orElse(false)) {
                continue;
            }
            if (inFrustum(object.geometry().getWorldBound()) && unoccluded(robot, object)) {
                seen.add(object);
            }
        }
        return seen;
    }

    /** One detector frame as Loci takes it: noisy detections of what is visible, with misses. */
    public SensorFrame detect(Robot robot, Timestamp time) {
        Pose pose = cameraPose(robot);
        RobotId id = robot.id();
        List<Observation> observations = new ArrayList<>();
        for (Solid object : visible(robot)) {
            // draw both numbers for every visible object, so one miss does not shift later noise
            boolean missed = random.nextDouble() < settings.missProbability();
            Vec3 noise = new Vec3(random.nextGaussian(), random.nextGaussian(), random.nextGaussian())
                    .times(settings.positionSigma());
            if (missed) {
                continue;
            }
            Aabb truth = object.box();
            double distance = truth.center().distanceTo(pose.position());
            double confidence = Math.max(0.3, Math.min(0.99, 1.0 - 0.1 * distance));
            observations.add(new Observation(id, time, SENSOR, pose, object.label(),
                    new TreeMap<>(object.attributes()), Aabb.centered(truth.center().plus(noise), truth.size()),
                    confidence, Optional.empty(), Optional.empty()));
        }
        return new SensorFrame(id, time, SENSOR, pose, settings.view(), observations, Optional.empty());
    }

    private void aim(Robot robot) {
        Vector3f location = new Vector3f((float) robot.x(), (float) robot.y(), (float) robot.body().cameraHeight());
        double pitch = robot.body().cameraPitch();
        float cy = (float) Math.cos(robot.yaw());
        float sy = (float) Math.sin(robot.yaw());
        float cp = (float) Math.cos(pitch);
        float sp = (float) Math.sin(pitch);
        Vector3f direction = new Vector3f(cp * cy, cp * sy, -sp);
        Vector3f up = new Vector3f(sp * cy, sp * sy, cp);
        Vector3f left = new Vector3f(-sy, cy, 0);
        camera.setFrame(location, left, up, direction);
        camera.update();
    }

    private boolean inFrustum(BoundingVolume bound) {
        camera.setPlaneState(0);
        return camera.contains(bound) != Camera.FrustumIntersect.Outside;
    }

    private boolean unoccluded(Robot robot, Solid object) {
        Aabb box = object.box();
        Vec3 size = box.size();
        Vec3 c = box.center();
        double ox = robot.x();
        double oy = robot.y();
        double oz = robot.body().cameraHeight();
        int clear = 0;
        for (double[] s : SAMPLES) {
            double tx = c.x() + s[0] * size.x();
            double ty = c.y() + s[1] * size.y();
            double tz = c.z() + s[2] * size.z();
            double dx = tx - ox;
            double dy = ty - oy;
            double dz = tz - oz;
            double length = Math.sqrt(dx * dx + dy * dy + dz * dz);
            if (length > settings.view().maxRange() || length < settings.view().minRange()) {
                continue;
            }
            RayHit hit = caster.cast(ox, oy, oz, dx / length, dy / length, dz / length, length + 0.05);
            if (hit.solid() == object.id() || !hit.hit() || hit.distance() >= length - 1e-3) {
                clear++;
            }
        }
        return clear >= Math.ceil(settings.minVisibleFraction() * SAMPLES.length);
    }
}
