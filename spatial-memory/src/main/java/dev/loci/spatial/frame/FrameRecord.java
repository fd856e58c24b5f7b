package dev.loci.spatial.frame;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Optional;

/**
 * A stored frame: its header, the ids of the observations it produced ({@code firstObservation} onward,
 * {@code observationCount} of them, consecutive), the objects they were fused into, in the same order, and how
 * well the frame sees each of them ({@link FieldOfView#viewQuality}), so snapshots rebuild without geometry.
 */
public record FrameRecord(
        long id,
        RobotId robot,
        Timestamp time,
        String sensor,
        Pose sensorPose,
        FieldOfView view,
        Optional<BlobId> image,
        long firstObservation,
        List<Long> objects,
        List<Double> viewQualities) {

    public FrameRecord {
        if (id < 1) {
            throw new InvalidValueException("frame id", id, "must be at least 1");
        }
        Require.present("robot", robot);
        Require.present("time", time);
        Require.label("sensor", sensor);
        Require.present("sensorPose", sensorPose);
        Require.present("view", view);
        Require.present("image", image);
        Require.nonNegative("firstObservation", firstObservation);
        Require.atMost("objects", objects, SensorFrame.MAX_OBSERVATIONS);
        objects = List.copyOf(objects);
        Require.present("viewQualities", viewQualities);
        if (viewQualities.size() != objects.size()) {
            throw new InvalidValueException("viewQualities", viewQualities.size() + " entries",
                    "must match the " + objects.size() + " objects");
        }
        for (Double quality : viewQualities) {
            Require.inRange("viewQualities", quality == null ? Double.NaN : quality, 0, 1);
        }
        viewQualities = List.copyOf(viewQualities);
    }

    public int observationCount() {
        return objects.size();
    }
}
