package dev.loci.runtime.store.codec;

import dev.loci.spatial.objects.RememberedObject;
import dev.loci.spatial.validation.Require;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Format 1: id, label, position, size, last seen at, count, confidence, attributes, provenances, versions. */
public final class RememberedObjectCodec implements Codec<RememberedObject> {
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
    }

    @Override
    public RememberedObject read(DataInput in) throws IOException {
        Fields.expectVersion(in, "object", FORMAT);
        try {
            return new RememberedObject(in.readLong(), in.readUTF(), Fields.vec3(in), Fields.vec3(in),
                    Fields.vec3(in), in.readLong(), in.readDouble(), Fields.attributes(in, Require.MAX_ATTRIBUTES),
                    Fields.provenance(in), Fields.provenance(in), in.readLong(), in.readLong());
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("object does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
