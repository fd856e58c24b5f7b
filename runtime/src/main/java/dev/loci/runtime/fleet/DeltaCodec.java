package dev.loci.runtime.fleet;

import dev.loci.runtime.store.codec.Codec;
import dev.loci.runtime.store.codec.CheckedUtf;
import dev.loci.runtime.store.codec.CorruptRecordException;
import dev.loci.runtime.store.codec.EventCodec;
import dev.loci.runtime.store.codec.ObservationCodec;
import dev.loci.runtime.store.codec.ProfileCodec;
import dev.loci.spatial.provenance.RobotId;
import dev.loci.spatial.validation.InvalidValueException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeMap;

/**
 * Format 1: version byte, origin name, seq, context vector (count, then name + mark each), payload kind
 * (1 observations: count, then each; 2 event; 3 profile), then the payload in its store codec (each with its
 * own version byte).
 * Used both for the durable delta log and on the wire.
 */
public final class DeltaCodec implements Codec<Delta> {
    static final int FORMAT = 1;
    private static final int OBSERVATIONS = 1;
    private static final int EVENT = 2;
    private static final int PROFILE = 3;

    private final ObservationCodec observations = new ObservationCodec();
    private final EventCodec events = new EventCodec();
    private final ProfileCodec profiles = new ProfileCodec();

    @Override
    public void write(DataOutput out, Delta delta) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(delta.origin().name());
        out.writeLong(delta.seq());
        writeVector(out, delta.context());
        DeltaPayload payload = delta.payload();
        if (payload instanceof DeltaPayload.ObservationsWritten o) {
            out.writeByte(OBSERVATIONS);
            out.writeShort(o.observations().size());
            for (var observation : o.observations()) {
                observations.write(out, observation);
            }
        } else if (payload instanceof DeltaPayload.EventRecorded e) {
            out.writeByte(EVENT);
            events.write(out, e.event());
        } else {
            out.writeByte(PROFILE);
            profiles.write(out, ((DeltaPayload.ProfileWritten) payload).profile());
        }
    }

    @Override
    public Delta read(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != FORMAT) {
            throw new CorruptRecordException("delta format version " + format + " is unknown; this Loci reads " + FORMAT);
        }
        try {
            RobotId origin = new RobotId(CheckedUtf.read(in));
            long seq = in.readLong();
            VersionVector context = readVector(in);
            int kind = in.readUnsignedByte();
            DeltaPayload payload = switch (kind) {
                case OBSERVATIONS -> {
                    int count = in.readUnsignedShort();
                    if (count < 1 || count > DeltaPayload.ObservationsWritten.MAX_OBSERVATIONS) {
                        throw new CorruptRecordException("delta of " + count + " observations, outside [1, "
                                + DeltaPayload.ObservationsWritten.MAX_OBSERVATIONS + "]");
                    }
                    var list = new java.util.ArrayList<dev.loci.spatial.observation.Observation>(count);
                    for (int i = 0; i < count; i++) {
                        list.add(observations.read(in));
                    }
                    yield new DeltaPayload.ObservationsWritten(list);
                }
                case EVENT -> new DeltaPayload.EventRecorded(events.read(in));
                case PROFILE -> new DeltaPayload.ProfileWritten(profiles.read(in));
                default -> throw new CorruptRecordException("delta payload kind " + kind + " is unknown");
            };
            return new Delta(origin, seq, context, payload);
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("delta does not decode: " + invalid.getMessage(), invalid);
        }
    }

    public byte[] encode(Delta delta) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(out, delta);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Exactly the bytes {@link #encode} gives for a delta of these observations, built from observations that are
     * already encoded with {@link ObservationCodec} (images stripped): the write path encodes each one once, to
     * size its delta and to log it.
     */
    public byte[] encodeObservations(RobotId origin, long seq, VersionVector context, List<byte[]> encoded) {
        if (encoded.isEmpty() || encoded.size() > DeltaPayload.ObservationsWritten.MAX_OBSERVATIONS) {
            throw new InvalidValueException("observations", encoded.size(),
                    "must be within [1, " + DeltaPayload.ObservationsWritten.MAX_OBSERVATIONS + "]");
        }
        int size = 64 + 24 * context.marks().size();
        for (byte[] observation : encoded) {
            size += observation.length;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(origin.name());
            out.writeLong(seq);
            writeVector(out, context);
            out.writeByte(OBSERVATIONS);
            out.writeShort(encoded.size());
            for (byte[] observation : encoded) {
                out.write(observation);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public Delta decode(byte[] bytes) throws CorruptRecordException {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            Delta delta = read(in);
            if (in.available() != 0) {
                throw new CorruptRecordException("delta has " + in.available() + " trailing bytes");
            }
            return delta;
        } catch (CorruptRecordException e) {
            throw e;
        } catch (IOException e) { // truncated
            throw new CorruptRecordException("delta is truncated: " + e, e);
        }
    }

    static void writeVector(DataOutput out, VersionVector vector) throws IOException {
        out.writeShort(vector.marks().size());
        for (var mark : vector.marks().entrySet()) {
            out.writeUTF(mark.getKey().name());
            out.writeLong(mark.getValue());
        }
    }

    static VersionVector readVector(DataInput in) throws IOException {
        int count = in.readUnsignedShort();
        if (count > VersionVector.MAX_ORIGINS) {
            throw new CorruptRecordException("version vector of " + count + " origins, more than "
                    + VersionVector.MAX_ORIGINS);
        }
        TreeMap<RobotId, Long> marks = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            marks.put(new RobotId(CheckedUtf.read(in)), in.readLong());
        }
        return new VersionVector(marks);
    }
}
