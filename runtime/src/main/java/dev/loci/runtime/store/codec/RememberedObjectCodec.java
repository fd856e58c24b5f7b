package dev.loci.runtime.store.codec;

import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.objects.Placement;
import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.provenance.Timestamp;
import dev.loci.spatial.validation.Require;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Format 1: id, label, position, size, last seen at, count, confidence, attributes, provenances, last
 * observation, version, status, misses, robots that saw it, placement history, placed since.
 */
public final class RememberedObjectCodec implements Codec<RememberedObject> {
    private final RobotNames robots = new RobotNames();
    static final int FORMAT = 1;

    @Override
    public void write(DataOutput out, RememberedObject o) throws IOException {
        Fields.version(out, FORMAT);
        out.writeLong(o.id());
        out.writeUTF(o.label());
        Fields.vec3(out, o.position());
        Fields.vec3(out, o.size());
        Fields.vec3(out, o.lastSeenAt());
        out.writeLong(o.observationCount());
        out.writeDouble(o.confidence());
        Fields.attributes(out, o.attributes());
        Fields.provenance(out, o.firstSeen());
        Fields.provenance(out, o.lastSeen());
        out.writeLong(o.lastObservation());
        out.writeLong(o.version());
        out.writeByte(o.status().code());
        out.writeInt(o.misses());
        Fields.names(out, o.seenBy());
        out.writeShort(o.history().size());
        for (Placement placement : o.history()) {
            Fields.vec3(out, placement.position());
            out.writeLong(placement.firstSeen().nanos());
            out.writeLong(placement.lastSeen().nanos());
        }
        out.writeLong(o.placedSince().nanos());
    }

    @Override
    public RememberedObject read(DataInput in) throws IOException {
        Fields.expectVersion(in, "object", FORMAT);
        try {
            long id = in.readLong();
            String label = Fields.utf(in);
            var position = Fields.vec3(in);
            var size = Fields.vec3(in);
            var lastSeenAt = Fields.vec3(in);
            long count = in.readLong();
            double confidence = in.readDouble();
            var attributes = Fields.attributes(in, Require.MAX_ATTRIBUTES);
            var firstSeen = Fields.provenance(in, robots);
            var lastSeen = Fields.provenance(in, robots);
            long lastObservation = in.readLong();
            long version = in.readLong();
            ObjectStatus status = ObjectStatus.ofCode(in.readUnsignedByte());
            int misses = in.readInt();
            var seenBy = Fields.names(in, RememberedObject.MAX_ROBOTS, "robots");
            int places = Fields.count(in.readUnsignedShort(), RememberedObject.MAX_HISTORY, "history");
            List<Placement> history = new ArrayList<>(places);
            for (int i = 0; i < places; i++) {
                history.add(new Placement(Fields.vec3(in), new Timestamp(in.readLong()), new Timestamp(in.readLong())));
            }
            return new RememberedObject(id, label, position, size, lastSeenAt, count, confidence, attributes,
                    firstSeen, lastSeen, lastObservation, version, status, misses, seenBy, history,
                    new Timestamp(in.readLong()));
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("object does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
