package dev.loci.spatial.observation;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Pose;
import dev.loci.spatial.provenance.Provenance;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One detection of one object by one robot: what class, where (a box in the map frame), how sure, seen
 * from which sensor pose. Raw observations are kept as they came; fused objects are derived from them.
 */
public record Observation(
        RobotId robot,
        Timestamp time,
        String sensor,
        Pose sensorPose,
        String label,
        SortedMap<String, String> attributes,
        Aabb box,
        double confidence,
        Optional<Embedding> embedding,
        Optional<BlobId> image) {

    public Observation {
        Require.present("robot", robot);
        Require.present("time", time);
        Require.label("sensor", sensor);
        Require.present("sensorPose", sensorPose);
        Require.label("label", label);
        Require.attributes("attributes", attributes);
        attributes = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        Require.present("box", box);
        Require.inRange("confidence", confidence, 0, 1);
        Require.present("embedding", embedding);
        Require.present("image", image);
    }

    /** The common case: no attributes, embedding or image. */
    public static Observation of(RobotId robot, Timestamp time, String sensor, Pose sensorPose, String label,
                                 Aabb box, double confidence) {
        return new Observation(robot, time, sensor, sensorPose, label, new TreeMap<>(), box, confidence,
                Optional.empty(), Optional.empty());
    }

    public Observation withAttributes(Map<String, String> newAttributes) {
        return new Observation(robot, time, sensor, sensorPose, label, new TreeMap<>(newAttributes), box,
                confidence, embedding, image);
    }

    public Observation withImage(BlobId blob) {
        return new Observation(robot, time, sensor, sensorPose, label, attributes, box, confidence, embedding,
                Optional.of(blob));
    }

    public Provenance provenance() {
        return new Provenance(robot, sensor, time);
    }
}
