package dev.loci.runtime.store.codec;

import dev.loci.spatial.geometry.Aabb;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.observation.Observation;
import dev.loci.spatial.observation.ObservationStore;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.Optional;

/** Format 1: robot, time, sensor, sensor pose, label, attributes, box, confidence, flags, [embedding], [image]. */
public final class ObservationCodec implements Codec<Observation> {
    private final RobotNames robots = new RobotNames();
    /** Class labels, for {@link #readPlacement}: a store holds few classes and a million observations of them. */
    private final RepeatedStrings<String> labels = RepeatedStrings.strings();
    static final int FORMAT = 1;
    private static final int HAS_EMBEDDING = 1;
    private static final int HAS_IMAGE = 2;

    @Override
    public void write(DataOutput out, Observation o) throws IOException {
        Fields.version(out, FORMAT);
        out.writeUTF(o.robot().name());
        out.writeLong(o.time().nanos());
        out.writeUTF(o.sensor());
        Fields.pose(out, o.sensorPose());
        out.writeUTF(o.label());
        Fields.attributes(out, o.attributes());
        Fields.aabb(out, o.box());
        out.writeDouble(o.confidence());
        out.writeByte((o.embedding().isPresent() ? HAS_EMBEDDING : 0) | (o.image().isPresent() ? HAS_IMAGE : 0));
        if (o.embedding().isPresent()) {
            Embedding e = o.embedding().get();
            out.writeShort(e.dimensions());
            for (int i = 0; i < e.dimensions(); i++) {
                out.writeFloat(e.get(i));
            }
        }
        if (o.image().isPresent()) {
            out.writeLong(o.image().get().value());
        }
    }

    /**
     * Decodes only what the in-memory index keeps (robot, label, box centre) and skips the rest of the record:
     * reopening replays every observation, and building strings, poses and attribute maps it would drop at once
     * was most of that work. The journal checks each record's checksum before this reads it.
     */
    public void readPlacement(DataInput in, long id, ObservationStore.PlacementVisitor visitor) throws IOException {
        Fields.expectVersion(in, "observation", FORMAT);
        try {
            RobotId robot = robots.read(in);
            skip(in, 8); // time
            skip(in, in.readUnsignedShort()); // sensor
            skip(in, 7 * 8); // sensor pose
            String label = labels.read(in);
            int attributes = Fields.count(in.readUnsignedShort(), Require.MAX_ATTRIBUTES, "attributes");
            for (int i = 0; i < 2 * attributes; i++) {
                skip(in, in.readUnsignedShort());
            }
            visitor.visit(id, robot, label, boxCentre(in));
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("observation does not decode: " + invalid.getMessage(), invalid);
        }
    }

    /**
     * The centre of the box that follows, as {@link Aabb#center()} computes it, building only the centre: the
     * corners are checked as {@link Aabb} checks them, and built (to fail as it fails) only when they are invalid.
     */
    private static Vec3 boxCentre(DataInput in) throws IOException {
        double minX = in.readDouble();
        double minY = in.readDouble();
        double minZ = in.readDouble();
        double maxX = in.readDouble();
        double maxY = in.readDouble();
        double maxZ = in.readDouble();
        boolean finite = Double.isFinite(minX) && Double.isFinite(minY) && Double.isFinite(minZ)
                && Double.isFinite(maxX) && Double.isFinite(maxY) && Double.isFinite(maxZ);
        if (!finite || minX > maxX || minY > maxY || minZ > maxZ) {
            return new Aabb(new Vec3(minX, minY, minZ), new Vec3(maxX, maxY, maxZ)).center(); // throws
        }
        return new Vec3((minX + maxX) / 2, (minY + maxY) / 2, (minZ + maxZ) / 2);
    }

    private static void skip(DataInput in, int bytes) throws IOException {
        if (in.skipBytes(bytes) != bytes) {
            throw new EOFException("observation ends inside a field of " + bytes + " bytes");
        }
    }

    @Override
    public Observation read(DataInput in) throws IOException {
        Fields.expectVersion(in, "observation", FORMAT);
        try {
            RobotId robot = robots.read(in);
            Timestamp time = new Timestamp(in.readLong());
            String sensor = Fields.utf(in);
            var sensorPose = Fields.pose(in);
            String label = Fields.utf(in);
            var attributes = Fields.attributes(in, Require.MAX_ATTRIBUTES);
            var box = Fields.aabb(in);
            double confidence = in.readDouble();
            int flags = in.readUnsignedByte();
            Optional<Embedding> embedding = Optional.empty();
            if ((flags & HAS_EMBEDDING) != 0) {
                int dims = Fields.count(in.readUnsignedShort(), Embedding.MAX_DIMENSIONS, "embedding dimension");
                float[] values = new float[dims];
                for (int i = 0; i < dims; i++) {
                    values[i] = in.readFloat();
                }
                embedding = Optional.of(new Embedding(values));
            }
            Optional<BlobId> image = (flags & HAS_IMAGE) != 0 ? Optional.of(new BlobId(in.readLong()))
                    : Optional.empty();
            return new Observation(robot, time, sensor, sensorPose, label, attributes, box, confidence, embedding,
                    image);
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("observation does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
