package dev.loci.runtime.store.codec;

import dev.loci.episodic.chunk.EventTrace;
import dev.loci.spatial.observation.Embedding;
import dev.loci.spatial.provenance.Timestamp;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Format 2: robot, time, text vector, the vector sparse (its non-zero entries as index and value) when that is
 * shorter. Event vectors are lexical (a few hashed words in 256 dimensions), so most are: a dense vector was 1 KB
 * of every event's record, most of what recording an event wrote to the store. Format 1 (always dense) is read.
 */
public final class EventTraceCodec implements Codec<EventTrace> {
    static final int FORMAT = 2;
    private static final int DENSE = 0;
    private static final int SPARSE = 1;
    private final RobotNames robots = new RobotNames();

    @Override
    public void write(DataOutput out, EventTrace trace) throws IOException {
        Fields.version(out, FORMAT);
        out.writeUTF(trace.robot().name());
        out.writeLong(trace.time().nanos());
        Embedding vector = trace.vector();
        int dimensions = vector.dimensions();
        int nonZero = 0;
        for (int i = 0; i < dimensions; i++) {
            nonZero += Float.floatToRawIntBits(vector.get(i)) != 0 ? 1 : 0; // -0.0 is kept: bit-exact round trip
        }
        if (nonZero * 6 >= dimensions * 4) {
            out.writeByte(DENSE);
            Fields.embedding(out, vector);
            return;
        }
        out.writeByte(SPARSE);
        out.writeShort(dimensions);
        out.writeShort(nonZero);
        for (int i = 0; i < dimensions; i++) {
            float value = vector.get(i);
            if (Float.floatToRawIntBits(value) != 0) {
                out.writeShort(i);
                out.writeFloat(value);
            }
        }
    }

    @Override
    public EventTrace read(DataInput in) throws IOException {
        int format = in.readUnsignedByte();
        if (format != 1 && format != FORMAT) {
            throw new CorruptRecordException("event trace record has format " + format + "; this Loci reads 1 and "
                    + FORMAT);
        }
        try {
            var robot = robots.read(in);
            Timestamp time = new Timestamp(in.readLong());
            if (format == 1) {
                return new EventTrace(robot, time, Fields.embedding(in));
            }
            int layout = in.readUnsignedByte();
            if (layout == DENSE) {
                return new EventTrace(robot, time, Fields.embedding(in));
            }
            if (layout != SPARSE) {
                throw new CorruptRecordException("event trace vector has layout " + layout);
            }
            int dimensions = Fields.count(in.readUnsignedShort(), Embedding.MAX_DIMENSIONS, "embedding dimension");
            int nonZero = Fields.count(in.readUnsignedShort(), dimensions, "embedding non-zero entries");
            float[] values = new float[dimensions];
            int previous = -1;
            for (int n = 0; n < nonZero; n++) {
                int index = in.readUnsignedShort();
                if (index <= previous || index >= dimensions) {
                    throw new CorruptRecordException("event trace vector entry " + index + " is out of order or"
                            + " beyond " + dimensions + " dimensions");
                }
                values[index] = in.readFloat();
                previous = index;
            }
            return new EventTrace(robot, time, Embedding.adopting(values));
        } catch (IllegalArgumentException invalid) {
            throw new CorruptRecordException("event trace does not decode: " + invalid.getMessage(), invalid);
        }
    }
}
