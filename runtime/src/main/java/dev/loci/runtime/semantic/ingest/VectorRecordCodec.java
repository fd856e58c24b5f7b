package dev.loci.runtime.semantic.ingest;

import dev.loci.runtime.semantic.index.ItemKey;
import dev.loci.runtime.semantic.index.ItemKind;
import dev.loci.runtime.semantic.index.SemanticItem;
import dev.loci.runtime.store.codec.CheckedUtf;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.spatial.embedding.Int8Vector;
import dev.loci.spatial.geometry.Vec3;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.provenance.Timestamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Format 1: version byte, kind code, id, robot, time ns, [position], label, text, model, dimensions, int8
 * values, scale. Untrusted input gives {@link CorruptRecordException}, never a half-built record.
 */
public final class VectorRecordCodec {
    static final int FORMAT = 1;

    public byte[] encode(VectorRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + r.vector().dimensions());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            SemanticItem item = r.item();
            out.writeByte(item.key().kind().code());
            out.writeLong(item.key().id());
            out.writeUTF(item.robot().name());
            out.writeLong(item.time().nanos());
            out.writeBoolean(item.position().isPresent());
            if (item.position().isPresent()) {
                Vec3 p = item.position().get();
                out.writeDouble(p.x());
                out.writeDouble(p.y());
                out.writeDouble(p.z());
            }
            out.writeUTF(item.label());
            out.writeUTF(item.text());
            out.writeUTF(r.model());
            out.writeShort(r.vector().dimensions());
            out.write(r.vector().values());
            out.writeFloat(r.vector().scale());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        return bytes.toByteArray();
    }

    public VectorRecord decode(byte[] bytes) throws CorruptRecordException {
        if (bytes == null || bytes.length == 0) {
            throw new CorruptRecordException("vector record is empty");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            int version = in.readUnsignedByte();
            if (version != FORMAT) {
                throw new CorruptRecordException("vector record format version " + version
                        + " is unknown; this Loci reads " + FORMAT);
            }
            ItemKind kind = ItemKind.ofCode(in.readUnsignedByte());
            long id = in.readLong();
            RobotId robot = RobotId.of(CheckedUtf.read(in));
            Timestamp time = Timestamp.ofNanos(in.readLong());
            Optional<Vec3> position = in.readBoolean()
                    ? Optional.of(new Vec3(in.readDouble(), in.readDouble(), in.readDouble())) : Optional.empty();
            String label = CheckedUtf.read(in);
            String text = CheckedUtf.read(in);
            String model = CheckedUtf.read(in);
            int dimensions = in.readUnsignedShort();
            if (dimensions < 1 || dimensions > Embedding.MAX_DIMENSIONS) {
                throw new CorruptRecordException("vector record has " + dimensions + " dimensions");
            }
            byte[] values = new byte[dimensions];
            in.readFully(values);
            float scale = in.readFloat();
            if (in.available() > 0) {
                throw new CorruptRecordException("vector record has " + in.available() + " trailing bytes");
            }
            return new VectorRecord(new SemanticItem(new ItemKey(kind, id), robot, time, position, label, text), model,
                    new Int8Vector(values, scale));
        } catch (EOFException e) {
            throw new CorruptRecordException("vector record is truncated", e);
        } catch (IOException e) {
            throw new CorruptRecordException("vector record does not decode: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) { // InvalidValueException from the value types
            throw new CorruptRecordException("vector record holds an invalid value: " + e.getMessage(), e);
        }
    }
}
