package dev.loci.ros.memory;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.geometry.Quaternion;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.validation.InvalidValueException;
import us.ihmc.euclid.geometry.Pose3D;
import us.ihmc.euclid.tuple3D.interfaces.Tuple3DReadOnly;
import us.ihmc.euclid.tuple4D.interfaces.QuaternionReadOnly;

/** geometry_msgs types (euclid objects in the generated Java) to and from Loci geometry, validated. */
final class Poses {
    private Poses() {
    }

    static Vec3 vec(String field, Tuple3DReadOnly t) {
        return new Vec3(finite(field + ".x", t.getX()), finite(field + ".y", t.getY()), finite(field + ".z", t.getZ()));
    }

    static Pose pose(String field, Pose3D p) {
        QuaternionReadOnly q = p.getOrientation();
        double w = finite(field + ".orientation.w", q.getS());
        double x = finite(field + ".orientation.x", q.getX());
        double y = finite(field + ".orientation.y", q.getY());
        double z = finite(field + ".orientation.z", q.getZ());
        Quaternion orientation = (w == 0 && x == 0 && y == 0 && z == 0)
                ? Quaternion.IDENTITY // an all-zero quaternion is what an unset ROS message carries
                : Quaternion.normalized(w, x, y, z);
        return new Pose(vec(field + ".position", p.getPosition()), orientation);
    }

    static void fill(Pose3D target, Pose pose) {
        target.getPosition().set(pose.position().x(), pose.position().y(), pose.position().z());
        Quaternion q = pose.orientation();
        target.getOrientation().set(q.x(), q.y(), q.z(), q.w());
    }

    private static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(field, value, "must be finite");
        }
        return value;
    }
}
