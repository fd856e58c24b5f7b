package dev.loci.runtime.store.codec;

import dev.loci.spatial.frame.FieldOfView;
import dev.loci.spatial.frame.FrameRecord;
import dev.loci.spatial.frame.SensorFrame;
import dev.loci.spatial.observation.BlobId;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Format 1: id, robot, time, sensor, pose, field of view, [image], first observation, (object, quality)*. */
public final class FrameCodec implements Codec<FrameRecord> {
    private final RobotNames robots = new RobotNames();
    static final int FORMAT = 1;

    @Override
    public void write(DataOutput out, FrameRecord f) throws IOException {
        Fields.version(out, FORMAT);
        out.writeLong(f.id());
        out.writeUTF(f.robot().name());
        out.writeLong(f.time().nanos());
        out.writeUTF(f.sensor());
        Fields.pose(out, f.sensorPose());
        FieldOfView view = f.view();
        out.writeDouble(view.horizontalRadians());
        out.writeDouble(view.verticalRadians());
        out.writeDouble(view.minRange());
        out.writeDouble(view.maxRange());
        out.writeBoolean(f.image().isPresent());
        if (f.image().isPresent()) {
            out.writeLong(f.image().get().value());
        }
        out.writeLong(f.firstObservation());
        out.writeShort(f.objects().size());
        for (int i = 0; i < f.objects().size(); i++) {
            out.writeLong(f.objects().get(i));
            out.writeFloat(f.viewQualities().get(i).floatValue());
        }
    }

    @Override
    public FrameRecord read(DataInput in) throws IOException {
        Fields.expectVersion(in, "frame", FORMAT);
        try {
            long id = in.readLong();
            RobotId robot = robots.read(in);
            Timestamp time = new Timestamp(in.readLong());
            String sensor = Fields.utf(in);
            var pose = Fields.pose(in);
            FieldOfView view = new FieldOfView(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
            Optional<BlobId> image = in.readBoolean() ? Optional.of(new BlobId(in.readLong())) : Optional.empty();
            long first = in.readLong();
            int count = Fields.count(in.readUnsignedShort(), SensorFrame.MAX_OBSERVATIONS, "frame objects");
            List<Long> objects = new ArrayList<>(count);
            List<Double> qualities = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                objects.add(in.readLong());
                qualities.add((double) in.readFloat());
            }
            return new FrameRecord(id, robot, time, sensor, pose, view, image, first, objects, qualities);
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("frame does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
