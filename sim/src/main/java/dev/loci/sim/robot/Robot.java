package dev.loci.sim.robot;

import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.shape.Cylinder;
import dev.loci.runtime.embodiment.RobotProfile;
import dev.loci.runtime.embodiment.RobotStatus;
import dev.loci.sim.world.SolidIndex;
import dev.loci.sim.world.SolidKind;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A kinematic robot: a disc on the floor (or at a drone's altitude) driven by a velocity command that is clamped
 * to the body's limits; a move that would overlap a solid in its height band is cut back (it slides along
 * walls). Owns its true pose and what it carries.
 */
public final class Robot {
    private final RobotId id;
    private final Body body;
    private final Node visual;
    private double x;
    private double y;
    private double yaw;
    private double commandSpeed;
    private double commandYawRate;
    private double travelled;
    private long blockedSteps;
    private Optional<Integer> carrying = Optional.empty();

    public Robot(RobotId id, Body body, double x, double y, double yaw) {
        this.id = id;
        this.body = body;
        this.x = x;
        this.y = y;
        this.yaw = yaw;
        this.visual = new Node(id.name());
        Geometry shell = new Geometry(id.name() + "_body", new Cylinder(2, 16, (float) body.footprintRadius(),
                (float) body.bodyHeight(), true));
        shell.setLocalTranslation(0, 0, (float) (body.bodyHeight() / 2));
        visual.attachChild(shell);
        syncVisual();
    }

    public RobotId id() {
        return id;
    }

    public Body body() {
        return body;
    }

    /** The robot's node for rendering; it is not among the world's solids, so sensors do not see robots. */
    public Node visual() {
        return visual;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double yaw() {
        return yaw;
    }

    public Pose pose() {
        return Pose.of(x, y, body.altitude(), yaw);
    }

    public Vec3 position() {
        return new Vec3(x, y, body.altitude());
    }

    public double travelled() {
        return travelled;
    }

    public long blockedSteps() {
        return blockedSteps;
    }

    public Optional<Integer> carrying() {
        return carrying;
    }

    void carry(Optional<Integer> solid) {
        carrying = solid;
    }

    /** Sets the wanted forward speed and turn rate; they are clamped to the body's limits when applied. */
    public void command(double speed, double yawRate) {
        commandSpeed = clamp(speed, -body.maxSpeed() / 2, body.maxSpeed());
        commandYawRate = clamp(yawRate, -body.maxYawRate(), body.maxYawRate());
    }

    public void stop() {
        command(0, 0);
    }

    /** Integrates one fixed step against the solids of the world. */
    public void step(double dt, SolidIndex solids) {
        yaw = normalize(yaw + commandYawRate * dt);
        double nx = x + Math.cos(yaw) * commandSpeed * dt;
        double ny = y + Math.sin(yaw) * commandSpeed * dt;
        double ox = x;
        double oy = y;
        if (free(nx, ny, solids)) {
            x = nx;
            y = ny;
        } else if (free(nx, y, solids)) {
            x = nx;
            blockedSteps++;
        } else if (free(x, ny, solids)) {
            y = ny;
            blockedSteps++;
        } else if (commandSpeed != 0) {
            blockedSteps++;
        }
        travelled += Math.hypot(x - ox, y - oy);
        syncVisual();
    }

    /** Whether the body's disc at (px, py) overlaps no wall or furniture in its height band. */
    public boolean free(double px, double py, SolidIndex solids) {
        double r = body.footprintRadius();
        for (int i = 0; i < solids.size(); i++) {
            if (solids.solid(i).kind() == SolidKind.OBJECT) {
                continue;
            }
            if (solids.maxZ(i) <= body.bottom() || solids.minZ(i) >= body.top()) {
                continue;
            }
            double cx = clamp(px, solids.minX(i), solids.maxX(i));
            double cy = clamp(py, solids.minY(i), solids.maxY(i));
            double dx = px - cx;
            double dy = py - cy;
            if (dx * dx + dy * dy < r * r) {
                return false;
            }
        }
        return true;
    }

    public RobotProfile profile(Timestamp now) {
        return new RobotProfile(id, body.kind(), body.footprintRadius(), body.maxSpeed(), body.reachHeight(),
                body.payloadKg(), new TreeSet<>(java.util.Set.of("lidar", "rgbd", "odometry")),
                new TreeSet<>(body.skills()), 1.0, RobotStatus.IDLE, pose(), now);
    }

    private void syncVisual() {
        visual.setLocalTranslation((float) x, (float) y, (float) body.altitude());
        visual.setLocalRotation(new Quaternion().fromAngleAxis((float) yaw, Vector3f.UNIT_Z));
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public static double normalize(double angle) {
        double a = angle % (2 * Math.PI);
        if (a > Math.PI) {
            a -= 2 * Math.PI;
        } else if (a <= -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }
}
