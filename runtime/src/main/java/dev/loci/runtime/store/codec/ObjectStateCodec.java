package dev.loci.runtime.store.codec;

import dev.loci.spatial.objects.ObjectState;
import dev.loci.spatial.objects.ObjectStatus;
import dev.loci.spatial.provenance.Timestamp;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Format 1: id, label, position, status code, confidence, time, version. */
public final class ObjectStateCodec implements Codec<ObjectState> {
    static final int FORMAT = 1;

    @Override
    public void write(DataOutput out, ObjectState s) throws IOException {
        Fields.version(out, FORMAT);
        out.writeLong(s.id());
        out.writeUTF(s.label());
        Fields.vec3(out, s.position());
        out.writeByte(s.status().code());
        out.writeDouble(s.confidence());
        out.writeLong(s.at().nanos());
        out.writeLong(s.version());
    }

    @Override
    public ObjectState read(DataInput in) throws IOException {
        Fields.expectVersion(in, "object state", FORMAT);
        try {
            return new ObjectState(in.readLong(), Fields.utf(in), Fields.vec3(in), ObjectStatus.ofCode(in.readUnsignedByte()),
                    in.readDouble(), new Timestamp(in.readLong()), in.readLong());
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("object state does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
