package dev.loci.spatial.frame;

import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.InvalidValueException;
import dev.loci.spatial.validation.Require;
import java.util.List;
import java.util.Optional;

/**
 * One sensor reading of a detector: who, when, from where, what it could see, and what it detected (maybe
 * nothing: an empty frame still tells memory that whatever should have been in view was not there).
 * Every observation must carry the frame's robot, time, sensor and pose.
 */
public record SensorFrame(
        RobotId robot,
        Timestamp time,
        String sensor,
        Pose sensorPose,
        FieldOfView view,
        List<Observation> observations,
        Optional<BlobId> image) {

    public static final int MAX_OBSERVATIONS = 256;

    public SensorFrame {
        Require.present("robot", robot);
        Require.present("time", time);
        Require.label("sensor", sensor);
        Require.present("sensorPose", sensorPose);
        Require.present("view", view);
        Require.atMost("observations", observations, MAX_OBSERVATIONS);
        observations = List.copyOf(observations);
        for (int i = 0; i < observations.size(); i++) {
            Observation o = observations.get(i);
            String field = "observations[" + i + "]";
            if (!o.robot().equals(robot)) {
                throw new InvalidValueException(field + ".robot", o.robot(), "differs from the frame's " + robot);
            }
            if (!o.time().equals(time)) {
                throw new InvalidValueException(field + ".time", o.time().nanos(), "differs from the frame's "
                        + time.nanos());
            }
            if (!o.sensor().equals(sensor)) {
                throw new InvalidValueException(field + ".sensor", o.sensor(), "differs from the frame's " + sensor);
            }
            if (!o.sensorPose().equals(sensorPose)) {
                throw new InvalidValueException(field + ".sensorPose", o.sensorPose(), "differs from the frame's");
            }
        }
        Require.present("image", image);
    }

    public SensorFrame withImage(BlobId blob) {
        return new SensorFrame(robot, time, sensor, sensorPose, view, observations, Optional.of(blob));
    }
}
